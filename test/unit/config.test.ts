import { describe, expect, it } from 'vitest';
import {
  checkLintConfig,
  lint,
  mergeRuleEntries,
  parseConfigText,
  resolveRules,
  rules,
  validateLintConfig,
} from '../../src/api/index.js';

const problems = (text: string) =>
  parseConfigText(text, rules).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('config files', () => {
  it('reads extends, rules and ignores', () => {
    const r = parseConfigText(
      'extends: [strict, ./base.yaml]\nrules:\n  customer-rationale: [warning, { min-words: 50 }]\n  counterpart-back-end: off\nignores: [archive/**]\n',
      rules,
    );
    expect(r.problems).toEqual([]);
    expect(r.data.extends.map((e) => e.value)).toEqual(['strict', './base.yaml']);
    expect(r.data.rules).toEqual({
      'customer-rationale': ['warning', { 'min-words': 50 }],
      'counterpart-back-end': 'off',
    });
    expect(r.data.ignores).toEqual(['archive/**']);
  });

  it('reads JSON too', () => {
    const r = parseConfigText('{"rules": {"iteration-stale": ["error", {"max-days": 30}]}}', rules);
    expect(r.problems).toEqual([]);
    expect(r.data.rules['iteration-stale']).toEqual(['error', { 'max-days': 30 }]);
  });

  it('locates every problem: syntax, unknown rule, bad severity, bad option, unknown key', () => {
    expect(problems('rules:\n  customer-named: [error\n')).toEqual([expect.stringMatching(/^3:1 syntax error: /)]);
    expect(problems('rules:\n  customer-nmed: error\n')).toEqual([
      '2:3 unknown rule "customer-nmed"; did you mean "customer-named"?',
    ]);
    expect(problems('rules:\n  customer-named: loud\n')).toEqual([
      '2:19 rule "customer-named": severity must be one of error, warning, info, off, got "loud"',
    ]);
    expect(problems('rules:\n  customer-rationale: [error, { min-words: -3 }]\n')).toEqual([
      '2:44 rule "customer-rationale": option "min-words" must be at least 1',
    ]);
    expect(problems('rules:\n  customer-rationale: [error, { min-word: 3 }]\n')).toEqual([
      '2:33 rule "customer-rationale" has no option "min-word"; did you mean "min-words"?',
    ]);
    expect(problems('rule:\n  customer-named: off\n')).toEqual([
      '1:1 unknown key "rule"; did you mean "rules"? (a config file has "extends", "rules", "ignores", "drafts", "language" and "team-rules")',
    ]);
    expect(problems('- a\n')).toEqual([
      '1:1 a config file must be a mapping with "extends", "rules", "ignores", "drafts", "language" or "team-rules"',
    ]);
    expect(problems('extends: recommended\ndrafts: lax\n')).toEqual([
      '2:9 "drafts" must be lenient or strict, got "lax"',
    ]);
    expect(problems('drafts: [strict]\n')).toEqual(['1:9 "drafts" must be lenient or strict, got a structure']);
    expect(problems('drafts:\n')).toEqual(['1:1 "drafts" must be lenient or strict, got nothing']);
    expect(problems('draft: strict\n')).toEqual([
      '1:1 unknown key "draft"; did you mean "drafts"? (a config file has "extends", "rules", "ignores", "drafts", "language" and "team-rules")',
    ]);
  });

  it('reads `drafts: lenient | strict`', () => {
    expect(parseConfigText('drafts: strict\n', rules)).toEqual({
      data: { extends: [], rules: {}, ignores: [], drafts: 'strict', teamRules: [], teamRefs: [] },
      problems: [],
      readable: true,
    });
    expect(parseConfigText('{"drafts": "lenient"}', rules).data.drafts).toBe('lenient');
    expect(validateLintConfig({ drafts: 'strict' }, rules)).toEqual([]);
    expect(validateLintConfig({ drafts: 'lax' as 'strict' }, rules)).toEqual(['drafts must be lenient or strict']);
  });

  it('does not let hostile keys reach the options object', () => {
    const r = parseConfigText('rules:\n  customer-rationale: [error, { __proto__: { polluted: 1 } }]\n', rules);
    expect(r.problems.map((p) => p.message)).toEqual([
      'rule "customer-rationale" has no option "__proto__" (options: min-words)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives the valid part with the problems: unknown rules dropped, a rule with a bad severity or option keeps its defaults', () => {
    const r = parseConfigText(
      'rules:\n  customer-rationle: off\n  counterpart-back-end: warn\n  customer-named: loud\n  iteration-stale: [info, { max-dayz: 3 }]\n  counterpart-early: info\n',
      rules,
    );
    expect(r.readable).toBe(true);
    expect(r.data.rules).toEqual({ 'counterpart-back-end': 'warning', 'counterpart-early': 'info' });
    expect(r.problems).toEqual([
      {
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 20,
        message: 'unknown rule "customer-rationle"; did you mean "customer-rationale"?',
        replacements: ['customer-rationale'],
      },
      {
        line: 4,
        column: 19,
        endLine: 4,
        endColumn: 23,
        message: 'rule "customer-named": severity must be one of error, warning, info, off, got "loud"',
        replacements: ['error', 'warning', 'info', 'off'],
      },
      {
        line: 5,
        column: 29,
        endLine: 5,
        endColumn: 37,
        message: 'rule "iteration-stale" has no option "max-dayz"; did you mean "max-days"?',
        replacements: ['max-days'],
      },
    ]);
    const resolved = resolveRules(rules, { rules: r.data.rules });
    expect(resolved.get('customer-named')).toEqual(resolveRules(rules, undefined).get('customer-named'));
    expect(resolved.get('counterpart-back-end')?.severity).toBe('warning');
  });

  it('takes "warn" as ESLint users write it, and turns ESLint\'s numbers into a fix to the word', () => {
    expect(parseConfigText('rules:\n  counterpart-early: warn\n', rules)).toMatchObject({
      data: { rules: { 'counterpart-early': 'warning' } },
      problems: [],
    });
    expect(parseConfigText('rules:\n  customer-rationale: [warn, { min-words: 5 }]\n', rules).data.rules).toEqual({
      'customer-rationale': ['warning', { 'min-words': 5 }],
    });
    expect(parseConfigText('rules:\n  counterpart-early: 2\n', rules).problems).toEqual([
      {
        line: 2,
        column: 22,
        endLine: 2,
        endColumn: 23,
        message:
          'rule "counterpart-early": severity must be one of error, warning, info, off, got 2; write "error" for ESLint\'s 2',
        replacements: ['error'],
      },
    ]);
    expect(problems('rules:\n  counterpart-early: warnig\n')).toEqual([
      '2:22 rule "counterpart-early": severity must be one of error, warning, info, off, got "warnig"; did you mean "warning"?',
    ]);
    // The closest meaning first: "disabled" is two edits nearer "error" than "off", but it means off.
    expect(parseConfigText('rules:\n  counterpart-early: disabled\n', rules).problems).toEqual([
      {
        line: 2,
        column: 22,
        endLine: 2,
        endColumn: 30,
        message:
          'rule "counterpart-early": severity must be one of error, warning, info, off, got "disabled"; did you mean "off"?',
        replacements: ['off'],
      },
    ]);
    expect(
      problems('rules:\n  counterpart-early: false\n  counterpart-finance: "Fatal"\n  iteration-stale: note\n'),
    ).toEqual([
      '2:22 rule "counterpart-early": severity must be one of error, warning, info, off, got false; did you mean "off"?',
      '3:24 rule "counterpart-finance": severity must be one of error, warning, info, off, got "Fatal"; did you mean "error"?',
      '4:20 rule "iteration-stale": severity must be one of error, warning, info, off, got "note"; did you mean "info"?',
    ]);
    // A word that says nothing of the level: every severity to choose from.
    expect(parseConfigText('rules:\n  counterpart-early: enabled\n', rules).problems[0]!.replacements).toEqual([
      'error',
      'warning',
      'info',
      'off',
    ]);
    expect(problems('rules:\n  counterpart-early:\n')).toEqual([
      '2:21 rule "counterpart-early": severity must be one of error, warning, info, off, got nothing',
    ]);
  });

  it('keeps the quotes of a JSON key in its fix', () => {
    const r = parseConfigText('{"rules": {"customer-rationle": "off"}}', rules);
    expect(r.problems).toEqual([
      {
        line: 1,
        column: 12,
        endLine: 1,
        endColumn: 31,
        message: 'unknown rule "customer-rationle"; did you mean "customer-rationale"?',
        replacements: ['"customer-rationale"'],
      },
    ]);
  });

  it('a file that cannot be parsed gives nothing (the defaults) and says it is unreadable', () => {
    expect(parseConfigText('rules: [\n', rules)).toMatchObject({
      data: { extends: [], rules: {}, ignores: [], teamRules: [], teamRefs: [] },
      readable: false,
    });
    expect(parseConfigText('- a\n', rules).readable).toBe(false);
  });

  it('a config given in code: the valid part and the problems; lint() takes "warn"', () => {
    const checked = checkLintConfig(
      {
        rules: {
          'customer-rationle': 'off',
          'counterpart-back-end': 'warn' as 'warning',
          'iteration-stale': ['info', { 'max-days': 0 }],
          'counterpart-early': 'off',
        },
      },
      rules,
    );
    expect(checked.config).toEqual({ rules: { 'counterpart-back-end': 'warning', 'counterpart-early': 'off' } });
    expect(checked.problems).toEqual([
      'unknown rule "customer-rationle"; did you mean "customer-rationale"?',
      'rule "iteration-stale": option "max-days" must be at least 1',
    ]);
    expect(validateLintConfig({ rules: { 'counterpart-early': 'warn' as 'warning' } }, rules)).toEqual([]);
    // A proposed plan: on a draft, a missing customer is a to-do (info) whatever its severity.
    const plan = '---\nkind: testbed-plan\ntitle: Pilot\nstatus: proposed\n---\n';
    const severities = (config: Parameters<typeof lint>[1]['config']) =>
      lint(plan, { filePath: 'p.testbed.md', config }).map((p) => `${p.ruleId} ${p.severity}`);
    const withWarn = severities({ rules: { 'customer-named': 'warn' as 'warning' } });
    expect(withWarn).toContain('customer-named warning');
    expect(withWarn).toEqual(severities({ rules: { 'customer-named': 'warning' } }));
  });

  it('takes an empty file as an empty config', () => {
    expect(parseConfigText('', rules)).toEqual({
      data: { extends: [], rules: {}, ignores: [], teamRules: [], teamRefs: [] },
      problems: [],
      readable: true,
    });
  });
});

describe('resolving rule settings', () => {
  it('starts from the preset and keeps earlier options when only the severity changes', () => {
    const merged = mergeRuleEntries(
      { 'customer-rationale': ['error', { 'min-words': 50 }] },
      { 'customer-rationale': 'warning' },
    );
    expect(merged).toEqual({ 'customer-rationale': ['warning', { 'min-words': 50 }] });
    const r = resolveRules(rules, { rules: merged });
    expect(r.get('customer-rationale')).toEqual({ severity: 'warning', options: { 'min-words': 50 } });
    expect(r.get('counterpart-early')).toEqual({ severity: 'warning', options: { 'grace-days': 14 } });
    expect(resolveRules(rules, { extends: 'strict' }).get('counterpart-back-end')!.severity).toBe('warning');
  });

  it('validates configs given in code', () => {
    expect(
      validateLintConfig({ rules: { nope: 'error', 'iteration-stale': ['error', { 'max-days': 'x' }] } }, rules),
    ).toEqual(['unknown rule "nope"', 'rule "iteration-stale": option "max-days" must be a whole number']);
  });
});
