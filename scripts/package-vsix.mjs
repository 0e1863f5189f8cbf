// npm run package: builds testbed-lint-<version>.vsix with @vscode/vsce (options: --no-build, --out FILE). Packs a
// staging copy of what .vscodeignore allows, because vsce refuses a .vscodeignore together with package.json's "files" (npm's list).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.argv.includes('--no-build')) run(process.execPath, [join(root, 'scripts/build.mjs')], root);

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = mkdtempSync(join(tmpdir(), 'testbed-lint-vsix-'));
try {
  // dist/cli.js, dist/mcp.js and the rule pages: the MCP server the desktop extension registers (testbed-lint mcp).
  for (const p of [
    'dist/extension.js',
    'dist/web/extension.js',
    'dist/lint-worker.js',
    'dist/web/lint-worker.js',
    'dist/cli.js',
    'dist/mcp.js',
    'src/rules',
    'media',
    'schemas',
    'syntaxes',
    'snippets',
    'l10n',
    'package.nls.json',
    'docs',
    'README.md',
    'LICENSE',
    '.vscodeignore',
  ]) {
    if (existsSync(join(root, p))) cpSync(join(root, p), join(stage, p), { recursive: true });
  }
  // The staged manifest has no npm-only fields: "files" (see above), scripts (the build already ran), dependencies (bundled).
  const {
    files: _files,
    scripts: _scripts,
    devDependencies: _dev,
    dependencies: _deps,
    bin: _bin,
    exports: _exports,
    types: _types,
    ...vsix
  } = manifest;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(vsix, null, 2));
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? process.argv[outArg + 1] : join(root, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '-o', out], stage);
  console.log(`packed ${out}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
