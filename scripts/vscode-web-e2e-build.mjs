// Bundles the web suite (test/vscode-web/suite) for VS Code web's web-worker extension host: one CommonJS file that
// requires only `vscode` (mocha's browser build included). Usage: node scripts/vscode-web-e2e-build.mjs OUT.js
// (test-web serves the test module relative to the extension, so OUT must be inside the extension folder).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/vscode-web-e2e-build.mjs OUT.js');
  process.exit(2);
}
await esbuild.build({
  entryPoints: ['test/vscode-web/suite/index.ts'],
  outfile: resolve(out),
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  conditions: ['worker'],
  target: 'es2022',
  external: ['vscode'],
  // mocha's browser build reads global and process (it shims process.stdout itself).
  define: { global: 'globalThis' },
  logLevel: 'warning',
});
console.log(`built ${out}`);
