// Regular expressions run on user text must be linear: long adversarial inputs (50,000 characters) lint in bounded time.
// Each case targets one expression in src/core or src/rules; a quadratic one takes several seconds here (measured 4-13 s).
import { describe, expect, it } from 'vitest';
import { lintDetailed } from '../../src/api/index.js';

const N = 50_000;
const BOUND_MS = 2000;
const SP = ' '.repeat(N);
const HEAD = '---\nkind: testbed-plan\ntitle: T\n---\n\n# T\n\n';

const md = (text: string) => ({ text, filePath: 'x.testbed.md' });
const yaml = (text: string) => ({ text, filePath: 'x.testbed.yaml' });

/** [name, input, the expression it targets] */
const CASES: [string, { text: string; filePath: string }, string][] = [
  [
    'counterpart bullet with "since" and blanks',
    md(HEAD + '## Counterparts\n\n- **Finance**: since' + SP + 'x\n'),
    'markdown.ts since\\s+(\\S+?)(?=...)',
  ],
  [
    'counterpart bullet with many "since"',
    md(HEAD + '## Counterparts\n\n- **Finance**: ' + 'since '.repeat(N / 6) + 'x\n'),
    'markdown.ts since',
  ],
  [
    'counterpart bullet with many "benefit"',
    md(HEAD + '## Counterparts\n\n- **Finance**: ' + 'benefit '.repeat(N / 8) + 'x\n'),
    'markdown.ts benefits?\\s*:',
  ],
  [
    'iteration bullet with blanks',
    md(HEAD + '## Iteration log\n\n### 2026-01-01 — a\n\n- Change: a' + SP + 'b\n'),
    'markdown.ts LABEL',
  ],
  [
    'heading made of date-like text',
    md(HEAD + '## Iteration log\n\n### ' + '2026-01-0'.repeat(N / 9) + '\n'),
    'markdown.ts HEADING_DATE',
  ],
  [
    'section heading with trailing colons',
    md(HEAD + '## Iteration log' + ': '.repeat(N / 2) + 'x\n'),
    'markdown.ts heading normalisation [:.]\\s*$',
  ],
  [
    'metric bullet with a long segment',
    md(HEAD + '## Metrics\n\n- **M**: ' + 'perspective'.repeat(N / 11) + ',x\n'),
    'markdown.ts metric segments',
  ],
  [
    'unclosed HTML directives',
    md(HEAD + '<!-- testbed-lint-disable '.repeat(2000) + '\n'),
    'directives.ts HTML_DIRECTIVE ([^]*?)-->',
  ],
  [
    'HTML directives with ids, unclosed',
    md(HEAD + ('<!-- testbed-lint-disable a' + ' '.repeat(20)).repeat(2000) + '\n'),
    'directives.ts HTML_DIRECTIVE',
  ],
  [
    'YAML comment directives',
    yaml('kind: testbed-plan\n' + '# testbed-lint-disable '.repeat(2000) + '\n'),
    'directives.ts YAML_DIRECTIVE',
  ],
  [
    'YAML directive with a long "--" list',
    yaml('kind: testbed-plan\n# testbed-lint-disable ' + 'a -'.repeat(N / 3) + '\n'),
    'directives.ts (^|\\s)--(\\s|$)',
  ],
  [
    'iterations: a scalar with blanks inside',
    yaml('kind: testbed-plan\niterations: x' + SP + 'y\n'),
    'iteration-log fillEmpty (was quadratic, fixed)',
  ],
  [
    'iterations: [ blanks ] blanks',
    yaml('kind: testbed-plan\niterations: [' + SP + ']' + SP + '\n'),
    'iteration-log fillEmpty (was quadratic, fixed)',
  ],
  [
    'counterparts: blanks then text',
    yaml('kind: testbed-plan\ncounterparts:' + SP + 'x\n'),
    'counterparts-listed fillSection (was quadratic, fixed)',
  ],
  [
    'counterparts: [ blanks ]',
    yaml('kind: testbed-plan\ncounterparts: [' + SP + ']' + SP + '\n'),
    'counterparts-listed fillSection',
  ],
  [
    'placeholder-like names',
    yaml(
      'kind: testbed-plan\ncustomer:\n  name: "' +
        '?'.repeat(N) +
        'x"\n  tier: "' +
        '<'.repeat(N) +
        '"\n  champion: "' +
        '['.repeat(N) +
        '"\n',
    ),
    'text.ts PLACEHOLDER',
  ],
  [
    'status of blanks and underscores',
    yaml('kind: testbed-plan\nstatus: "' + ' _'.repeat(N / 2) + 'x"\n'),
    'yaml-model.ts [\\s_]+',
  ],
  ['kind line with blanks', md('kind' + SP + ':' + SP + 'x\n'), 'detect.ts KIND_LINE'],
  [
    'scale-up labels',
    md(HEAD + '## Scale-up\n\n' + ('- **' + 'a'.repeat(40) + ' ').repeat(1000) + '\n' + 'a &'.repeat(N / 3) + '\n'),
    'scale-up-plan LABEL',
  ],
  [
    'words with apostrophes',
    md(HEAD + '## Customer selection\n\n' + "a'".repeat(N / 2) + '\n'),
    'yaml-model.ts countWords',
  ],
  [
    'date-like start',
    yaml('kind: testbed-plan\nstart: "' + '1'.repeat(N) + '"\nreview: "2026-' + '1'.repeat(N) + '"\n'),
    'dates.ts',
  ],
  [
    'interpolated data with braces',
    yaml('kind: testbed-plan\n"{{' + ' '.repeat(N) + 'x": 1\n'),
    'rule-api.ts interpolate (templates only)',
  ],
];

/** The CPU time (ms) of one lint: unlike wall time it does not grow when other processes load the machine. */
function timed(input: { text: string; filePath: string }): number {
  const started = process.cpuUsage();
  const r = lintDetailed(input.text, { ...input, today: '2026-06-01' });
  expect(r.crashes).toEqual([]);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe('regular expressions on user text are linear', () => {
  for (const [name, input, target] of CASES) {
    it(`${name} (${target})`, () => {
      expect(timed(input)).toBeLessThan(BOUND_MS);
    });
  }

  // Was quadratic (a backtracking /[\s,.;(—–-]+$/ in counterpartBullet: 50,000 blanks took ~13 s); now a linear trim.
  it('counterpart bullet with blanks before the end (markdown.ts counterpartBullet /[\\s,.;(—–-]+$/)', () => {
    expect(timed(md(HEAD + '## Counterparts\n\n- **Finance**: a' + SP + 'x\n'))).toBeLessThan(BOUND_MS);
    expect(timed(md(HEAD + '## Counterparts\n\n- **Finance**: a' + ', '.repeat(N / 2) + 'x\n'))).toBeLessThan(BOUND_MS);
  });

  // Was quadratic (/\s*\r?\n\s*/g on a labelled bullet continued on the next line: 50,000 blanks took ~13 s); now split and trim.
  it('labelled bullet continued on a second line after many blanks (markdown.ts /\\s*\\r?\\n\\s*/g)', () => {
    expect(
      timed(md(HEAD + '## Iteration log\n\n### 2026-01-01 — a\n\n- Change: a' + '\t '.repeat(N / 2) + 'b\n  c\n')),
    ).toBeLessThan(BOUND_MS);
  });
});
