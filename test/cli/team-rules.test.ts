// CLI scenarios for team rules: the minimal rule in a config beside examples/, severities, extends, and every
// kind of mistake in a team rule as a located config error with exit code 2.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { rules } from '../../src/api/index.js';
import { runCli, tempProject, TODAY } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const EXAMPLES = join(import.meta.dirname, '../../examples');
const examples = Object.fromEntries(readdirSync(EXAMPLES).map((f) => [f, readFileSync(join(EXAMPLES, f), 'utf8')]));

function project(files: Record<string, string>) {
  const p = tempProject(files);
  cleanups.push(p.cleanup);
  return p.dir;
}

const MINIMAL = `team-rules:
  - id: benefit-has-number
    message: Each counterpart's benefit names a number the department can track
    given: counterparts[*].benefit
    then: { pattern: "[0-9]" }
`;

/** "file:line:column severity rule message" of each team rule's finding, from the json format. */
async function teamFindings(cwd: string) {
  const r = await runCli(['--today', TODAY, '-f', 'json', '.'], { cwd });
  const out: string[] = [];
  for (const f of JSON.parse(r.stdout || '[]') as {
    filePath: string;
    messages: { ruleId: string; line: number; column: number; severity: number; message: string }[];
  }[])
    for (const m of f.messages)
      if (m.ruleId.startsWith('team/'))
        out.push(`${f.filePath.slice(cwd.length + 1)}:${m.line}:${m.column} ${m.severity} ${m.ruleId}`);
  return { ...r, out };
}

describe('team rules in the CLI', () => {
  test("the issue's minimal rule beside examples/ reports each benefit without a digit, at the benefit", async () => {
    const cwd = project({ ...examples, '.testbed-lint.yaml': MINIMAL });
    const r = await teamFindings(cwd);
    expect(r.errors).toEqual([]);
    expect(r.out).toEqual([
      'clean.testbed.md:55:49 1 team/benefit-has-number',
      'clean.testbed.md:56:39 1 team/benefit-has-number',
      'clean.testbed.md:57:40 1 team/benefit-has-number',
      'clean.testbed.md:58:53 1 team/benefit-has-number',
      'clean.testbed.yaml:46:14 1 team/benefit-has-number',
      'clean.testbed.yaml:50:14 1 team/benefit-has-number',
      'clean.testbed.yaml:54:14 1 team/benefit-has-number',
      'clean.testbed.yaml:58:14 1 team/benefit-has-number',
      'flawed.testbed.md:52:44 1 team/benefit-has-number',
      'flawed.testbed.yaml:43:14 1 team/benefit-has-number',
    ]);
    // The line is the benefit's own: the text at that position is the value the rule judged.
    const line = examples['clean.testbed.md']!.split('\n')[54]!;
    expect(line.slice(48)).toMatch(/^Live trial of the automated picking system \|$/);
  });

  test('an error severity from rules: fails the run; stylish names the rule', async () => {
    const off = rules.map((r) => `  ${r.meta.id}: off`).join('\n');
    const cwd = project({
      'clean.testbed.md': examples['clean.testbed.md']!,
      '.testbed-lint.yaml': `${MINIMAL}rules:\n  team/benefit-has-number: error\n${off}\n`,
    });
    const r = await runCli(['--today', TODAY, '.'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "55:49  error  Each counterpart's benefit names a number the department can track  team/benefit-has-number",
    );
  });

  test('a team rule defined in a config it extends can be set in rules:', async () => {
    const cwd = project({
      'clean.testbed.yaml': examples['clean.testbed.yaml']!,
      'base.yaml': MINIMAL,
      '.testbed-lint.yaml': 'extends: ./base.yaml\nrules:\n  team/benefit-has-number: info\n',
    });
    const r = await teamFindings(cwd);
    expect(r.errors).toEqual([]);
    expect(r.out).toHaveLength(4);
    expect(r.out.every((l) => l.includes(' 0 team/'))).toBe(true);
  });

  test('each kind of mistake is a located config error and exit 2', async () => {
    const cases: [string, string][] = [
      ['    given: counterparts[*].benefits\n    then: { pattern: "[0-9]" }\n', '3:12'],
      ['    given: counterparts[*].benefit\n    then: { patern: "[0-9]" }\n', '4:13'],
      ['    given: counterparts[*].benefit\n    then: { pattern: "(a" }\n', '4:22'],
      ['    given: counterparts[*].benefit\n    then: { min-words: many }\n', '4:24'],
    ];
    for (const [body, where] of cases) {
      const cwd = project({
        'clean.testbed.md': examples['clean.testbed.md']!,
        '.testbed-lint.yaml': `team-rules:\n  - id: benefit-has-number\n${body}`,
      });
      const r = await runCli(['--today', TODAY, '.'], { cwd });
      expect(r.code, body).toBe(2);
      expect(r.errors[0], body).toMatch(new RegExp(`^\\.testbed-lint\\.yaml:${where}: team rule "benefit-has-number"`));
    }
    const cwd = project({
      'clean.testbed.md': examples['clean.testbed.md']!,
      '.testbed-lint.yaml': `${MINIMAL}  - id: benefit-has-number\n    given: title\n    then: { present: true }\nrules:\n  team/benefit-has-numbr: error\n`,
    });
    const r = await runCli(['--today', TODAY, '.'], { cwd });
    expect(r.code).toBe(2);
    expect(r.errors.slice(0, 2)).toEqual([
      '.testbed-lint.yaml:6:9: team rule "benefit-has-number" is defined twice; each id must be unique',
      '.testbed-lint.yaml:10:3: unknown team rule "team/benefit-has-numbr"; did you mean "team/benefit-has-number"?',
    ]);
  });
});
