// A few checks of the real workbench UI with the extension installed from its VSIX: squiggles, the status bar
// item, the Problems panel it opens, the rule page its code link opens (and that it stays beside the plan), the hover
// guidance on a section heading, the walkthrough, completion, the config checked while typing, New plan and Configure rule. Writes "PASSED FAILED" to COUNTS_FILE and a screenshot.
// Usage: node scripts/vscode-e2e-ui.mjs BASE_URL WORKSPACE FILE_NAME COUNTS_FILE SCREENSHOT.png
// Env: SCREENSHOT_PLAN / SCREENSHOT_DOCS / SCREENSHOT_HOVER / SCREENSHOT_WALKTHROUGH=path.png (the plan with its squiggles,
// the Problems panel and the status bar; the rule page beside the plan; the hover; the walkthrough), SCREENSHOT_COMPLETION /
// SCREENSHOT_MOMENT / SCREENSHOT_CONFIG=path.png (completion in a new counterparts row and in a Moment cell; a config
// typo underlined before saving).
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
  ruleDocsStay: false,
  hover: false,
  walkthrough: false,
  completionCounterparts: false,
  completionMoment: false,
  configWhileTyping: false,
  newPlanOneStep: false,
  configureRuleSays: false,
};
const hoverShot = process.env.SCREENSHOT_HOVER;
const walkthroughShot = process.env.SCREENSHOT_WALKTHROUGH;
const docsShot = process.env.SCREENSHOT_DOCS;
const planShot = process.env.SCREENSHOT_PLAN;
const fixShot = process.env.SCREENSHOT_FIX;
const findingsShot = process.env.SCREENSHOT_FINDINGS;
const completionShot = process.env.SCREENSHOT_COMPLETION;
const momentShot = process.env.SCREENSHOT_MOMENT;
const configShot = process.env.SCREENSHOT_CONFIG;
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

  // The rule id in the Problems row links to the rule's page, opened inside VS Code beside the plan (a Markdown preview
  // locked to the page, offline) with the values this plan is linted with.
  await marker.locator('.marker-code, .code-link').first().click();
  const docsTab = page.locator('.tabs-container .tab', { hasText: '[Preview] customer-not-premier.md' }).first();
  await docsTab.waitFor({ timeout: 30_000 });
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
  await preview.getByText('Settings for plan.testbed.md').first().waitFor({ timeout: 30_000 });
  const docsText = (await preview.innerText()).replace(/\s+/g, ' ');
  checks.ruleDocs = docsText.startsWith('customer-not-premier') && /severity\s+warning\s+warning/.test(docsText);
  lap(`rule docs: ${JSON.stringify(docsText.slice(0, 160))}`);
  // The writer clicks back into the plan: the page stays in its own tab beside it, still the rule's page.
  await page.locator('.editor-instance .view-lines').first().click();
  await page.waitForTimeout(1500);
  // Tab texts without their line breaks ("plan.testbed" / ".md" are drawn as two parts).
  const tabs = (await page.locator('.tabs-container .tab').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
  checks.ruleDocsStay =
    (await docsTab.isVisible()) &&
    tabs.includes('[Preview]customer-not-premier.md') &&
    !tabs.some((t) => t.startsWith('Preview')) &&
    tabs.includes('plan.testbed.md');
  lap(`tabs after clicking back into the plan: ${JSON.stringify(tabs)}`);
  if (docsShot) {
    // Away from the link, so its tooltip (the command URI) is not in the picture.
    await page.mouse.move(700, 300);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: docsShot });
  }
  await docsTab.click();
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
}
try {
  await writersDay();
} catch (e) {
  console.log(`  [ui] FAILED (writer's day): ${String(e.message).split('\n')[0]}`);
} finally {
  if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
  await browser.close();
}
/** Runs a command from the palette by its title. */
async function palette(title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').first().fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Puts the cursor at LINE:COLUMN (1-based) of the active editor. */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').first().fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/**
 * Waits for a notification with `text`: as a toast, or else in the notification center (where code-server may put it
 * at once when the window is busy).
 */
async function notification(text) {
  const shown = page.locator('.notification-list-item', { hasText: text }).first();
  const seen = await shown.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!seen) {
    await palette('Notifications: Show Notifications');
    await shown.waitFor({ timeout: 20_000 });
  }
  return shown;
}

/** The suggest widget once it lists `label`; its rows' texts. */
async function suggestions(label) {
  const widget = page.locator('.suggest-widget.visible').first();
  await widget.locator('.monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30_000 });
  return (await widget.locator('.monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
}

/**
 * Issue 24 in the workbench: completion in a new counterparts row and in a metric's Moment cell, a config typo
 * underlined before saving, New plan in one step with one notification, "Configure rule…" naming the file it wrote.
 */
async function writersDay() {
  const planRow = page.locator('.explorer-viewlet .monaco-list-row[aria-label^="plan.testbed.md"]').first();
  await planRow.dblclick();
  const editor = page.locator('.editor-instance .view-lines').first();
  await editor.click();
  // A new row under the Logistics counterpart: `| ` offers the departments the framework asks for first.
  await goTo(48, 200);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('| ');
  const departments = await suggestions('Finance');
  checks.completionCounterparts =
    JSON.stringify(departments.slice(0, 3)) === JSON.stringify(['Finance', 'Operations', 'Procurement']);
  lap(`completion in a counterparts row: ${JSON.stringify(departments)}`);
  if (completionShot) await page.screenshot({ path: completionShot });
  await page.keyboard.press('Escape');
  // The Moment cell of "Cost to serve per ward" (line 56 now): the journey's moments.
  const row = '| Cost to serve per ward | internal | average | |';
  await goTo(56, row.lastIndexOf('|') + 1);
  await page.keyboard.press('Control+Space');
  const moments = await suggestions('A nurse reaches');
  checks.completionMoment = moments[0] === 'A nurse reaches into the ward cabinet for IV sets';
  lap(`completion in a Moment cell: ${JSON.stringify(moments)}`);
  if (momentShot) await page.screenshot({ path: momentShot });
  await page.keyboard.press('Escape');
  await palette('File: Revert File');
  await page.waitForTimeout(500);

  // The config: a typo is underlined while the file is unsaved.
  await page.locator('.explorer-viewlet .monaco-list-row[aria-label^=".testbed-lint.yaml"]').first().dblclick();
  await page
    .locator('.tabs-container .tab.active', { hasText: '.testbed-lint.yaml' })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('  counterpart-early: disabled');
  await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 30_000 });
  const dirty = await page.locator('.tabs-container .tab.active.dirty', { hasText: '.testbed-lint.yaml' }).count();
  checks.configWhileTyping = dirty === 1;
  lap(`config typo underlined before saving (dirty tab: ${dirty})`);
  if (configShot) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page
      .locator('.monaco-hover:not(.hidden)', { hasText: 'disabled' })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    await page.waitForTimeout(500);
    await page.screenshot({ path: configShot });
    await page.keyboard.press('Escape');
  }
  await palette('File: Revert File');
  await page.waitForTimeout(500);

  // New plan: the title, then one notification naming the file written in plans/ (no save dialog, no folder question).
  await palette('View: Close All Editors');
  await palette('Testbed: New plan (Markdown)');
  // The title box (its prompt), not the palette's input it replaces.
  await page
    .locator('.quick-input-widget', { hasText: 'Title of the testbed plan' })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.locator('.quick-input-widget input').first().fill('Faster invoicing with Acme');
  await page.keyboard.press('Enter');
  await notification('New plan: plans/faster-invoicing-with-acme.testbed.md');
  const active = (await page.locator('.tabs-container .tab.active').first().innerText()).replace(/\s+/g, '');
  checks.newPlanOneStep =
    active.startsWith('faster-invoicing-with-acme.testbed.md') && !(await page.locator('.monaco-dialog-box').count());
  lap(`new plan: notification shown, active tab ${JSON.stringify(active)}`);

  // "Configure rule…": names the file it wrote, and opens it on request.
  await palette('Testbed: Configure rule severity');
  await page.locator('.quick-input-widget input').first().fill('counterpart-finance');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'counterpart-finance' })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'info' }).first().waitFor({ timeout: 15_000 });
  await page.locator('.quick-input-widget input').first().fill('info');
  await page.keyboard.press('Enter');
  const said = await notification('Set counterpart-finance to info in .testbed-lint.yaml.');
  await said.locator('.monaco-button', { hasText: 'Open .testbed-lint.yaml' }).first().click();
  await page
    .locator('.tabs-container .tab.active', { hasText: '.testbed-lint.yaml' })
    .first()
    .waitFor({ timeout: 15_000 });
  checks.configureRuleSays = true;
  lap('configure rule: named the file and opened it');
}

const passed = Object.values(checks).filter(Boolean).length;
const failed = Object.values(checks).length - passed;
console.log(`  [ui] ${JSON.stringify(checks)}`);
fs.writeFileSync(countsFile, `${passed} ${failed}\n`);
process.exit(failed ? 1 : 0);
