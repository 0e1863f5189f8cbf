// A few checks of the real workbench UI with the extension installed from its VSIX: squiggles, the status bar
// item, and the Problems panel it opens. Writes "PASSED FAILED" to COUNTS_FILE and a screenshot.
// Usage: node scripts/vscode-e2e-ui.mjs BASE_URL WORKSPACE FILE_NAME COUNTS_FILE SCREENSHOT.png
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, folder, fileName, countsFile, screenshot] = process.argv.slice(2);
const t0 = Date.now();
const lap = (m) => console.log(`  [ui +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'testbed-lint-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const checks = { squiggle: false, statusBar: false, problemsPanel: false };
const page = context.pages()[0] ?? (await context.newPage());
try {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
  const row = page.locator(`.explorer-viewlet .monaco-list-row[aria-label^="${fileName}"]`).first();
  await row.waitFor({ timeout: 90_000 });
  lap('workbench ready');
  await row.dblclick();
  await page.locator('.editor-instance .view-lines .view-line').first().waitFor({ timeout: 30_000 });
  await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 60_000 });
  checks.squiggle = true;
  lap('squiggle shown');
  const item = page.locator('.statusbar-item', { hasText: 'Testbed: customer' }).first();
  await item.waitFor({ timeout: 30_000 });
  const text = (await item.innerText()).trim();
  checks.statusBar = text === 'Testbed: customer ⚠ iterations ⚠ counterparts ⚠';
  lap(`status bar: ${JSON.stringify(text)}`);
  await item.click();
  const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'customer-not-premier' }).first();
  await marker.waitFor({ timeout: 30_000 });
  checks.problemsPanel = true;
  lap(`problems panel: ${JSON.stringify((await marker.innerText()).replace(/\s+/g, ' ').slice(0, 120))}`);
} catch (e) {
  console.log(`  [ui] FAILED: ${String(e.message).split('\n')[0]}`);
} finally {
  if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
  await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
const passed = Object.values(checks).filter(Boolean).length;
const failed = Object.values(checks).length - passed;
console.log(`  [ui] ${JSON.stringify(checks)}`);
fs.writeFileSync(countsFile, `${passed} ${failed}\n`);
process.exit(failed ? 1 : 0);
