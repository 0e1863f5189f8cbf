// The extension's surfaces, each given a fake lint controller (or, for the controller, a fake config source), over a
// small stand-in for the vscode module: what each shows for the fixture plan of the real-VS-Code suite.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lintDetailed, rules, type LintOptions } from '../../src/api/index.js';
import type { ConfigSource } from '../../src/extension/config/workspace-config.js';
import type { Linter, LintResult } from '../../src/extension/lint/controller.js';
import {
  CodeActionKind,
  Diagnostic,
  EventEmitter,
  fake,
  FakeDocument,
  Position,
  Range,
  Uri,
  type WorkspaceEdit,
} from '../helpers/fake-vscode.js';

vi.mock('vscode', () => import('../helpers/fake-vscode.js'));
const { PlanCodeActions, FIX_ALL_KIND } = await import('../../src/extension/features/code-actions.js');
const { diagnosticsOf } = await import('../../src/extension/lint/diagnostics.js');
const { PlanHoverProvider } = await import('../../src/extension/features/hover.js');
const { PlanCompletionProvider } = await import('../../src/extension/features/completion.js');
const { StatusBar } = await import('../../src/extension/features/status-bar.js');
const { LintController } = await import('../../src/extension/lint/controller.js');
const { RuleDocsProvider, ruleDocUri, withSettings, settingsTable } =
  await import('../../src/extension/features/rule-docs.js');

const PLAN_TEXT = readFileSync('test/vscode/workspace/plan.testbed.md', 'utf8');
const YAML_TEXT = readFileSync('test/vscode/workspace/plan.testbed.yaml', 'utf8');
const TODAY = '2026-03-01';

/** A controller stand-in that lints with the core directly (the recommended preset unless `options` says otherwise). */
function fakeLinter(extra: Partial<LintOptions> = {}) {
  const linted = new EventEmitter<LintResult>();
  const forgotten = new EventEmitter<Uri>();
  const results = new Map<string, LintResult>();
  const lintOf = (document: FakeDocument): LintResult => {
    const options: LintOptions = { filePath: document.uri.path, today: TODAY, ...extra };
    const r = lintDetailed(document.getText(), options);
    const result: LintResult = {
      uri: document.uri,
      version: document.version,
      linted: true,
      problems: r.problems,
      crashes: [],
      doc: r.document,
      options,
    };
    results.set(document.uri.toString(), result);
    linted.fire(result);
    return result;
  };
  const linter: Linter & { lintNow(d: FakeDocument): LintResult; forget(u: Uri): void } = {
    onDidLint: linted.event as never,
    onDidForget: forgotten.event as never,
    result: (uri) => results.get(uri.toString()),
    current: async (d) => lintOf(d as unknown as FakeDocument),
    summarizeFile: async () => undefined,
    optionsFor: async (uri) => ({ filePath: uri.path, ...extra }),
    lintNow: lintOf,
    forget: (uri) => {
      results.delete(uri.toString());
      forgotten.fire(uri);
    },
  };
  return linter;
}

const planDoc = () => new FakeDocument(Uri.parse('file:///ws/plan.testbed.md'), PLAN_TEXT);
const asDiagnostics = (r: LintResult) => diagnosticsOf(r) as unknown as Diagnostic[];

beforeEach(() => fake.reset());

describe('diagnostics', () => {
  it('maps each problem with its range, severity and a code link that opens the rule page in VS Code', () => {
    const r = fakeLinter().lintNow(planDoc());
    const ds = asDiagnostics(r);
    const early = ds.find((d) => typeof d.code === 'object' && d.code.value === 'counterpart-early')!;
    expect([
      early.range.start.line,
      early.range.start.character,
      early.range.end.line,
      early.range.end.character,
      early.severity,
      early.source,
    ]).toEqual([47, 39, 47, 49, 1, 'testbed-lint']);
    const target = (early.code as { target: Uri }).target;
    expect([target.scheme, target.path]).toEqual(['command', 'testbedLint.showRuleDocumentation']);
    expect(JSON.parse(target.query)).toEqual(['counterpart-early', 'file:///ws/plan.testbed.md']);
  });

  it('shows a notice instead of problems for a plan that is not linted for a reason', () => {
    const ds = asDiagnostics({
      uri: Uri.parse('file:///ws/big.testbed.md'),
      version: 1,
      linted: false,
      problems: [],
      crashes: [],
      notice: 'This plan is not linted: too large.',
    });
    expect(ds.map((d) => [d.message, d.severity, d.range.start.line])).toEqual([
      ['This plan is not linted: too large.', 2, 0],
    ]);
    expect(
      asDiagnostics({
        uri: Uri.parse('file:///ws/notes.md'),
        version: 1,
        linted: false,
        problems: [],
        crashes: [],
      }),
    ).toEqual([]);
  });
});

describe('code actions', () => {
  it('offers the fix (preferred), the documentation, then the disable comments for a problem', async () => {
    const linter = fakeLinter();
    const doc = planDoc();
    const d = asDiagnostics(linter.lintNow(doc)).find(
      (x) => typeof x.code === 'object' && x.code.value === 'counterpart-finance',
    )!;
    const actions = await new PlanCodeActions(linter).provideCodeActions(
      doc as never,
      d.range as never,
      { diagnostics: [d], only: CodeActionKind.QuickFix } as never,
    );
    expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
      ['Add a Finance counterpart', true],
      // No "Fix all" entry: this is the plan's only fixable problem.
      ['Show documentation for counterpart-finance', false],
      ['Disable counterpart-finance for this line', false],
      ['Disable counterpart-finance for this file', false],
    ]);
    expect(actions[1]!.command).toEqual({
      title: 'Show documentation for counterpart-finance',
      command: 'testbedLint.showRuleDocumentation',
      arguments: ['counterpart-finance', 'file:///ws/plan.testbed.md'],
    });
  });

  it('never offers a suggestion that deletes words first or as preferred, and keeps it out of Fix all', async () => {
    const linter = fakeLinter();
    const text =
      "---\nkind: testbed-plan\ntitle: Inventory with St. Mary's\ncustomer:\n  name: St. Mary's Medical Center\n  tier: Key Account\n---\n";
    const doc = new FakeDocument(Uri.parse('file:///ws/premier.testbed.md'), text);
    const d = asDiagnostics(linter.lintNow(doc)).find(
      (x) => (x.code as { value: string }).value === 'customer-not-premier',
    )!;
    const actions = await new PlanCodeActions(linter).provideCodeActions(
      doc as never,
      d.range as never,
      { diagnostics: [d], only: CodeActionKind.QuickFix } as never,
    );
    // No safe fix: the first entry explains (the rule page, naming the finding, as VS Code lists those first);
    // disabling is never first and never preferred.
    expect(actions.map((a) => [a.title, a.isPreferred ?? false, a.diagnostics?.length ?? 0])).toEqual([
      ['Show documentation for customer-not-premier', false, 1],
      ['Disable customer-not-premier for this line', false, 1],
      ['Disable customer-not-premier for this file', false, 1],
      [
        'Delete the customer "St. Mary\'s Medical Center" and the tier "Key Account", leaving a to-do to choose a non-premier customer',
        false,
        1,
      ],
    ]);
    const all = await new PlanCodeActions(linter).provideCodeActions(
      doc as never,
      new Range(0, 0, 0, 0) as never,
      { diagnostics: [], only: FIX_ALL_KIND } as never,
    );
    expect(all).toHaveLength(1);
    expect((all[0]!.edit as unknown as WorkspaceEdit).edits.map((e) => e.text).join('')).toContain(
      "  name: St. Mary's Medical Center\n  tier: Key Account",
    );
  });

  it('gives one fix-all action when asked for source.fixAll.testbedLint, none for other diagnostics sources', async () => {
    const linter = fakeLinter();
    const doc = planDoc();
    const all = await new PlanCodeActions(linter).provideCodeActions(
      doc as never,
      new Range(0, 0, 0, 0) as never,
      { diagnostics: [], only: FIX_ALL_KIND } as never,
    );
    expect(all.map((a) => a.title)).toEqual([expect.stringMatching(/^Fix all testbed-lint problems \(\d+\)$/)]);
    const other = new Diagnostic(new Range(47, 39, 47, 49), 'x');
    other.source = 'markdownlint';
    expect(
      await new PlanCodeActions(linter).provideCodeActions(
        doc as never,
        other.range as never,
        { diagnostics: [other] } as never,
      ),
    ).toEqual([]);
  });
});

describe('hover and completion', () => {
  it("explains a section heading with this plan's summary", async () => {
    const hover = await new PlanHoverProvider(fakeLinter()).provideHover(
      planDoc() as never,
      new Position(41, 5) as never,
    );
    const text = (hover!.contents[0] as unknown as { value: string }).value;
    expect(text).toMatch(/\*\*Counterparts\*\*: Name the counterparts from other departments/);
    expect(text).toMatch(/3 counterparts, 3 departments besides sales/);
  });

  it('completes the values of a label in a Markdown body and explains a key on hover', async () => {
    const text = PLAN_TEXT.replace('- Order: first', '- Order: ');
    const doc = new FakeDocument(Uri.parse('file:///ws/plan.testbed.md'), text);
    const at = doc.positionAt(text.indexOf('- Order: ') + '- Order: '.length);
    const items = await new PlanCompletionProvider(fakeLinter()).provideCompletionItems(doc as never, at as never);
    expect(items!.map((i) => [i.label, i.detail])).toEqual([
      ['first', 'a change to the offer itself (a feature, a price)'],
      ['second', "a change to a process, in the customer's or our own organisation"],
      ['third', 'a change to how the firm works: planning, structure, incentives'],
    ]);
    const hover = await new PlanHoverProvider(fakeLinter()).provideHover(
      doc as never,
      doc.positionAt(text.indexOf('\nstatus:') + 2) as never,
    );
    expect((hover!.contents[0] as unknown as { value: string }).value).toMatch(
      /^\*\*status\*\*: where the testbed stands/,
    );
  });

  it('completes the allowed values of a YAML key', async () => {
    const doc = new FakeDocument(Uri.parse('file:///ws/plan.testbed.yaml'), YAML_TEXT);
    const at = doc.positionAt(YAML_TEXT.indexOf('status: ') + 'status: '.length);
    const items = await new PlanCompletionProvider(fakeLinter()).provideCompletionItems(doc as never, at as never);
    expect(items!.map((i) => i.label)).toEqual(['draft', 'proposed', 'running', 'scaling', 'closed']);
  });
});

describe('status bar', () => {
  it("shows the active plan's three points, and hides when the plan is forgotten", () => {
    const linter = fakeLinter();
    const doc = planDoc();
    fake.activeTextEditor = { document: doc };
    const bar = new StatusBar(linter);
    linter.lintNow(doc);
    const item = fake.statusBarItems[0]!;
    expect([item.text, item.visible]).toEqual(['Testbed: customer ⚠ iterations ⚠ counterparts ⚠', true]);
    linter.forget(doc.uri);
    expect(item.visible).toBe(false);
    bar.dispose();
  });
});

describe('rule documentation', () => {
  const page = readFileSync('src/rules/iteration-stale/iteration-stale.md', 'utf8');
  const loadPage = async (id: string) => readFileSync(`src/rules/${id}/${id}.md`, 'utf8');

  it('puts the settings table under the title block, keeping the whole page', () => {
    const out = withSettings(page, 'TABLE');
    const lines = out.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# iteration-stale',
      '',
      '> Category: `iterations` · Severity: `warning` · Fixable: `no`',
      '',
      'TABLE',
    ]);
    expect(out.replace('\nTABLE\n', '')).toBe(page);
  });

  it('shows the values a plan is linted with beside the defaults', async () => {
    fake.workspaceFolders = [{ uri: Uri.parse('file:///ws') }];
    const linter = fakeLinter({ config: { rules: { 'iteration-stale': ['info', { 'max-days': 30 }] } } });
    const text = await new RuleDocsProvider(linter, loadPage).provideTextDocumentContent(
      ruleDocUri('iteration-stale', Uri.parse('file:///ws/plan.testbed.md')),
    );
    expect(text).toContain(
      [
        '**Settings for `plan.testbed.md`** (its config file, or the `testbedLint.rules` setting where none applies):',
        '',
        '| Setting | For this plan | Default | Meaning |',
        '|---|---|---|---|',
        '| severity | `info` | `warning` | error, warning, info, or off |',
        '| `max-days` | `30` | `45` | The most days allowed between the newest entry and today. |',
      ].join('\n'),
    );
    expect(text).toContain('## When not to use it');
  });

  it('shows the defaults without a plan, and says so for an unknown rule', async () => {
    const provider = new RuleDocsProvider(fakeLinter(), loadPage);
    const text = await provider.provideTextDocumentContent(ruleDocUri('counterpart-finance'));
    const rule = rules.find((r) => r.meta.id === 'counterpart-finance')!;
    expect(text).toContain(settingsTable(rule, undefined));
    expect(settingsTable(rule, undefined).split('\n').slice(2, 4)).toEqual([
      '| Setting | Default | Meaning |',
      '|---|---|---|',
    ]);
    expect(await provider.provideTextDocumentContent(ruleDocUri('no-such-rule') as never)).toBe(
      '# Unknown rule\n\nNo testbed-lint rule is called `no-such-rule`.\n',
    );
  });
});

describe('the lint controller', () => {
  const noConfig = (verdict?: Awaited<ReturnType<ConfigSource['forFile']>>, delay?: Promise<void>): ConfigSource => ({
    onDidChangeErrors: new EventEmitter<void>().event as never,
    errors: () => [],
    reset: () => {},
    load: async () => {},
    forFile: async () => {
      await delay;
      return verdict;
    },
  });
  const log: string[] = [];
  const output = { appendLine: (l: string) => log.push(l) };

  it('lints a plan with its config and publishes the result; other languages are not looked at', async () => {
    const c = new LintController(
      noConfig({ kind: 'lint', config: { rules: { 'counterpart-early': 'off' } }, file: '/ws/.testbed-lint.yaml' }),
      output,
    );
    const seen: string[] = [];
    c.onDidLint((r) => seen.push(`${r.uri.toString()} ${r.linted}`));
    const r = await c.lint(planDoc() as never);
    expect(r.linted).toBe(true);
    expect(r.problems.map((p) => p.ruleId)).not.toContain('counterpart-early');
    expect(r.problems.map((p) => p.ruleId)).toContain('counterpart-finance');
    expect(seen).toEqual(['file:///ws/plan.testbed.md true']);
    const js = new FakeDocument(Uri.parse('file:///ws/a.js'), 'x', 'javascript');
    expect((await c.lint(js as never)).linted).toBe(false);
    expect(seen.length).toBe(1);
  });

  it('publishes nothing for a document forgotten while its config was being read (its tab closed)', async () => {
    let release!: () => void;
    const c = new LintController(noConfig(undefined, new Promise<void>((r) => (release = r))), output);
    const seen: boolean[] = [];
    c.onDidLint((r) => seen.push(r.linted));
    const doc = planDoc();
    const pending = c.lint(doc as never);
    c.forget(doc.uri);
    release();
    await pending;
    expect(seen).toEqual([]);
    expect(c.result(doc.uri as never)).toBeUndefined();
  });

  it('drops a result for a version the editor has moved past', async () => {
    let release!: () => void;
    const c = new LintController(noConfig(undefined, new Promise<void>((r) => (release = r))), output);
    const doc = planDoc();
    const pending = c.lint(doc as never);
    doc.setText(`${PLAN_TEXT}\n`);
    release();
    await pending;
    expect(c.result(doc.uri as never)).toBeUndefined();
  });

  it('reports a plan over testbedLint.maxFileSize as a plan-syntax problem at 1:1, and nothing when disabled', async () => {
    const c = new LintController(noConfig(), output);
    fake.settings = { maxFileSize: 100 };
    const big = await c.lint(planDoc() as never);
    expect(big.linted).toBe(true);
    expect(big.doc).toBeUndefined();
    expect(big.problems.map((p) => [p.ruleId, p.line, p.column, p.severity])).toEqual([['plan-syntax', 1, 1, 'error']]);
    expect(big.problems[0]!.message).toContain(`over the limit of 100 characters (testbedLint.maxFileSize)`);
    fake.settings = { enable: false };
    const off = await c.lint(planDoc() as never);
    expect([off.linted, off.notice]).toEqual([false, undefined]);
  });

  it('logs a plan its config skips once, and uses testbedLint.rules where no config file governs', async () => {
    log.length = 0;
    fake.workspaceFolders = [{ uri: Uri.parse('file:///ws') }];
    const skipping = new LintController(
      noConfig({ kind: 'skip', reason: 'it is in the "ignores" of its config' }),
      output,
    );
    await skipping.lint(planDoc() as never);
    await skipping.lint(planDoc() as never);
    expect(log).toEqual(['plan.testbed.md is not linted: it is in the "ignores" of its config']);
    fake.settings = { rules: { 'counterpart-finance': 'off' } };
    const r = await new LintController(noConfig({ kind: 'lint', config: undefined }), output).lint(planDoc() as never);
    expect(r.problems.map((p) => p.ruleId)).not.toContain('counterpart-finance');
  });
});

describe('the Ctrl+. menu on a line with many findings', () => {
  it('lists each fix, Fix all, one docs entry, then one grouped disable per line and per file', async () => {
    const linter = fakeLinter();
    const doc = new FakeDocument(Uri.parse('file:///ws/bare.testbed.md'), '# Pilot with Acme\n\nWe will try it.\n');
    const ds = asDiagnostics(linter.lintNow(doc)).filter((d) => d.range.start.line === 0);
    const actions = await new PlanCodeActions(linter).provideCodeActions(
      doc as never,
      new Range(0, 0, 0, 0) as never,
      { diagnostics: ds, only: CodeActionKind.QuickFix } as never,
    );
    const ids =
      'aims-stated counterparts-listed customer-conditions customer-named customer-rationale iteration-log journey-moments metric-outside-in';
    expect(ds.map((d) => (d.code as { value: string }).value).join(' ')).toBe(ids);
    expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
      ['Add a Counterparts section with a Finance counterpart to fill in', true],
      ['Add a Customer selection section with a prompt', true],
      ['Add an iteration log with a first entry to fill in', true],
      ['Add a Customer journey section', true],
      ['Fix all testbed-lint problems (4)', false],
      ['Show documentation for one of 8 rules…', false],
      [`Disable 8 rules for this line: ${ids.split(' ').join(', ')}`, false],
      [`Disable 8 rules for this file: ${ids.split(' ').join(', ')}`, false],
    ]);
    expect((actions[6]!.edit as unknown as WorkspaceEdit).edits.map((e) => [e.range.start.line, e.text])).toEqual([
      [0, `<!-- testbed-lint-disable-next-line ${ids} -->\n`],
    ]);
    expect(actions[5]!.command!.arguments).toEqual([ids.split(' '), 'file:///ws/bare.testbed.md']);
    // The grouped comment disables exactly those rules on that line.
    const disabled = linter.lintNow(
      new FakeDocument(doc.uri, `<!-- testbed-lint-disable-next-line ${ids} -->\n${doc.getText()}`),
    );
    expect(disabled.problems.filter((p) => p.line === 2).map((p) => p.ruleId)).toEqual([]);
  });
});

describe('the status bar click', () => {
  it("lists this plan's findings in line order, with the mark, the line, the message and the rule", async () => {
    const { planProblemItems } = await import('../../src/extension/features/status-bar.js');
    const text =
      '---\nkind: testbed-plan\ntitle: Pilot\nstatus: proposed\ncustomer:\n  name: TBD\n  tier: Key Account\n---\n';
    const r = lintDetailed(text, { filePath: 'p.testbed.md', today: '2026-06-01' });
    const items = planProblemItems(r.problems);
    expect(items.map((i) => i.problem.line)).toEqual([...r.problems.map((p) => p.line)].sort((a, b) => a - b));
    const premier = items.find((i) => i.description === 'customer-not-premier')!;
    expect(premier.label).toBe(`$(warning) Line 7: ${premier.problem.message}`);
    expect(items.find((i) => i.description === 'customer-named')!.label).toMatch(/^\$\(error\) Line 6: /);
  });
});
