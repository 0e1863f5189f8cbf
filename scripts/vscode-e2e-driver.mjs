// Opens code-server's workbench in Debian's Chromium (playwright-core) with a payload that runs the integration
// suite in the extension host, and waits for its exit code (window.codeAutomationExit).
// Usage: node scripts/vscode-e2e-driver.mjs BASE_URL EXTENSION_DIR TESTS_INDEX_JS WORKSPACE RESULTS_FILE [SCREENSHOT.png]
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchWorkbenchBrowser } from './vscode-e2e-browser.mjs';

const [baseUrl, devPath, testsPath, folder, resultsFile, screenshot] = process.argv.slice(2);
// The whole suite; on a machine with 15 busy processes per core it took 9 minutes.
const TIMEOUT_MS = Number(process.env.VSCODE_E2E_TIMEOUT_MS ?? 900_000);
const remote = (p) => `vscode-remote://${new URL(baseUrl).host}${path.resolve(p)}`;
const payload = [
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
];
const url = `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const t0 = Date.now();
const browser = await launchWorkbenchBrowser();
const context = browser.context;
let exitCode;
const done = new Promise((resolve) => {
  void context.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
    resolve('exit');
  });
  void context.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(args ?? []));
    if (
      line.includes('[ext-tests]') ||
      (type === 'error' && /testbed-lint|extension\.test|Error:/.test(line) && !/open-vsx|vsda|marketplace/.test(line))
    ) {
      console.log(line.replace(/^.*?\[ext-tests\] ?/, '  '));
    }
  });
});
const page = context.pages()[0] ?? (await context.newPage());
let timer;
try {
  // Why the long timeout: on a loaded machine (8 sessions on 2 cores) the workbench page took over 30 s to load.
  await page.goto(url, { timeout: 120_000 });
  const r = await Promise.race([done, new Promise((res) => (timer = setTimeout(() => res('timeout'), TIMEOUT_MS)))]);
  if (screenshot)
    await page.screenshot({ path: screenshot }).catch((e) => console.log(`screenshot failed: ${e.message}`));
  if (r === 'timeout') {
    console.log(
      `TIMEOUT after ${TIMEOUT_MS} ms (is code-server started with --vscode-option enable-smoke-test-driver?)`,
    );
    if (!fs.existsSync(resultsFile)) fs.writeFileSync(resultsFile, '0 passed, 1 failed\n');
    exitCode = 2;
  }
} finally {
  clearTimeout(timer);
  await browser.close();
}
console.log(`extension host exit code ${exitCode} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(exitCode === 0 ? 0 : 1);
