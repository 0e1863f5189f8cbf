import { describe, expect, it } from 'vitest';
import { applyFixes, fixText, lint, lintDetailed, rules, type LintConfig, type Problem } from '../../src/api/index.js';

const TODAY = '2026-06-01';
const only = (id: string, extra: LintConfig['rules'] = {}): LintConfig => ({
  rules: {
    ...Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const])),
    [id]: rules.find((r) => r.meta.id === id)!.meta.defaultSeverity,
    ...extra,
  },
});
const brief = (ps: Problem[]) => ps.map((p) => `${p.line}:${p.column} ${p.ruleId}`);

const PLAN = [
  '---',
  'kind: testbed-plan',
  'title: Pilot',
  'owner_departmnt: sales',
  'custmer: x',
  '---',
  '',
  '# Pilot',
  '',
].join('\n');

describe('rule settings', () => {
  it('a config changed in place between lints is read again (settings are kept only while the config is the same)', () => {
    const config = only('plan-unknown-key');
    expect(brief(lint(PLAN, { filePath: 'p.md', config, today: TODAY }))).toEqual([
      '4:1 plan-unknown-key',
      '5:1 plan-unknown-key',
    ]);
    config.rules!['plan-unknown-key'] = 'off';
    expect(lint(PLAN, { filePath: 'p.md', config, today: TODAY })).toEqual([]);
    expect(
      lint(PLAN, {
        filePath: 'p.md',
        config: only('plan-unknown-key', { 'plan-unknown-key': 'info' }),
        today: TODAY,
      }).map((p) => p.severity),
    ).toEqual(['info', 'info']);
  });
});

describe('inline disable comments', () => {
  it('disable-next-line in front matter silences that line only', () => {
    const t = PLAN.replace('owner_departmnt', '# testbed-lint-disable-next-line plan-unknown-key\nowner_departmnt');
    expect(brief(lint(t, { filePath: 'p.md', config: only('plan-unknown-key'), today: TODAY }))).toEqual([
      '6:1 plan-unknown-key',
    ]);
  });

  it('disable-file anywhere silences the rule in the whole file', () => {
    const t = PLAN + '<!-- testbed-lint-disable-file plan-unknown-key -->\n';
    expect(lint(t, { filePath: 'p.md', config: only('plan-unknown-key'), today: TODAY })).toEqual([]);
  });

  it('disable ... enable silences a range, and a bare disable silences every rule', () => {
    const yaml =
      'kind: testbed-plan\n# testbed-lint-disable plan-unknown-key\nfoo: 1\n# testbed-lint-enable plan-unknown-key\nbar: 2\n';
    expect(brief(lint(yaml, { filePath: 'p.yaml', config: only('plan-unknown-key'), today: TODAY }))).toEqual([
      '5:1 plan-unknown-key',
    ]);
    const bare = 'kind: testbed-plan\n# testbed-lint-disable\nfoo: 1\nbar: 2\n';
    expect(lint(bare, { filePath: 'p.yaml', config: only('plan-unknown-key'), today: TODAY })).toEqual([]);
  });

  it('reports an unknown id in a comment, with a did-you-mean fix', () => {
    const t = PLAN + '<!-- testbed-lint-disable-next-line plan-unknown-keys -- typo -->\n';
    const ps = lint(t, { filePath: 'p.md', config: only('plan-unknown-key'), today: TODAY });
    const bad = ps.find((p) => p.messageId === 'unknownRuleSuggestion')!;
    expect(bad.message).toBe(
      'Unknown rule id "plan-unknown-keys" in a testbed-lint comment; did you mean "plan-unknown-key"?',
    );
    expect([bad.line, bad.column]).toEqual([9, 37]);
    expect(applyFixes(t, [bad]).text).toContain('<!-- testbed-lint-disable-next-line plan-unknown-key -- typo -->');
  });

  it('ignores comment-like text inside code blocks', () => {
    const t = PLAN + '```\n<!-- testbed-lint-disable-file -->\n```\n';
    expect(lint(t, { filePath: 'p.md', config: only('plan-unknown-key'), today: TODAY })).toHaveLength(2);
  });
});

describe('severities and config', () => {
  it('uses the configured severity and drops rules set to off', () => {
    const ps = lint(PLAN, {
      filePath: 'p.md',
      config: only('plan-unknown-key', { 'plan-unknown-key': 'error' }),
      today: TODAY,
    });
    expect(ps.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(
      lint(PLAN, { filePath: 'p.md', config: only('plan-unknown-key', { 'plan-unknown-key': 'off' }), today: TODAY }),
    ).toEqual([]);
  });

  it('strict raises warnings to errors', () => {
    const ps = lint(PLAN, { filePath: 'p.md', config: { extends: 'strict' }, today: TODAY });
    expect(ps.filter((p) => p.ruleId === 'plan-unknown-key').map((p) => p.severity)).toEqual(['error', 'error']);
  });

  it('rejects a bad today', () => {
    expect(() => lint(PLAN, { filePath: 'p.md', today: '2026-02-30' })).toThrow(/YYYY-MM-DD/);
  });

  it('gives every problem a docs URL, 1-based positions and a span inside the text', () => {
    for (const p of lint(PLAN, { filePath: 'p.md', today: TODAY })) {
      expect(p.docsUrl).toMatch(new RegExp(`/src/rules/${p.ruleId}/${p.ruleId}\\.md$`));
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.span.end).toBeLessThanOrEqual(PLAN.length);
    }
  });
});

describe('rule crashes', () => {
  it('are caught and reported; the other rules still run', () => {
    const rule = rules.find((r) => r.meta.id === 'customer-named')!;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on the same rule below: same `this`
    const original = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const seen: string[] = [];
      const r = lintDetailed(PLAN, { filePath: 'p.md', today: TODAY, onRuleError: (c) => seen.push(c.ruleId) });
      expect(seen).toEqual(['customer-named']);
      expect(r.crashes.map((c) => (c.error as Error).message)).toEqual(['boom']);
      expect(r.problems.some((p) => p.ruleId === 'plan-unknown-key')).toBe(true);
    } finally {
      rule.check = original;
    }
  });
});

describe('fixes', () => {
  it('are offered only by rules declared fixable: a fix from a rule marked `none` is dropped', () => {
    const rule = rules.find((r) => r.meta.id === 'plan-unknown-key')!;
    const meta = rule.meta;
    try {
      (rule as { meta: typeof meta }).meta = { ...meta, fixable: 'none' };
      const ps = lint(PLAN, { filePath: 'p.md', today: TODAY, config: only('plan-unknown-key') });
      expect(ps.length).toBeGreaterThan(0);
      expect(ps.filter((p) => p.fix)).toEqual([]);
    } finally {
      (rule as { meta: typeof meta }).meta = meta;
    }
    expect(
      lint(PLAN, { filePath: 'p.md', today: TODAY, config: only('plan-unknown-key') }).filter((p) => p.fix).length,
    ).toBeGreaterThan(0);
  });

  it('applies non-overlapping edits and leaves conflicting ones for the next pass', () => {
    const text = 'abcdef';
    const mk = (start: number, end: number, t: string) => ({
      fix: { title: t, edits: [{ span: { start, end }, text: t }] },
    });
    expect(applyFixes(text, [mk(0, 2, 'X'), mk(1, 3, 'Y'), mk(4, 6, 'Z')])).toEqual({ text: 'XcdZ', applied: 2 });
    expect(applyFixes(text, [])).toEqual({ text, applied: 0 });
  });

  it('fixText repeats until stable and never drops the user text', () => {
    const t = 'kind: testbed-plan\nstatus: Running\nstart: 2026-1-5\nowner_department: sales\n';
    const r = fixText(t, {
      filePath: 'p.yaml',
      config: only('plan-schema', { 'plan-unknown-key': 'warning' }),
      today: TODAY,
    });
    expect(r.text).toBe('kind: testbed-plan\nstatus: running\nstart: 2026-01-05\nowner-department: sales\n');
    expect(r.applied).toBe(3);
  });

  it('keeps offsets right when the text starts with a byte-order mark', () => {
    const t = '\ufeffkind: testbed-plan\nstatus: Running\n';
    const ps = lint(t, { filePath: 'p.yaml', config: only('plan-schema'), today: TODAY });
    expect([ps[0]!.line, ps[0]!.column]).toEqual([2, 9]);
    expect(applyFixes(t, ps).text).toBe('\ufeffkind: testbed-plan\nstatus: running\n');
  });
});
