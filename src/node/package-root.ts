// Finding the installed package's root (for the rule docs it ships), from the running code's location.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fs } from './fs.js';

export const PACKAGE_NAME = 'testbed-lint';

/** The folder of the running module: `__dirname` in the CommonJS bundle, `import.meta.url` in ESM (tests). */
export function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/** The nearest ancestor of `from` (itself included) whose package.json is named "testbed-lint". */
export function findPackageRoot(fs: Fs, from: string = moduleDir()): string | undefined {
  let dir = from;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === PACKAGE_NAME) return dir;
    } catch {
      // Empty: no (readable) package.json here; keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where a rule's doc lives in the package: src/rules/<id>/<id>.md. */
export function ruleDocPath(packageRoot: string, ruleId: string): string {
  return join(packageRoot, 'src', 'rules', ruleId, `${ruleId}.md`);
}
