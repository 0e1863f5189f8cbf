// Builds dist/: the CLI (dist/cli.js), the core library (dist/core.js) and the VS Code extension (dist/extension.js, dist/web/extension.js) with esbuild, and the core's
// type declarations (dist/types) with tsc. The three run in parallel; the whole build takes a few seconds.
import { spawn } from 'node:child_process';
import { chmod, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const common = {
  bundle: true,
  absWorkingDir: root,
  target: 'node20',
  format: /** @type {const} */ ('cjs'),
  platform: /** @type {const} */ ('node'),
  sourcemap: false,
  legalComments: /** @type {const} */ ('none'),
  logLevel: /** @type {const} */ ('warning'),
  // Why: bundled ESM dependencies (fdir, under tinyglobby) call createRequire(import.meta.url), which a
  // CommonJS bundle leaves empty; this gives them the bundle's own URL instead.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// Why: `testbed-lint mcp` imports src/mcp/server.ts on demand; it is its own bundle (dist/mcp.js, with the MCP SDK's
// server and stdio modules), so the CLI's other commands never load the SDK.
const mcpApart = {
  name: 'mcp-apart',
  setup(build) {
    build.onResolve({ filter: /\/mcp\/server\.js$/ }, () => ({ path: './mcp.js', external: true }));
  },
};

async function buildCli() {
  const outfile = join(dist, 'cli.js');
  await esbuild.build({
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile,
    plugins: [mcpApart],
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  });
  await chmod(outfile, 0o755);
  await esbuild.build({
    ...common,
    entryPoints: ['src/mcp/server.ts'],
    outfile: join(dist, 'mcp.js'),
    plugins: [mcpApart],
  });
}

// The VS Code extension: dist/extension.js for the Node extension host and dist/web/extension.js for a
// web worker extension host (github.dev, vscode.dev); `vscode` is provided by the host.
async function buildExtension() {
  await esbuild.build({
    ...common,
    entryPoints: ['src/extension/desktop.ts'],
    outfile: join(dist, 'extension.js'),
    external: ['vscode'],
  });
  // The lint worker thread the extension starts (the core and rules; no vscode).
  await esbuild.build({
    ...common,
    entryPoints: ['src/extension/lint/worker-script-node.ts'],
    outfile: join(dist, 'lint-worker.js'),
  });
}

/** esbuild options of the web bundle (exported for test/unit/extension-web.test.ts, which checks what it pulls in). */
export const webExtensionOptions = {
  entryPoints: ['src/extension/web.ts'],
  absWorkingDir: root,
  bundle: true,
  format: /** @type {const} */ ('cjs'),
  platform: /** @type {const} */ ('browser'),
  // Why: a web-worker extension host has no DOM. With only `browser`, packages that export a DOM build under it
  // (decode-named-character-reference, in micromark's tree, calls document.createElement at load) break
  // activation with "document is not defined"; the `worker` condition picks their DOM-free build first.
  conditions: ['worker'],
  target: 'es2022',
  external: ['vscode'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: /** @type {const} */ ('none'),
  logLevel: /** @type {const} */ ('warning'),
};

async function buildWebExtension() {
  await esbuild.build({ ...webExtensionOptions, outfile: join(dist, 'web', 'extension.js') });
  // The web worker the web extension starts for lints: a classic script (no module system), so an IIFE.
  await esbuild.build({
    ...webExtensionOptions,
    format: 'iife',
    entryPoints: ['src/extension/lint/worker-script-web.ts'],
    outfile: join(dist, 'web', 'lint-worker.js'),
  });
}

async function buildCore() {
  await esbuild.build({ ...common, entryPoints: ['src/api/index.ts'], outfile: join(dist, 'core.js') });
}

function buildTypes() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = [
    tsc,
    '-p',
    'tsconfig.core.json',
    '--noEmit',
    'false',
    '--declaration',
    '--emitDeclarationOnly',
    '--outDir',
    'dist/types',
    '--rootDir',
    'src',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`tsc exited with code ${code}`))));
  });
}

const started = Date.now();
await Promise.all([
  rm(join(dist, 'types'), { recursive: true, force: true }),
  rm(join(dist, 'cli.js'), { force: true }),
  rm(join(dist, 'mcp.js'), { force: true }),
  rm(join(dist, 'core.js'), { force: true }),
  rm(join(dist, 'extension.js'), { force: true }),
  rm(join(dist, 'lint-worker.js'), { force: true }),
  rm(join(dist, 'web'), { recursive: true, force: true }),
]);
try {
  await Promise.all([buildCli(), buildCore(), buildExtension(), buildWebExtension(), buildTypes()]);
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(
  `built dist/cli.js, dist/mcp.js, dist/core.js, dist/extension.js, dist/lint-worker.js, dist/web/extension.js, dist/web/lint-worker.js and dist/types in ${Date.now() - started} ms`,
);
