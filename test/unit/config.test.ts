import { describe, expect, it } from 'vitest';
import { mergeRuleEntries, parseConfigText, resolveRules, rules, validateLintConfig } from '../../src/core/index.js';

const problems = (text: string) => parseConfigText(text, rules).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('config files', () => {
  it('reads extends, rules and ignores', () => {
    const r = parseConfigText('extends: [strict, ./base.yaml]\nrules:\n  customer-rationale: [warning, { min-words: 50 }]\n  counterpart-back-end: off\nignores: [archive/**]\n', rules);
    expect(r.problems).toEqual([]);
    expect(r.data.extends.map((e) => e.value)).toEqual(['strict', './base.yaml']);
    expect(r.data.rules).toEqual({ 'customer-rationale': ['warning', { 'min-words': 50 }], 'counterpart-back-end': 'off' });
    expect(r.data.ignores).toEqual(['archive/**']);
  });

  it('reads JSON too', () => {
    const r = parseConfigText('{"rules": {"iteration-stale": ["error", {"max-days": 30}]}}', rules);
    expect(r.problems).toEqual([]);
    expect(r.data.rules['iteration-stale']).toEqual(['error', { 'max-days': 30 }]);
  });

  it('locates every problem: syntax, unknown rule, bad severity, bad option, unknown key', () => {
    expect(problems('rules:\n  customer-named: [error\n')).toEqual([expect.stringMatching(/^3:1 syntax error: /)]);
    expect(problems('rules:\n  customer-nmed: error\n')).toEqual(['2:3 unknown rule "customer-nmed"; did you mean "customer-named"?']);
    expect(problems('rules:\n  customer-named: fatal\n')).toEqual(['2:19 rule "customer-named": severity must be one of error, warning, info, off, got "fatal"']);
    expect(problems('rules:\n  customer-rationale: [error, { min-words: -3 }]\n')).toEqual(['2:44 rule "customer-rationale": option "min-words" must be at least 1']);
    expect(problems('rules:\n  customer-rationale: [error, { min-word: 3 }]\n')).toEqual(['2:33 rule "customer-rationale" has no option "min-word"; did you mean "min-words"?']);
    expect(problems('rule:\n  customer-named: off\n')).toEqual(['1:1 unknown key "rule"; did you mean "rules"? (a config file has "extends", "rules", "ignores" and "drafts")']);
    expect(problems('- a\n')).toEqual(['1:1 a config file must be a mapping with "extends", "rules", "ignores" or "drafts"']);
    expect(problems('extends: recommended\ndrafts: lax\n')).toEqual(['2:9 "drafts" must be lenient or strict, got "lax"']);
    expect(problems('drafts: [strict]\n')).toEqual(['1:9 "drafts" must be lenient or strict, got a structure']);
    expect(problems('drafts:\n')).toEqual(['1:1 "drafts" must be lenient or strict, got nothing']);
    expect(problems('draft: strict\n')).toEqual(['1:1 unknown key "draft"; did you mean "drafts"? (a config file has "extends", "rules", "ignores" and "drafts")']);
  });

  it('reads `drafts: lenient | strict`', () => {
    expect(parseConfigText('drafts: strict\n', rules)).toEqual({ data: { extends: [], rules: {}, ignores: [], drafts: 'strict' }, problems: [] });
    expect(parseConfigText('{"drafts": "lenient"}', rules).data.drafts).toBe('lenient');
    expect(validateLintConfig({ drafts: 'strict' }, rules)).toEqual([]);
    expect(validateLintConfig({ drafts: 'lax' as 'strict' }, rules)).toEqual(['drafts must be lenient or strict']);
  });

  it('does not let hostile keys reach the options object', () => {
    const r = parseConfigText('rules:\n  customer-rationale: [error, { __proto__: { polluted: 1 } }]\n', rules);
    expect(r.problems.map((p) => p.message)).toEqual(['rule "customer-rationale" has no option "__proto__" (options: min-words)']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes an empty file as an empty config', () => {
    expect(parseConfigText('', rules)).toEqual({ data: { extends: [], rules: {}, ignores: [] }, problems: [] });
  });
});

describe('resolving rule settings', () => {
  it('starts from the preset and keeps earlier options when only the severity changes', () => {
    const merged = mergeRuleEntries({ 'customer-rationale': ['error', { 'min-words': 50 }] }, { 'customer-rationale': 'warning' });
    expect(merged).toEqual({ 'customer-rationale': ['warning', { 'min-words': 50 }] });
    const r = resolveRules(rules, { rules: merged });
    expect(r.get('customer-rationale')).toEqual({ severity: 'warning', options: { 'min-words': 50 } });
    expect(r.get('counterpart-early')).toEqual({ severity: 'warning', options: { 'grace-days': 14 } });
    expect(resolveRules(rules, { extends: 'strict' }).get('counterpart-back-end')!.severity).toBe('warning');
  });

  it('validates configs given in code', () => {
    expect(validateLintConfig({ rules: { nope: 'error', 'iteration-stale': ['error', { 'max-days': 'x' }] } }, rules)).toEqual([
      'unknown rule "nope"',
      'rule "iteration-stale": option "max-days" must be a whole number',
    ]);
  });
});
