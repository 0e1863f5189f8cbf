// Runs the integration suite in a downloaded VS Code (Electron) with @vscode/test-electron, on machines that can
// download VS Code: `npm run build && node scripts/vscode-e2e-build.mjs && node dist/vscode-test/runTest.js`.
// Here and in CI, scripts/vscode-e2e.sh runs the same suite in code-server instead.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const workspace = mkdtempSync(join(tmpdir(), 'testbed-lint-vscode-'));
  cpSync(join(root, 'test/vscode/workspace'), workspace, { recursive: true }); // the suite edits files
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/vscode-test/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
