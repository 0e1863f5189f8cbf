// The web extension (dist/web/extension.js, unpacked from the VSIX) in VS Code web's web-worker extension host, the
// host github.dev and vscode.dev use. The opened folder is test-web's virtual file system (vscode-test-web://mount/):
// files are read through vscode.workspace.fs. cli-expected.json holds the CLI's JSON (node dist/cli.js --format json)
// for the same files, written by scripts/vscode-web-e2e.sh before the run.
/// <reference types="mocha" />
import * as vscode from 'vscode';
import type { TestbedLintApi } from '../../../src/extension/web.js';
import {
  activeTabWhere,
  diagnostic,
  e2e,
  equal,
  hoverTexts,
  match,
  ok,
  until,
  withTimeout,
  WAIT_MS,
  EXTENSION_ID,
  type CliMessage,
} from '../../helpers/e2e.js';

let api: TestbedLintApi;
let root: vscode.Uri;
const {
  keepWorkspaceClean,
  uriOf,
  lintWhere,
  settled,
  open,
  applyAndLint,
  revert,
  restore,
  discard,
  whileAsking,
  workerLogGrows,
} = e2e(
  () => api,
  () => root,
);

/** [ruleId, severity, line, column, endLine, endColumn, message], 1-based as in the CLI's JSON. */
type Row = [string, string, number, number, number, number, string];
const byPosition = (a: Row, b: Row) => a[2] - b[2] || a[3] - b[3] || a[0].localeCompare(b[0]);
const EDITOR_SEVERITY = ['error', 'warning', 'info', 'hint'];
const editorRows = (uri: vscode.Uri): Row[] =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'testbed-lint')
    .map((d): Row => [
      String(typeof d.code === 'object' ? d.code.value : d.code),
      EDITOR_SEVERITY[d.severity]!,
      d.range.start.line + 1,
      d.range.start.character + 1,
      d.range.end.line + 1,
      d.range.end.character + 1,
      d.message,
    ])
    .sort(byPosition);

let cliCache: Record<string, CliMessage[]> | undefined;
/** The CLI's findings for a workspace-relative path, from cli-expected.json (read through the virtual file system). */
async function cliRows(rel: string): Promise<Row[]> {
  cliCache ??= JSON.parse(
    new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf('cli-expected.json'))),
  ) as Record<string, CliMessage[]>;
  const messages = cliCache[rel];
  ok(messages, `cli-expected.json has no entry for ${rel}`);
  const severity: Record<number, string> = { 2: 'error', 1: 'warning', 0: 'info' };
  return messages
    .map((m): Row => [m.ruleId, severity[m.severity]!, m.line, m.column, m.endLine, m.endColumn, m.message])
    .sort(byPosition);
}

/**
 * The code actions VS Code gathers for a range. Why the retry: the workbench cancels the request ("Canceled") when the
 * document changes while it runs (a revert of an earlier test landing late); asked again, it answers.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        kind,
      );
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !/Canceled/.test(error.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

suite('testbed-lint in VS Code web (web-worker extension host)', () => {
  const leaks = keepWorkspaceClean();
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<TestbedLintApi>(EXTENSION_ID);
    ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = await withTimeout(ext.activate(), 'activation');
    root = vscode.workspace.workspaceFolders![0]!.uri;
    // Why: VS Code web saves every edit after a second by default (files.autoSave is "afterDelay" there, "off" on the
    // desktop, where scripts/vscode-e2e.sh also sets it off). A test's edit that lived longer was saved, so reverting
    // brought the edit back: under load the worker tests' "Key Account" → "standard" stayed in plan.testbed.md and
    // failed the tests after them. The tests edit without saving, as on the desktop.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'files.autoSave');
  });

  test('the extension activates from its browser entry in a web worker (no DOM, virtual file system)', () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'uiKind');
    equal(typeof (globalThis as { document?: unknown }).document, 'undefined', 'a DOM in the extension host');
    equal(root.scheme, 'vscode-test-web', 'the opened folder');
    ok(typeof api.whenLinted === 'function' && typeof api.plans === 'function', 'activate() returned no API');
  });

  test('a Markdown plan gets the same diagnostics as the CLI (rule, severity, range, message)', async () => {
    const { doc, lint } = await open('plan.testbed.md');
    equal(lint.linted, true, 'linted');
    const cli = await cliRows('plan.testbed.md');
    ok(cli.length >= 4, `the CLI found only ${cli.length} problems`);
    equal(editorRows(doc.uri), cli);
    const d = diagnostic(doc.uri, 'counterpart-early');
    // The code links to the rule's page (a URL, or a command that opens the bundled page: either names the rule).
    ok(
      typeof d.code === 'object' && decodeURIComponent(d.code.target.toString(true)).includes('counterpart-early'),
      `the code's link: ${JSON.stringify(d.code)}`,
    );
  });

  test('rule documentation opens inside VS Code web, offline, in a locked Markdown preview beside the plan that stays, with the values the config file sets', async () => {
    // configured/.testbed-lint.yaml sets iteration-stale: [info, { max-days: 30 }] (defaults: warning, 45).
    const { doc } = await open('configured/plan.testbed.md');
    const d = diagnostic(doc.uri, 'iteration-stale');
    equal(d.severity, vscode.DiagnosticSeverity.Information, 'the configured severity');
    ok(typeof d.code === 'object', 'the code has a target');
    const target = d.code.target;
    equal([target.scheme, target.path], ['command', 'testbedLint.showRuleDocumentation'], 'the code link');
    const args = JSON.parse(target.query) as string[];
    equal(args, ['iteration-stale', doc.uri.toString()], "the link's arguments");
    // What the code link runs: the command with the link's arguments.
    const opened = await withTimeout(vscode.commands.executeCommand<string>(target.path, ...args), 'the rule page');
    equal(vscode.Uri.parse(opened).scheme, 'testbed-lint-rule', 'the page');
    const page = vscode.workspace.textDocuments.find((t) => t.uri.toString() === opened);
    ok(page, 'the page is an open document');
    const text = page.getText();
    match(text, /^# iteration-stale\n/);
    match(text, /\*\*Settings for `configured\/plan\.testbed\.md`\*\*/);
    match(text, /\| severity \| `info` \| `warning` \|/);
    match(text, /\| `max-days` \| `30` \| `45` \| The most days allowed between the newest entry and today\. \|/);
    match(text, /## When not to use it/);
    // Shown in the Markdown preview (a webview tab), not as a web page and not as the source.
    const tab = await activeTabWhere((t) => t.input instanceof vscode.TabInputWebview);
    ok(tab?.input instanceof vscode.TabInputWebview, `the active tab is ${tab?.label} (${JSON.stringify(tab?.input)})`);
    match(tab.input.viewType, /markdown\.preview/, 'the viewType');
    // Locked to the rule ("[Preview] ..."), beside the plan; it stays when the writer clicks back into the plan.
    equal(tab.label, '[Preview] iteration-stale.md', 'the tab label');
    const planGroup = () =>
      vscode.window.tabGroups.all.find((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString()),
      );
    ok(planGroup() && planGroup() !== tab.group, 'the page is beside the plan, in another group');
    await vscode.window.showTextDocument(doc, { viewColumn: planGroup()!.viewColumn });
    await new Promise((r) => setTimeout(r, 1500));
    equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the plan has the focus');
    const labels = vscode.window.tabGroups.all.map((g) => g.tabs.map((t) => t.label));
    ok(
      vscode.window.tabGroups.all.some(
        (g) =>
          g !== planGroup() &&
          g.tabs.some((t) => t.label === '[Preview] iteration-stale.md' && t.input instanceof vscode.TabInputWebview),
      ),
      `the page stays beside the plan: ${JSON.stringify(labels)}`,
    );
    ok(!labels.flat().includes('Preview plan.testbed.md'), `no preview follows the plan: ${JSON.stringify(labels)}`);

    // From the command palette with no plan open: the defaults.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const plain = await withTimeout(
      vscode.commands.executeCommand<string>('testbedLint.showRuleDocumentation', 'iteration-stale'),
      'the page without a plan',
    );
    const defaults = vscode.workspace.textDocuments.find((t) => t.uri.toString() === plain);
    ok(defaults, 'the page without a plan is an open document');
    match(defaults.getText(), /^# iteration-stale\n/);
    match(defaults.getText(), /\*\*Settings\*\* \(defaults; open this page from a plan/);
    match(defaults.getText(), /\| severity \| `warning` \| error, warning, info, or off \|/);
    match(defaults.getText(), /\| `max-days` \| `45` \|/);
    const plainTab = await activeTabWhere(
      (t) => t.input instanceof vscode.TabInputWebview && t.label === '[Preview] iteration-stale.md',
    );
    equal(plainTab?.label, '[Preview] iteration-stale.md', 'the tab label');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a YAML plan gets the same diagnostics as the CLI', async () => {
    const { doc } = await open('plan.testbed.yaml');
    const cli = await cliRows('plan.testbed.yaml');
    ok(cli.length >= 15, `the CLI found only ${cli.length} problems`);
    equal(editorRows(doc.uri), cli);
  });

  // Needs the extension to read .testbed-lint.yaml through vscode.workspace.fs (branch ext); the web build before it
  // reads no config file, and shows the defaults' findings where CI shows the config's.
  test('config: plans under a .testbed-lint.yaml get the same diagnostics as the CLI with that config', async () => {
    const configured = await cliRows('configured/plan.testbed.md');
    // The config changes the CLI's findings (a rule off, two severities), so this case can tell whether it was read.
    ok(
      JSON.stringify(configured) !== JSON.stringify(await cliRows('plan.testbed.md')),
      'the fixture config changes nothing',
    );
    const md = await open('configured/plan.testbed.md');
    equal(editorRows(md.doc.uri), configured, 'configured/plan.testbed.md');
    const yaml = await open('configured/plan.testbed.yaml');
    equal(editorRows(yaml.doc.uri), await cliRows('configured/plan.testbed.yaml'), 'configured/plan.testbed.yaml');
  });

  test("a team rule (issue 21's minimal one, in configured/.testbed-lint.yaml) reports each benefit without a digit, at the benefit, as the CLI does", async () => {
    const message = "Each counterpart's benefit names a number the department can track";
    const team = (rows: Row[]) => rows.filter((r) => r[0] === 'team/benefit-has-number');
    const md = await open('configured/plan.testbed.md');
    const expected: Row[] = [
      ['team/benefit-has-number', 'warning', 46, 49, 46, 91, message],
      ['team/benefit-has-number', 'warning', 47, 40, 47, 75, message],
      ['team/benefit-has-number', 'warning', 48, 53, 48, 100, message],
    ];
    equal(team(editorRows(md.doc.uri)), expected, 'configured/plan.testbed.md');
    equal(team(await cliRows('configured/plan.testbed.md')), expected, 'the CLI on configured/plan.testbed.md');
    equal(md.doc.lineAt(45).text.slice(48, 90), 'Live trial of the automated picking system', 'the value judged');
    const yaml = await open('configured/plan.testbed.yaml');
    const yamlExpected: Row[] = [['team/benefit-has-number', 'warning', 43, 14, 43, 40, message]];
    equal(team(editorRows(yaml.doc.uri)), yamlExpected, 'configured/plan.testbed.yaml');
    equal(team(await cliRows('configured/plan.testbed.yaml')), yamlExpected, 'the CLI on configured/plan.testbed.yaml');
    // Its page in the rule view is generated from the definition in the plan's config (the YAML plan is the one open now).
    const d = diagnostic(yaml.doc.uri, 'team/benefit-has-number');
    ok(typeof d.code === 'object', 'the code has a target');
    const args = JSON.parse(d.code.target.query) as string[];
    const opened = await withTimeout(vscode.commands.executeCommand<string>(d.code.target.path, ...args), 'the page');
    const page = vscode.workspace.textDocuments.find((t) => t.uri.toString() === opened);
    ok(page, 'the page is an open document');
    match(page.getText(), /^# team\/benefit-has-number\n/);
    match(page.getText(), /- `pattern`: counterparts\[\*\]\.benefit matches the pattern `\[0-9\]`\./);
    match(page.getText(), /\| severity \| `warning` \| `warning` \|/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a Markdown file that is not a plan gets nothing', async () => {
    const { doc, lint } = await open('notes.md');
    equal(lint.linted, false, 'linted');
    equal(vscode.languages.getDiagnostics(doc.uri).length, 0, 'diagnostics');
  });

  test('lints run in a nested web worker; one that dies is restarted and diagnostics still arrive', async () => {
    const { doc } = await open('plan.testbed.md');
    equal([...api.testing.workerLog], [], "the worker log (a fallback to the extension host's thread is logged there)");
    api.testing.exitWorkers();
    const logged = await workerLogGrows(0);
    // The plans view may have been summarising a plan in the worker at that moment: the log then names it.
    equal(logged.length, 1, 'one line in the worker log');
    match(logged[0]!, /^the lint worker stopped(?: while linting \S+ \(\d+ characters\))?: exited; it is restarted$/);
    const original = doc.getText();
    const at = original.indexOf('Key Account');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Key Account'.length)), 'standard');
    try {
      const after = await applyAndLint(doc, edit);
      ok(
        after.problems.some((p) => p.ruleId === 'counterpart-finance'),
        `the lint after the restart: ${after.problems.map((p) => p.ruleId).join(', ')}`,
      );
    } finally {
      await restore(doc, original);
    }
  });

  test('in the nested web worker too, a lint that never finishes is stopped by the watchdog and reported at 1:1; the plan queued behind it is linted', async function () {
    this.timeout(90_000);
    const { doc: plan } = await open('plan.testbed.md');
    const original = plan.getText();
    const expected = (await cliRows('plan.testbed.md')).map((r) => r[0]);
    api.testing.injectFaults({ hang: 'TESTBED-LINT-TEST-HANG' });
    const before = api.testing.workerLog.length;
    const stuck = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `${original}\n<!-- TESTBED-LINT-TEST-HANG -->\n`,
    });
    try {
      await vscode.window.showTextDocument(stuck);
      await until(
        () => api.testing.lintsInFlight().normal?.key === stuck.uri.toString(),
        'the stuck lint in the normal worker',
      );
      // An edit of the other plan waits behind the stuck lint in the same worker, then runs in a new one.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(plan.uri, new vscode.Position(plan.lineCount, 0), '\n');
      ok(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
      // Behind the stuck lint: up to the watchdog's 10 s (20 s for a new worker's first lint), then a new worker.
      const other = await withTimeout(api.whenLinted(plan.uri, plan.version), "the other plan's lint", 45_000);
      equal(
        other.problems.map((p) => p.ruleId),
        expected,
        "the other plan's lint",
      );
      const finding = await lintWhere(stuck.uri, (e) => e.internalError !== undefined, "the stuck plan's finding");
      match(
        finding.internalError!,
        /^Testbed Lint could not check this plan \(internal error\): its lint did not finish in \d+\.\d s and was stopped\./,
      );
      equal(
        editorRows(stuck.uri).map((r) => r.slice(0, 6)),
        [['internal-error', 'error', 1, 1, 1, 1]],
      );
      const name = vscode.workspace.asRelativePath(stuck.uri);
      const logged = api.testing.workerLog.slice(before).filter((l) => l.includes(` ${name} `));
      equal(logged.length, 1, `the worker log: ${JSON.stringify(api.testing.workerLog.slice(before))}`);
      match(
        logged[0]!,
        /^the lint worker was stopped while linting \S+ \(\d+ characters\): its lint did not finish in \d+\.\d s; it is restarted$/,
      );
      const actions = await codeActions(stuck.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.QuickFix.value);
      equal(
        actions.filter((a) => a.title === 'Check again').map((a) => a.command?.command),
        ['testbedLint.checkAgain'],
      );
    } finally {
      api.testing.injectFaults({});
      await discard(stuck);
      await restore(plan, original);
    }
  });

  test('in the nested web worker too, a plan that crashes it is quarantined at the 3rd crash, and "Check again" lints it', async function () {
    this.timeout(60_000);
    const { doc: plan } = await open('plan.testbed.md');
    const original = plan.getText();
    const expected = (await cliRows('plan.testbed.md')).map((r) => r[0]);
    await settled(plan.uri);
    let otherLints = 0;
    const sub = api.onDidLint((e) => {
      if (e.uri.toString() === plan.uri.toString()) otherLints++;
    });
    api.testing.injectFaults({ crash: 'TESTBED-LINT-TEST-CRASH' });
    const before = api.testing.workerLog.length;
    const bad = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `${plan.getText()}\n<!-- TESTBED-LINT-TEST-CRASH -->\n`,
    });
    try {
      await vscode.window.showTextDocument(bad);
      // As the light bulb does while the cursor moves: each ask queues a lint of the plan behind the one that crashes.
      const held = await whileAsking(bad.uri, () =>
        lintWhere(bad.uri, (e) => e.internalError !== undefined, 'the quarantine finding'),
      );
      equal(
        held.internalError,
        'Testbed Lint stopped checking this plan (internal error): its lint stopped the lint worker 3 times within 1 min (last: exited). Other plans are still checked; run "Check again" to check this one again.',
      );
      equal(
        editorRows(bad.uri).map((r) => r.slice(0, 6)),
        [['internal-error', 'error', 1, 1, 1, 1]],
      );
      const name = vscode.workspace.asRelativePath(bad.uri);
      const log = api.testing.workerLog.slice(before).filter((l) => l.includes(name));
      equal(log.length, 4, `the worker log: ${JSON.stringify(log)}`);
      for (const line of log.slice(0, 3))
        match(line, /^the lint worker stopped while linting \S+ \(\d+ characters\): exited; it is restarted$/);
      match(log[3]!, /^\S+ is not linted again until "Check again": its lint stopped the lint worker 3 times$/);
      equal(otherLints, 0, 'lints of the other open plan since');
      // Quarantined: an edit of it reaches no worker (no crash logged since the quarantine line).
      const edit = new vscode.WorkspaceEdit();
      edit.insert(bad.uri, new vscode.Position(bad.lineCount, 0), 'more\n');
      equal((await applyAndLint(bad, edit)).internalError, held.internalError, 'the edited plan');
      equal(
        api.testing.workerLog.slice(before).filter((l) => l.includes(name)),
        log,
        'the worker log after the edit',
      );
      api.testing.injectFaults({});
      const actions = await codeActions(bad.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.QuickFix.value);
      const again = actions.find((a) => a.title === 'Check again');
      ok(again?.command, `no "Check again" among ${actions.map((a) => a.title).join(', ')}`);
      const relinted = lintWhere(bad.uri, (e) => e.linted, 'the lint after "Check again"');
      await vscode.commands.executeCommand(again.command.command, ...(again.command.arguments as unknown[]));
      equal(
        (await relinted).problems.map((p) => p.ruleId),
        expected,
        'the findings after "Check again"',
      );
    } finally {
      sub.dispose();
      api.testing.injectFaults({});
      await discard(bad);
      await restore(plan, original);
    }
  });

  test('diagnostics follow an edit', async () => {
    const { doc } = await open('plan.testbed.md');
    const at = doc.getText().indexOf('Key Account');
    ok(at > 0, 'the fixture has a Key Account tier');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Key Account'.length)), 'standard');
    const after = await applyAndLint(doc, edit);
    equal(
      after.problems.map((p) => p.ruleId),
      ['iteration-stale', 'counterpart-finance', 'counterpart-early'],
    );
    equal(
      editorRows(doc.uri).map((r) => r[0]),
      ['iteration-stale', 'counterpart-finance', 'counterpart-early'],
    );
    await revert(doc);
    equal(editorRows(doc.uri), await cliRows('plan.testbed.md'), 'after revert');
  });

  test('hover on a section heading explains it and summarises this plan', async () => {
    const { doc } = await open('plan.testbed.md');
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('## Counterparts'));
    ok(line > 0, 'the fixture has a Counterparts heading');
    const text = await hoverTexts(doc.uri, line, 5);
    match(text, /\*\*Counterparts\*\*: Name the counterparts from other departments/);
    match(text, /3 counterparts, 3 departments besides sales; finance not involved; 1 joined after the start/);
    const tierAt = doc.getText().indexOf('tier: Key Account');
    ok(tierAt > 0, 'the fixture has a Key Account tier');
    const tier = doc.positionAt(tierAt + 'tier: '.length + 2);
    match(await hoverTexts(doc.uri, tier.line, tier.character), /\*\*tier\*\*: allowed values/);
  });

  test('quick fixes: the safe fix (preferred), documentation, disable comments; the fix applied changes the text', async () => {
    const { doc } = await open('plan.testbed.md');
    const d = diagnostic(doc.uri, 'counterpart-finance');
    const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const mine = actions.filter(
      (a) => a.title.includes('counterpart-finance') || a.title === 'Add a Finance counterpart',
    );
    equal(
      mine.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Add a Finance counterpart', true],
        ['Show documentation for counterpart-finance', false],
        ['Disable counterpart-finance for this line', false],
        ['Disable counterpart-finance for this file', false],
        ['Configure rule counterpart-finance…', false],
      ],
    );
    // Ctrl+. on the premier warning (no safe fix): the first entry explains it; disabling is never first.
    const premier = diagnostic(doc.uri, 'customer-not-premier');
    const onPremier = await codeActions(doc.uri, premier.range, vscode.CodeActionKind.QuickFix.value);
    equal(onPremier[0]?.title, 'Show documentation for customer-not-premier');
    const before = doc.getText();
    const after = await applyAndLint(doc, mine[0]!.edit!);
    ok(!after.problems.some((p) => p.ruleId === 'counterpart-finance'), 'counterpart-finance is still reported');
    // The fix adds one Finance row to the counterparts table and changes nothing else.
    const added = doc
      .getText()
      .split('\n')
      .filter((l) => !before.split('\n').includes(l));
    equal(added.length, 1, `lines added: ${JSON.stringify(added)}`);
    match(
      added[0]!,
      /^\| Finance \| TODO: name a contact in finance \| \d{4}-\d{2}-\d{2} \| TODO: what finance gains from the testbed \|$/,
    );
    equal(doc.getText().replace(`${added[0]}\n`, ''), before, 'the rest of the plan');
    await revert(doc);
  });

  test('source.fixAll.testbedLint applies every safe fix', async () => {
    const { doc, lint } = await open('plan.testbed.yaml');
    ok(
      lint.problems.some((p) => p.fix),
      'the fixture has no fixable problem',
    );
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await codeActions(doc.uri, whole, 'source.fixAll.testbedLint');
    const fixAll = actions.filter((a) => a.kind?.value === 'source.fixAll.testbedLint');
    equal(fixAll.length, 1, 'fix-all actions');
    const after = await applyAndLint(doc, fixAll[0]!.edit!);
    equal(
      after.problems.filter((p) => p.fix).map((p) => p.ruleId),
      [],
      'fixable problems left',
    );
    match(doc.getText(), /\n {2}champion: /);
    await revert(doc);
  });

  test('completion offers the allowed values and the missing keys', async () => {
    const { doc } = await open('plan.testbed.yaml');
    const at = (needle: string) => doc.positionAt(doc.getText().indexOf(needle) + needle.length);
    const labels = async (position: vscode.Position) =>
      (
        await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          doc.uri,
          position,
        )
      ).items
        .filter((i) => i.kind === vscode.CompletionItemKind.EnumMember || i.kind === vscode.CompletionItemKind.Property)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    const status = await labels(at('status: '));
    for (const v of ['draft', 'proposed', 'running', 'scaling', 'closed'])
      ok(status.includes(v), `status completions: ${status.join(', ')}`);
    const customerKeys = await labels(new vscode.Position(at('  tier:').line, 2));
    // The keys not yet written (and the one on this line); not those already present elsewhere under customer:.
    for (const k of ['tier', 'champion']) ok(customerKeys.includes(k), `customer keys: ${customerKeys.join(', ')}`);
    for (const k of ['name', 'size'])
      ok(!customerKeys.includes(k), `customer keys offer a key already written: ${customerKeys.join(', ')}`);
  });

  test("completion answers the findings: departments asked for, a metric's Moment, a Stage cell, `### ` in the log; `department:` and `moment:` in YAML", async () => {
    const { doc } = await open('plan.testbed.md');
    const original = doc.getText();
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const items = async (uri: vscode.Uri, position: vscode.Position) =>
      (
        await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          position,
        )
      ).items.filter(
        (i) =>
          i.kind === vscode.CompletionItemKind.EnumMember ||
          // Ours, not the Markdown extension's snippets (bold, heading1 ...).
          (i.kind === vscode.CompletionItemKind.Snippet &&
            /iteration entry$/.test(typeof i.label === 'string' ? i.label : i.label.label)),
      );
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        doc.uri,
        new vscode.Range(doc.positionAt(0), doc.positionAt(original.length)),
        original
          .replace(
            /\| Supply chain \|[^\n]*\n\| IT \|[^\n]*\n\| Logistics \|[^\n]*\n/,
            '| Finance | Controller | 2025-01-06 | Cash |\n| \n',
          )
          .replace('### 2025-04-14 — Weekend top-up run', '### \n\n### 2025-04-14 — Weekend top-up run')
          .concat('| \n'),
      );
      await applyAndLint(doc, edit);
      const lines = doc.getText().split('\n');
      const at = (prefix: string, from = 0) =>
        new vscode.Position(
          lines.findIndex((x, i) => i >= from && x === prefix),
          prefix.length,
        );
      equal(
        (await items(doc.uri, at('| ', lines.indexOf('## Counterparts')))).map(label),
        ['IT', 'Logistics', 'Supply chain', 'Operations', 'Procurement', 'Finance', 'sales'],
        'a new counterparts row',
      );
      const cost = lines.findIndex((l) => l.startsWith('| Cost to serve per ward'));
      equal(
        (await items(doc.uri, new vscode.Position(cost, lines[cost]!.lastIndexOf('| ') + 2))).map(label),
        ['A nurse reaches into the ward cabinet for IV sets'],
        "a metric's Moment cell",
      );
      equal(
        (await items(doc.uri, at('| ', lines.indexOf('## Customer journey')))).map(label),
        ['find', 'access', 'use', 'support'],
        'a Stage cell',
      );
      const entry = await items(doc.uri, at('### '));
      equal(entry.length, 1, 'one dated entry');
      match(label(entry[0]!), /^\d{4}-\d{2}-\d{2} — iteration entry$/);
      const snippet = entry[0]!.insertText;
      ok(snippet instanceof vscode.SnippetString, 'a snippet');
      match(
        snippet.value,
        /^### \$\{1:\d{4}-\d{2}-\d{2}\} — \$\{2:TODO: [^}]+\}\n\n- Change: \$\{3:TODO: [^}]+\}\n- Feedback: \$\{4:/,
      );
      equal(snippet.value.slice(8, 18), label(entry[0]!).slice(0, 10), "the entry's date");
    } finally {
      await restore(doc, original);
      // The revert reaches the extension host after the command returns: the next test starts from a clean plan.
      const until = Date.now() + WAIT_MS;
      while (doc.isDirty && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    }
    const y = await open('plan.testbed.yaml');
    const yOriginal = y.doc.getText();
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        y.doc.uri,
        new vscode.Range(y.doc.positionAt(0), y.doc.positionAt(yOriginal.length)),
        yOriginal
          .replace('counterparts:\n', 'counterparts:\n  - department: \n')
          .concat('journey:\n  - stage: use\n    moment: A buyer looks for an invoice\n')
          .replace('    aggregate: total\n', '    aggregate: total\n    moment: \n'),
      );
      await applyAndLint(y.doc, edit);
      const ylines = y.doc.getText().split('\n');
      const yat = (text: string) => new vscode.Position(ylines.indexOf(text), text.length);
      equal(
        (await items(y.doc.uri, yat('  - department: '))).map(label),
        ['Finance', 'IT', 'Logistics', 'Supply chain', 'Operations', 'Procurement', 'Customer support', 'Marketing'],
        '`department:`',
      );
      equal((await items(y.doc.uri, yat('    moment: '))).map(label), ['A buyer looks for an invoice'], '`moment:`');
    } finally {
      await restore(y.doc, yOriginal);
      const until = Date.now() + WAIT_MS;
      while (y.doc.isDirty && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    }
  });

  test('the config talks while you type: an unsaved typo in .testbed-lint.yaml is underlined, its first fix is what it means', async () => {
    const configUri = uriOf('configured/.testbed-lint.yaml');
    const config = await vscode.workspace.openTextDocument(configUri);
    await vscode.window.showTextDocument(config);
    const saved = config.getText();
    const messages = () => vscode.languages.getDiagnostics(configUri).map((d) => d.message);
    try {
      // The typo goes in as the last entry of `rules:` (the team rules come after it in this config).
      const line = saved.split('\n').findIndex((l) => l.startsWith('  iteration-stale:')) + 1;
      ok(line > 0, 'the config has its iteration-stale entry');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(configUri, new vscode.Position(line, 0), '  counterpart-finance: disabled\n');
      ok(await vscode.workspace.applyEdit(edit), 'applyEdit');
      ok(config.isDirty, 'not saved');
      const until = Date.now() + WAIT_MS;
      while (messages().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      equal(messages(), [
        'rule "counterpart-finance": severity must be one of error, warning, info, off, got "disabled"; did you mean "off"?',
      ]);
      const d = vscode.languages.getDiagnostics(configUri)[0]!;
      equal([d.range.start.line, d.range.start.character, d.range.end.character], [line, 23, 31]);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        configUri,
        d.range,
      );
      const fixes = actions.filter((a) => a.kind?.value === 'quickfix');
      equal([fixes[0]?.title, fixes[0]?.isPreferred], ['Change disabled to off', true], 'the first fix');
    } finally {
      await vscode.window.showTextDocument(config);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    const until = Date.now() + WAIT_MS;
    while (messages().length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    equal(messages(), [], 'reverted: the saved file has no errors');
    equal(config.getText(), saved, 'reverted');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the command "Add iteration entry" adds a dated entry in the log\'s style', async () => {
    const { doc, lint } = await open('plan.testbed.md');
    ok(
      lint.problems.some((p) => p.ruleId === 'iteration-stale'),
      'the fixture is stale',
    );
    const inserted = await withTimeout(
      vscode.commands.executeCommand<boolean>('testbedLint.addIterationEntry'),
      'testbedLint.addIterationEntry',
    );
    equal(inserted, true, 'inserted');
    const after = await withTimeout(api.whenLinted(doc.uri, doc.version), 'the lint after the new entry');
    // The writer's prompts, as the iteration-log fix writes them: the entry shows as a to-do until filled in.
    match(
      doc.getText(),
      new RegExp(
        `### ${today()} — TODO: name the change\\n\\n- Change: TODO: what we now do differently for the customer\\n`,
      ),
    );
    ok(!after.problems.some((p) => p.ruleId === 'iteration-stale'), 'a fresh entry should end iteration-stale');
    await vscode.commands.executeCommand('leaveSnippet');
    await revert(doc);
  });

  test('the commands "New plan (Markdown)" and "New plan (YAML)" open a linted plan from the template', async () => {
    const md = await withTimeout(
      vscode.commands.executeCommand<vscode.TextDocument>('testbedLint.newPlanMarkdown', 'Pilot with Initech'),
      'testbedLint.newPlanMarkdown',
    );
    equal(md.languageId, 'markdown', 'language');
    match(md.getText(), /^---\nkind: testbed-plan\ntitle: Pilot with Initech\n/);
    const mdLint = await withTimeout(api.whenLinted(md.uri, md.version), 'the lint of the new Markdown plan');
    equal(mdLint.linted, true, 'the new Markdown plan is linted');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // New plans are saved in the workspace (beside the active plan, or in plans/): remove them for the tests after.
    await vscode.workspace.fs.delete(md.uri, { useTrash: false });

    const yaml = await withTimeout(
      vscode.commands.executeCommand<vscode.TextDocument>('testbedLint.newPlanYaml', 'Pilot with Acme'),
      'testbedLint.newPlanYaml',
    );
    equal(yaml.languageId, 'yaml', 'language');
    match(yaml.getText(), /^kind: testbed-plan\ntitle: Pilot with Acme\n/m);
    const lint = await withTimeout(api.whenLinted(yaml.uri, yaml.version), 'the lint of the new YAML plan');
    equal(lint.linted, true, 'the new YAML plan is linted');
    ok(
      lint.problems.some((p) => p.ruleId === 'customer-named'),
      lint.problems.map((p) => p.ruleId).join(', '),
    );
    equal(
      vscode.languages
        .getDiagnostics(yaml.uri)
        .some((d) => typeof d.code === 'object' && d.code.value === 'customer-named'),
      true,
      'customer-named shown',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(yaml.uri, { useTrash: false });
  });

  test('the command "Lint all plans in the workspace" reports every plan', async () => {
    const summary = await withTimeout(
      vscode.commands.executeCommand<{ plans: number; errors: number; files: { path: string; problems: number }[] }>(
        'testbedLint.lintWorkspace',
      ),
      'testbedLint.lintWorkspace',
    );
    const paths = [
      'configured/plan.testbed.md',
      'configured/plan.testbed.yaml',
      'plan.testbed.md',
      'plan.testbed.yaml',
    ];
    equal(summary.files.map((f) => f.path).sort(), paths);
    equal(summary.plans, 4, 'plans');
  });

  test('the "Testbed plans" view lists every plan with its title and iterations, and follows edits', async () => {
    const plans = await withTimeout(api.plans(), 'the plans view');
    // Worst first (the YAML plans have errors), then by title and path; notes.md is not a plan.
    equal(
      plans.map((p) => p.path),
      ['configured/plan.testbed.yaml', 'plan.testbed.yaml', 'configured/plan.testbed.md', 'plan.testbed.md'],
      'notes.md is not a plan',
    );
    for (const p of plans) ok(p.summary.title.length > 0 && p.summary.iterations.count > 0, p.path);
    const { doc } = await open('plan.testbed.md');
    const refreshed = withTimeout(
      new Promise<void>((resolve) => {
        const sub = api.onDidRefreshPlans(() => {
          sub.dispose();
          resolve();
        });
      }),
      'a refresh of the plans view',
    );
    const titleLine = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('title:'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(titleLine).range, 'title: Renamed plan');
    await applyAndLint(doc, edit);
    await refreshed;
    equal(
      (await api.plans()).find((p) => p.path === 'plan.testbed.md')?.summary.title,
      'Renamed plan',
      'the title in the view',
    );
    await revert(doc);
  });

  // Last: the tests before it each left the workspace as they found it (keepWorkspaceClean).
  test('every test leaves the workspace files as it found them', () => {
    equal(leaks, [], 'tests that left a workspace file edited');
  });
});
