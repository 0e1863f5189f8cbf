// Writes l10n/bundle.l10n.json from the vscode.l10n.t calls in src/extension (a translation then adds
// l10n/bundle.l10n.<lang>.json and package.nls.<lang>.json, with no code change).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'testbed-lint-l10n-'));
try {
  const out = join(dir, 'l10n.cjs');
  await build({
    entryPoints: [join(root, 'scripts/l10n.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error',
    define: { __dirname: JSON.stringify(join(root, 'scripts')) },
  });
  const l = createRequire(import.meta.url)(out);
  writeFileSync(join(root, 'l10n/bundle.l10n.json'), l.l10nBundleText());
  console.log(`l10n: ${Object.keys(l.l10nBundle()).length} strings in l10n/bundle.l10n.json`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
