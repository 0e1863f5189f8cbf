// Bundles the integration suite (test/vscode/suite) for the extension host: dist/vscode-test/suite/{index,extension.test,
// lm-tools.test}.js, and the keystroke benchmark that bench/keystroke.mjs runs in its place (keystroke.bench.js).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await esbuild.build({
  entryPoints: [
    'test/vscode/suite/index.ts',
    'test/vscode/suite/extension.test.ts',
    'test/vscode/suite/lm-tools.test.ts',
    'test/vscode/suite/keystroke.bench.ts',
    'test/vscode/runTest.ts',
  ],
  outdir: 'dist/vscode-test',
  outbase: 'test/vscode',
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Why: the host provides `vscode`; mocha and @vscode/test-electron are loaded from node_modules.
  external: ['vscode', 'mocha', '@vscode/test-electron'],
  logLevel: 'warning',
});
console.log('built dist/vscode-test');
