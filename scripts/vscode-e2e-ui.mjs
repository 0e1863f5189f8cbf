// A few checks of the real workbench UI with the extension installed from its VSIX: squiggles, the status bar
// item, the Problems panel it opens, the rule page its code link opens, the hover guidance on a section heading, and the walkthrough. Writes "PASSED FAILED" to COUNTS_FILE and a screenshot.
// Usage: node scripts/vscode-e2e-ui.mjs BASE_URL WORKSPACE FILE_NAME COUNTS_FILE SCREENSHOT.png
// Env: SCREENSHOT_PLAN / SCREENSHOT_DOCS / SCREENSHOT_HOVER / SCREENSHOT_WALKTHROUGH=path.png (the plan with its squiggles,
// the Problems panel and the status bar; the rule page; the hover; the walkthrough).
import fs from 'node:fs';
import { launchWorkbenchBrowser } from './vscode-e2e-browser.mjs';

const [baseUrl, folder, fileName, countsFile, screenshot] = process.argv.slice(2);
const t0 = Date.now();
const lap = (m) => console.log(`  [ui +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const browser = await launchWorkbenchBrowser();
const context = browser.context;
const checks = {
  squiggle: false,
  statusBar: false,
  planFindings: false,
  problemsPanel: false,
  ruleDocs: false,
  hover: false,
  walkthrough: false,
};
const hoverShot = process.env.SCREENSHOT_HOVER;
const walkthroughShot = process.env.SCREENSHOT_WALKTHROUGH;
const docsShot = process.env.SCREENSHOT_DOCS;
const planShot = process.env.SCREENSHOT_PLAN;
const fixShot = process.env.SCREENSHOT_FIX;
const findingsShot = process.env.SCREENSHOT_FINDINGS;
const page = context.pages()[0] ?? (await context.newPage());
try {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
  const row = page.locator(`.explorer-viewlet .monaco-list-row[aria-label^="${fileName}"]`).first();
  await row.waitFor({ timeout: 90_000 });
  lap('workbench ready');
  // The empty secondary side bar (chat) takes a fifth of the window: closed, as a user would, for the screenshots.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').first().fill('>Hide Secondary Side Bar');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Hide Secondary Side Bar' })
    .first()
    .waitFor({ timeout: 15_000 })
    .then(
      () => page.keyboard.press('Enter'),
      () => page.keyboard.press('Escape'),
    );
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
  // A click lists this plan's findings (a quick pick: VS Code cannot filter the Problems panel to one file).
  await item.click();
  const finding = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'customer-not-premier' }).first();
  await finding.waitFor({ timeout: 30_000 });
  checks.planFindings = true;
  lap(`plan findings: ${JSON.stringify((await finding.innerText()).replace(/\s+/g, ' ').slice(0, 120))}`);
  if (findingsShot) await page.screenshot({ path: findingsShot });
  await page.keyboard.press('Escape');
  // The Problems panel, from the status bar's problem counts.
  await page.locator('[id="status.problems"]').first().click();
  const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'customer-not-premier' }).first();
  await marker.waitFor({ timeout: 30_000 });
  checks.problemsPanel = true;
  lap(`problems panel: ${JSON.stringify((await marker.innerText()).replace(/\s+/g, ' ').slice(0, 120))}`);
  if (planShot) {
    // The folder also holds broken config files (other checks' fixtures): the panel's filter shows this plan's rows only.
    await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('**/plan.testbed.md');
    await marker.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: planShot });
  }

  if (fixShot) {
    // The Ctrl+. menu on the premier tier: the fixes, Configure rule, the grouped disables and the docs entry.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type('12:10');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: fixShot });
    await page.keyboard.press('Escape');
  }

  // The rule id in the Problems row links to the rule's page, opened inside VS Code (the Markdown preview, offline)
  // with the values this plan is linted with.
  await marker.locator('.marker-code, .code-link').first().click();
  await page
    .locator('.tabs-container .tab', { hasText: 'Preview customer-not-premier.md' })
    .first()
    .waitFor({ timeout: 30_000 });
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
  await preview.getByText('Settings for plan.testbed.md').first().waitFor({ timeout: 30_000 });
  const docsText = (await preview.innerText()).replace(/\s+/g, ' ');
  checks.ruleDocs = docsText.startsWith('customer-not-premier') && /severity\s+warning\s+warning/.test(docsText);
  lap(`rule docs: ${JSON.stringify(docsText.slice(0, 160))}`);
  if (docsShot) {
    // Away from the link, so its tooltip (the command URI) is not in the picture.
    await page.mouse.move(700, 300);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: docsShot });
  }
  await page.keyboard.press('Control+W');

  // Hover guidance on a section heading: put the cursor on the heading (Go to Line) and show the hover, as a
  // keyboard user would (pointing with the mouse depends on where the line is drawn).
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').first().fill(':20:5');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').first().fill('>Show or Focus Hover');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Show or Focus Hover' })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Customer selection' }).first();
  await hover.waitFor({ timeout: 30_000 });
  const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
  checks.hover = /premier/i.test(hoverText);
  lap(`hover: ${JSON.stringify(hoverText.slice(0, 140))}`);
  if (hoverShot) await page.screenshot({ path: hoverShot });
  await page.keyboard.press('Escape');

  // The getting-started walkthrough, opened from the command palette as a user would.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 15_000 });
  await input.fill('>Welcome: Open Walkthrough');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with testbed plans' })
    .first()
    .click({ timeout: 15_000 });
  const walkthrough = page.locator('.gettingStartedContainer', { hasText: 'Get started with testbed plans' }).first();
  await walkthrough.waitFor({ timeout: 30_000 });
  const steps = await walkthrough.locator('.getting-started-step .step-title').allInnerTexts();
  checks.walkthrough = steps.length === 5 && steps[0] === 'What a testbed plan is';
  lap(`walkthrough steps: ${JSON.stringify(steps)}`);
  if (walkthroughShot) await page.screenshot({ path: walkthroughShot });
} catch (e) {
  console.log(`  [ui] FAILED: ${String(e.message).split('\n')[0]}`);
} finally {
  if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
  await browser.close();
}
const passed = Object.values(checks).filter(Boolean).length;
const failed = Object.values(checks).length - passed;
console.log(`  [ui] ${JSON.stringify(checks)}`);
fs.writeFileSync(countsFile, `${passed} ${failed}\n`);
process.exit(failed ? 1 : 0);
