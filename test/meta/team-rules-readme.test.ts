// The README's team rules (section "Team rules") are tests: its config block reads without a problem, each
// `team-fails=<id>` example gives exactly one finding of team/<id> (and passes once its safe fix is applied, where the
// rule has one), and each `team-passes=<id>` example gives none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lint, parseConfigText, rules, type LintConfig } from '../../src/api/index.js';
import { allFencedBlocks } from '../helpers/recipes.js';

const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const section = README.slice(README.indexOf('### Team rules'), README.indexOf('## Rules'));
const blocks = [...section.matchAll(/^```(\S+)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1]!,
  info: m[2]!.trim(),
  body: m[3]!,
}));

const configBlock = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('team-rules:'));
const parsed = parseConfigText(configBlock?.body ?? '', rules);
const off = Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const]));

/** Lints an example with only the README's team rule `id` on. */
function options(id: string, form: string) {
  const config: LintConfig = {
    rules: off,
    teamRules: parsed.data.teamRules.filter((d) => d.id === id),
  };
  return { filePath: form === 'plan-md' ? 'example.testbed.md' : 'example.testbed.yaml', today: '2026-06-01', config };
}

const examples = blocks.flatMap((b) => {
  const m = /^team-(fails|passes)=([a-z0-9-]+)$/.exec(b.info);
  return m ? [{ ...b, fails: m[1] === 'fails', id: m[2]! }] : [];
});

describe("the README's team rules", () => {
  it('the config block has five team rules and no problem', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.teamRules.map((d) => d.id)).toEqual([
      'benefit-has-number',
      'champion-has-title',
      'say-testbed',
      'official-departments',
      'feedback-in-words',
    ]);
    expect(parsed.data.rules).toEqual({ 'team/official-departments': 'error' });
  });

  it('each rule is shown failing and then passing, and every block of the section is one of these', () => {
    const ids = parsed.data.teamRules.map((d) => d.id);
    expect(examples.map((e) => `${e.id} ${e.fails ? 'fails' : 'passes'}`)).toEqual(
      ids.flatMap((id) => [`${id} fails`, `${id} passes`]),
    );
    expect(allFencedBlocks(section)).toHaveLength(examples.length + 1);
  });

  it.each(examples.map((e) => [`${e.id} ${e.fails ? 'fails' : 'passes'}`, e] as const))('%s', (_name, e) => {
    const found = lint(e.body, options(e.id, e.lang));
    if (!e.fails) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map((p) => p.ruleId)).toEqual([`team/${e.id}`]);
    if (found[0]!.fix) expect(fixText(e.body, options(e.id, e.lang)).problems).toEqual([]);
  });
});
