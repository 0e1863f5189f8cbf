// "Configure rule…", "Lint all plans" → "Show problems", and the new plan's file name, with the fake vscode.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeActionKind, Diagnostic, fake, Position, Range, Uri } from '../helpers/fake-vscode.js';
import type * as vscodeTypes from 'vscode';

vi.mock('vscode', () => import('../helpers/fake-vscode.js'));
const { configureRule, ConfigureRuleActions } = await import('../../src/extension/config/configure-rule.js');
const { newConfigText, setRuleSeverity } = await import('../../src/extension/config/severity-edit.js');
const { registerCommands } = await import('../../src/extension/features/commands.js');
import { kebabCase, lintDetailed, planFileName } from '../../src/api/index.js';
import type { Linter } from '../../src/extension/lint/controller.js';

const root = Uri.file('/ws');
const at = (path: string) => Uri.file(path);
const written: string[] = [];
const onWritten = (u: vscodeTypes.Uri) => void written.push(u.path);
const configure = (...args: [string, string?, string?]) => configureRule(onWritten, at(args[0]), args[1], args[2]);

beforeEach(() => {
  fake.reset();
  fake.workspaceFolders = [{ uri: root }];
  written.length = 0;
});

describe('setRuleSeverity', () => {
  const yaml =
    '# Our team config: ask Ana before turning rules off.\nextends: recommended\nrules:\n  # stale after a month\n  iteration-stale: [warning, { days: 30 }]\n  customer-named: error # always\n';

  it('YAML: changes one rule, keeps comments, options and the order of the rest', () => {
    expect(setRuleSeverity(yaml, 'yaml', 'customer-named', 'off')).toBe(
      yaml.replace('customer-named: error', 'customer-named: off'),
    );
    expect(setRuleSeverity(yaml, 'yaml', 'iteration-stale', 'info')).toBe(
      yaml.replace('[warning, { days: 30 }]', '[info, { days: 30 }]'),
    );
    expect(
      setRuleSeverity(
        'rules:\n    a: error\n    iteration-stale:\n      - warning\n      - days: 30\n',
        'yaml',
        'customer-named',
        'off',
      ),
    ).toBe('rules:\n    a: error\n    iteration-stale:\n      - warning\n      - days: 30\n    customer-named: off\n');
    expect(setRuleSeverity('rules: { a: error }', 'yaml', 'customer-named', 'off')).toBe(
      'rules: { a: error, customer-named: off }\n',
    );
    expect(setRuleSeverity(yaml, 'yaml', 'counterpart-finance', 'warning')).toBe(
      `${yaml}  counterpart-finance: warning\n`,
    );
    expect(setRuleSeverity('# only a comment\nextends: recommended\n', 'yaml', 'counterpart-finance', 'off')).toBe(
      '# only a comment\nextends: recommended\nrules:\n  counterpart-finance: off\n',
    );
    expect(setRuleSeverity('', 'yaml', 'counterpart-finance', 'off')).toBe('rules:\n  counterpart-finance: off\n');
  });

  it('YAML that does not parse is not rewritten', () => {
    expect(() => setRuleSeverity('rules: [\n', 'yaml', 'counterpart-finance', 'off')).toThrow();
  });

  it("JSON: keeps the indentation, the order and a rule's options", () => {
    const json =
      '{\n    "extends": "recommended",\n    "rules": { "iteration-stale": ["warning", { "days": 30 }] }\n}\n';
    expect(setRuleSeverity(json, 'json', 'iteration-stale', 'off')).toBe(
      '{\n    "extends": "recommended",\n    "rules": {\n        "iteration-stale": [\n            "off",\n            {\n                "days": 30\n            }\n        ]\n    }\n}\n',
    );
    expect((JSON.parse(setRuleSeverity(json, 'json', 'customer-named', 'info')) as { rules: unknown }).rules).toEqual({
      'iteration-stale': ['warning', { days: 30 }],
      'customer-named': 'info',
    });
  });

  it('a new config carries the testbedLint.rules setting over, block style', () => {
    expect(newConfigText('customer-named', 'off', { 'iteration-stale': ['info', { days: 60 }] })).toBe(
      '# testbed-lint configuration: rule severities are error, warning, info or off (rule pages: "Show documentation").\n\nrules:\n  iteration-stale:\n    - info\n    - days: 60\n  customer-named: off\n',
    );
  });
});

describe('Configure rule', () => {
  it('offers one action per rule of the diagnostics under the cursor, and none for other sources', () => {
    const d = (code: string, source = 'testbed-lint') =>
      Object.assign(new Diagnostic(new Range(new Position(0, 0), new Position(0, 1)), 'm'), {
        code: { value: code, target: at('/x') },
        source,
      });
    const doc = { uri: at('/ws/p.testbed.md') } as unknown as vscodeTypes.TextDocument;
    const actions = new ConfigureRuleActions().provideCodeActions(
      doc,
      new Range(new Position(0, 0), new Position(0, 0)) as never,
      {
        diagnostics: [d('customer-named'), d('customer-named'), d('iteration-stale'), d('MD001', 'markdownlint')],
      } as never,
    );
    expect(
      actions.map((a) => [
        a.title,
        a.kind === (CodeActionKind.QuickFix as unknown),
        a.command?.arguments?.[1] as unknown,
      ]),
    ).toEqual([
      ['Configure rule customer-named…', true, 'customer-named'],
      ['Configure rule iteration-stale…', true, 'iteration-stale'],
    ]);
  });

  it("writes the nearest config: the sub-folder's .yml over the root's .yaml", async () => {
    fake.files.set('file:///ws/.testbed-lint.yaml', 'rules:\n  customer-named: error\n');
    fake.files.set('file:///ws/team/.testbed-lint.yml', '# team\nextends: recommended\n');
    fake.files.set('file:///ws/team/p.testbed.md', '');
    const target = await configure('/ws/team/p.testbed.md', 'customer-named', 'off');
    expect(target?.path).toBe('/ws/team/.testbed-lint.yml');
    expect(fake.files.get('file:///ws/team/.testbed-lint.yml')).toBe(
      '# team\nextends: recommended\nrules:\n  customer-named: off\n',
    );
    expect(fake.files.get('file:///ws/.testbed-lint.yaml')).toBe('rules:\n  customer-named: error\n');
    expect(written).toEqual(['/ws/team/.testbed-lint.yml']);
  });

  it('creates .testbed-lint.yaml in the workspace folder when none governs the plan; asks rule and severity when not given', async () => {
    fake.settings.rules = { 'iteration-stale': 'info' };
    fake.answers = ['customer-named', 'warning'];
    const target = await configure('/ws/plans/p.testbed.md');
    expect(target?.path).toBe('/ws/.testbed-lint.yaml');
    expect(fake.files.get('file:///ws/.testbed-lint.yaml')).toMatch(
      /\nrules:\n {2}iteration-stale: info\n {2}customer-named: warning\n$/,
    );
    expect(written).toEqual(['/ws/.testbed-lint.yaml']);
  });

  it('cancelling the severity pick writes nothing; a broken YAML config is reported, not rewritten', async () => {
    fake.answers = [undefined];
    expect(await configure('/ws/p.testbed.md', 'customer-named')).toBeUndefined();
    expect(fake.files.size).toBe(0);
    fake.files.set('file:///ws/.testbed-lint.yaml', 'rules: [\n');
    expect(await configure('/ws/p.testbed.md', 'customer-named', 'off')).toBeUndefined();
    expect(fake.files.get('file:///ws/.testbed-lint.yaml')).toBe('rules: [\n');
    expect(fake.messages.map((m) => m.kind)).toEqual(['error']);
    expect(fake.messages[0]!.text).toMatch(/^Testbed Lint: cannot set customer-named in \.testbed-lint\.yaml: /);
    expect(written).toEqual([]);
  });
});

describe('Lint all plans', () => {
  const plan = '---\nkind: testbed-plan\ntitle: T\nstatus: draft\n---\n\n# T\n';
  const linter = {
    current: async (d: { uri: vscodeTypes.Uri; getText(): string }) => {
      const r = lintDetailed(d.getText(), { filePath: d.uri.path, today: '2026-06-01' });
      return { linted: true, problems: r.problems };
    },
  } as unknown as Linter;

  it('ends with a notification whose "Show problems" opens the Problems view', async () => {
    fake.files.set('file:///ws/a.testbed.md', plan);
    registerCommands(linter, { appendLine() {} });
    fake.answers = ['Show problems'];
    const summary = (await fake.commands.get('testbedLint.lintWorkspace')!()) as { plans: number };
    expect(summary.plans).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.messages).toEqual([
      {
        kind: 'information',
        text: expect.stringMatching(/^Testbed Lint: 1 plans: \d+ errors/) as string,
        items: ['Show problems'],
      },
    ]);
    expect(fake.executed.map((e) => e.command)).toEqual(['workbench.actions.view.problems']);
  });

  it('dismissing the notification opens nothing', async () => {
    fake.files.set('file:///ws/a.testbed.md', plan);
    registerCommands(linter, { appendLine() {} });
    await fake.commands.get('testbedLint.lintWorkspace')!();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.executed).toEqual([]);
  });
});

describe("kebabCase / planFileName: a new plan's file name from its title (New plan and init)", () => {
  it.each([
    ['Pilot with Acme', 'pilot-with-acme'],
    ['  Ward stock: Northside (2026)! ', 'ward-stock-northside-2026'],
    ['Café São Paulo', 'cafe-sao-paulo'],
    ['???', 'testbed-plan'],
  ])('%s → %s', (title, name) => expect(kebabCase(title)).toBe(name));
  it('adds .testbed.md or .testbed.yaml, and -N for the Nth free name', () => {
    expect(planFileName('Pilot with Acme', 'markdown')).toBe('pilot-with-acme.testbed.md');
    expect(planFileName('Pilot with Acme', 'yaml', 2)).toBe('pilot-with-acme-2.testbed.yaml');
  });
});
