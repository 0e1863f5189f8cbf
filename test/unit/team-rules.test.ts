// Team rules (`team-rules:`): each check on the plan model in both forms, where findings point, fixes, severities,
// disable comments, and every mistake in a definition as a located config error.
import { describe, expect, it } from 'vitest';
import {
  applyFixes,
  checkLintConfig,
  lint,
  parseConfigText,
  rules,
  TEAM_PATHS,
  teamRulePage,
  type LintConfig,
  type Problem,
} from '../../src/api/index.js';

const TODAY = '2026-06-01';

const MD = `---
kind: testbed-plan
title: Vendor-managed inventory with Northside Community Hospital
status: running
start: 2026-01-12
review: 2026-03-01
customer:
  name: Northside Community Hospital
---

# Vendor-managed inventory with Northside Community Hospital

## Customer selection

A small new hospital where we run the pilot with the ward team; the Pilot starts in the wards.

## Counterparts

| Department | Contact | Since | Benefit |
|---|---|---|---|
| Finance | Dana Reyes | 2026-01-10 | Cost-to-serve down 12% on the account |
| IT | Sam Lee | 2026-01-12 | A first EDI link to a hospital system |
| Logistics | Ana Ruiz | 2026-01-12 |  |
`;

const YAML = `kind: testbed-plan
title: Vendor-managed inventory with Northside Community Hospital
status: running
start: 2026-01-12
review: 2026-03-01
counterparts:
  - department: Finance
    benefit: Cost-to-serve down 12% on the account
  - department: IT
    benefit: A first EDI link to a hospital system
`;

/** Lints with only the given team rules on (every built-in rule off), as `line:column message` of team findings. */
function teamFindings(text: string, teamRules: unknown[], file = 'plan.testbed.md', more: LintConfig = {}): string[] {
  return teamProblems(text, teamRules, file, more).map((p) => `${p.line}:${p.column} ${p.ruleId} ${p.message}`);
}

function teamProblems(text: string, teamRules: unknown[], file = 'plan.testbed.md', more: LintConfig = {}): Problem[] {
  const off = Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const]));
  const config = { ...more, rules: { ...off, ...more.rules }, teamRules: teamRules as LintConfig['teamRules'] };
  return lint(text, { filePath: file, today: TODAY, config });
}

const BENEFIT = {
  id: 'benefit-has-number',
  message: "Each counterpart's benefit names a number the department can track",
  given: 'counterparts[*].benefit',
  then: { pattern: '[0-9]' },
};

describe('team rules: the minimal rule of the issue', () => {
  it('reports each counterpart whose benefit has no digit, at the benefit, in Markdown', () => {
    expect(teamFindings(MD, [BENEFIT])).toEqual([
      "22:31 team/benefit-has-number Each counterpart's benefit names a number the department can track",
    ]);
  });

  it('in YAML too, at the benefit value, as a warning with no page of its own', () => {
    const [p, ...rest] = teamProblems(YAML, [BENEFIT], 'plan.testbed.yaml');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ ruleId: 'team/benefit-has-number', severity: 'warning', line: 10, column: 14 });
    expect(p!.endColumn).toBe(14 + 'A first EDI link to a hospital system'.length);
    expect(p!.docsUrl).toBe('');
  });

  it('takes its severity from rules:, its link as its page, and obeys disable comments', () => {
    const linked = { ...BENEFIT, link: 'https://intranet.example/plan-standards#benefits' };
    const [p] = teamProblems(MD, [linked], 'plan.testbed.md', { rules: { 'team/benefit-has-number': 'error' } });
    expect(p).toMatchObject({ severity: 'error', docsUrl: 'https://intranet.example/plan-standards#benefits' });
    expect(teamFindings(MD, [BENEFIT], 'plan.testbed.md', { rules: { 'team/benefit-has-number': 'off' } })).toEqual([]);
    const disabled = MD.replace(
      '| IT |',
      '<!-- testbed-lint-disable-next-line team/benefit-has-number -- not yet -->\n| IT |',
    );
    expect(teamFindings(disabled, [BENEFIT])).toEqual([]);
    const yamlDisabled = YAML.replace(
      '    benefit: A first',
      '    # testbed-lint-disable-next-line team/benefit-has-number\n    benefit: A first',
    );
    expect(teamFindings(yamlDisabled, [BENEFIT], 'plan.testbed.yaml')).toEqual([]);
  });

  it('keeps its severity on a draft (a team rule judges what is written)', () => {
    const draft = MD.replace('status: running', 'status: draft');
    expect(teamProblems(draft, [BENEFIT]).map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('team rules: every check', () => {
  it('present: a missing value at its entry, a missing field at the title or section', () => {
    expect(
      teamFindings(MD, [
        { id: 'b', message: 'Say the benefit', given: 'counterparts[*].benefit', then: { present: true } },
        { id: 'c', message: 'Name the champion', given: 'customer.champion', then: { present: true } },
        { id: 'o', message: 'Say who owns it', given: 'owner', then: { present: true } },
        { id: 'j', message: 'Map the journey', given: 'journey', then: { present: true } },
      ]),
    ).toEqual([
      '3:1 team/j Map the journey',
      '3:1 team/o Say who owns it',
      '7:1 team/c Name the champion',
      '23:3 team/b Say the benefit',
    ]);
  });

  it('present: a placeholder is not a value given, and is reported where it is', () => {
    const tbd = MD.replace('name: Northside Community Hospital', 'name: TBD');
    expect(
      teamFindings(tbd, [{ id: 'c', message: 'Name the customer', given: 'customer.name', then: { present: true } }]),
    ).toEqual(['8:9 team/c Name the customer']);
  });

  it('a path resolving to nothing is no finding, except for present and min-count', () => {
    const none = [
      { id: 'p', given: 'journey[*].moment', then: { pattern: 'x' } },
      { id: 'e', given: 'customer.tier', then: { enum: ['standard'] } },
      { id: 'w', given: 'sections.scale-up.text', then: { 'min-words': 20 } },
      { id: 'm', given: 'metrics[*]', then: { 'max-count': 0 } },
    ];
    expect(teamFindings(MD, none)).toEqual([]);
    expect(teamFindings(MD, [{ id: 'n', given: 'metrics[*].name', then: { 'min-count': 1 } }])).toEqual([
      '3:1 team/n Expected the plan gives metrics[*].name at least 1 times',
    ]);
  });

  it('pattern, not-pattern and enum judge each value; the message may quote it', () => {
    expect(
      teamFindings(MD, [
        {
          id: 'np',
          message: 'No percentages: "{{value}}"',
          given: 'counterparts[*].benefit',
          then: { 'not-pattern': '%' },
        },
        { id: 'en', given: 'counterparts[*].department', then: { enum: ['finance', 'it', 'supply chain'] } },
        { id: 'ci', given: 'title', then: { pattern: '(?i)^vendor' } },
      ]),
    ).toEqual([
      '21:39 team/np No percentages: "Cost-to-serve down 12% on the account"',
      '23:3 team/en Expected counterparts[*].department is one of "finance", "it", "supply chain"',
    ]);
  });

  it('min-words and max-words count the words of the value', () => {
    expect(
      teamFindings(MD, [
        { id: 'short', message: 'Say more', given: 'selection.rationale', then: { 'min-words': 30 } },
        { id: 'long', message: 'Too long', given: 'counterparts[*].benefit', then: { 'max-words': 7 } },
      ]),
    ).toEqual(['15:1 team/short Say more', '22:31 team/long Too long']);
  });

  it('min-count and max-count count the values, at the section', () => {
    expect(
      teamFindings(MD, [
        { id: 'few', message: 'At least {{count}} is too few', given: 'counterparts[*]', then: { 'min-count': 4 } },
        { id: 'many', given: 'counterparts[*].benefit', then: { 'max-count': 1 } },
      ]),
    ).toEqual([
      '17:1 team/few At least 3 is too few',
      '17:1 team/many Expected the plan gives counterparts[*].benefit at most 1 times',
    ]);
  });

  it('before and after compare a date with another field', () => {
    expect(
      teamFindings(MD, [
        { id: 'early', message: 'Join before the start', given: 'counterparts[*].since', then: { before: 'start' } },
        { id: 'review', message: 'Review after a while', given: 'review', then: { after: 'start' } },
      ]),
    ).toEqual(['22:18 team/early Join before the start', '23:26 team/early Join before the start']);
    expect(teamFindings(MD, [{ id: 'r', message: 'Review late', given: 'review', then: { before: 'start' } }])).toEqual(
      ['6:9 team/r Review late'],
    );
  });

  it('existence flags each word, whole words only, case folded', () => {
    expect(
      teamFindings(MD, [
        {
          id: 'no-pilot',
          message: 'Say testbed',
          given: 'sections.selection.text',
          then: { existence: ['pilot', 'war'] },
        },
      ]),
    ).toEqual(['15:39 team/no-pilot Say testbed ("pilot")', '15:69 team/no-pilot Say testbed ("Pilot")']);
  });

  it('substitution offers a safe fix that keeps the case, and fixes only the words it names', () => {
    const team = [{ id: 'testbed', given: 'sections.selection.text', then: { substitution: { pilot: 'testbed' } } }];
    const found = teamProblems(MD, team);
    expect(found.map((p) => `${p.line}:${p.column} ${p.message} | ${p.fix?.title}`)).toEqual([
      '15:39 Expected sections.selection.text says "testbed", not "pilot" (write "testbed", not "pilot") | Replace "pilot" with "testbed"',
      '15:69 Expected sections.selection.text says "testbed", not "pilot" (write "Testbed", not "Pilot") | Replace "Pilot" with "Testbed"',
    ]);
    const fixed = applyFixes(MD, found).text;
    expect(fixed).toBe(
      MD.replace('run the pilot', 'run the testbed').replace('the Pilot starts', 'the Testbed starts'),
    );
    expect(teamProblems(fixed, team)).toEqual([]);
  });
});

describe('team rules: the page generated from the definition', () => {
  it('says what it checks, its message, its severity, its fix and its team page', () => {
    expect(
      teamRulePage({
        id: 'say-testbed',
        message: 'Say testbed, not pilot',
        given: 'sections.selection.text',
        then: { substitution: [['pilot', 'testbed']], 'min-words': 30 },
        link: 'https://intranet.example/words',
      }),
    ).toBe(
      [
        '# team/say-testbed',
        '',
        "> Team rule from the config file's `team-rules:`. Default severity: warning; set it in `rules:`.",
        '',
        'Say testbed, not pilot',
        '',
        '## What it checks',
        '',
        'Path: `sections.selection.text`.',
        '',
        '- `min-words`: sections.selection.text has at least 30 words.',
        '- `substitution`: sections.selection.text says "testbed", not "pilot".',
        '',
        'A path that gives no value is not a finding, except for `present` and `min-count`.',
        '',
        '## Fix',
        '',
        'Each word found is replaced by the preferred word, in its case.',
        '',
        '## Team page',
        '',
        '[https://intranet.example/words](https://intranet.example/words)',
        '',
      ].join('\n'),
    );
  });
});

describe('team rules: paths', () => {
  it("are derived from the schema: the issue's paths and every field by its YAML key", () => {
    const paths = TEAM_PATHS.map((p) => p.path);
    for (const p of [
      'title',
      'status',
      'customer.name',
      'customer.champion',
      'counterparts[*].department',
      'counterparts[*].benefit',
      'iterations[*].change',
      'iterations[*].feedback',
      'metrics[*].name',
      'journey[*].moment',
      'sections.selection.text',
      'sections.scale-up.text',
      'owner-department',
      'customer.new-processes',
      'metrics[*].perspective',
      'aims',
    ])
      expect(paths).toContain(p);
  });
});

describe('team rules: mistakes are located config errors', () => {
  const problems = (text: string) =>
    parseConfigText(text, rules).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

  it('an unknown path (with did-you-mean), an unknown check, an invalid pattern, a duplicate id', () => {
    const text = [
      'rules:',
      '  customer-named: error',
      'team-rules:',
      '  - id: a',
      '    given: counterparts[*].benefits',
      '    then: { pattern: "[0-9]" }',
      '  - id: b',
      '    given: title',
      '    then: { patern: "x" }',
      '  - id: c',
      '    given: title',
      '    then: { not-pattern: "(a" }',
      '  - id: c',
      '    given: title',
      '    then: { present: true }',
      '  - id: d',
      '    given: owner',
      '    then: { present: true }',
      '',
    ].join('\n');
    const r = parseConfigText(text, rules);
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message} ${JSON.stringify(p.replacements ?? [])}`)).toEqual(
      [
        '5:12 team rule "a": unknown path "counterparts[*].benefits"; did you mean "counterparts[*].benefit"? ["counterparts[*].benefit"]',
        '9:13 team rule "b": unknown check "patern"; did you mean "pattern"? ["pattern"]',
        '12:26 team rule "c": invalid pattern "(a": error parsing regexp: missing closing ): `(a` []',
        '13:9 team rule "c" is defined twice; each id must be unique []',
      ],
    );
    // The rest keeps checking: the valid team rule and the other settings.
    expect(r.data.teamRules.map((d) => d.id)).toEqual(['d']);
    expect(r.data.rules).toEqual({ 'customer-named': 'error' });
  });

  it('wrong types, unknown keys, bad ids, and a team rule set in rules: but defined nowhere', () => {
    expect(
      problems(
        [
          'team-rules:',
          '  - id: Benefit_Number',
          '    given: title',
          '    then: { min-words: -1, enum: "a", before: owner, present: yes }',
          '    severity: error',
          '  - given: review',
          '    then: { after: statr, substitution: { pilot: 3 } }',
          '  - just text',
          'rules:',
          '  team/d: [warning, { x: 1 }]',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      '5:5 team rule "Benefit_Number" has no key "severity" (keys: id, message, given, then, link)',
      '2:9 team rule id "Benefit_Number" must be kebab-case (lower-case letters, digits and single hyphens)',
      '4:24 team rule "Benefit_Number": "min-words" must be a whole number, 0 or more',
      '4:34 team rule "Benefit_Number": "enum" must be a list of text values (at most 500)',
      '4:47 team rule "Benefit_Number": "before" compares dates, and "title" is not a date',
      '4:63 team rule "Benefit_Number": "present" must be true',
      '6:5 team rule needs an "id" (kebab-case text; reported as team/<id>)',
      '7:20 team rule: "after" takes the path of one date (start, review); did you mean "start"?',
      '7:41 team rule: "substitution" must be a mapping from a word to the preferred word (say: { pilot: testbed })',
      '8:5 a team rule must be a mapping with id, given and then',
      '10:23 rule "team/d" has no option "x" (it takes no options)',
    ]);
  });

  it('hostile input: too many rules, a long pattern, an alias bomb are config errors, not a hang', () => {
    const many = `team-rules:\n${'  - { id: a, given: title, then: { present: true } }\n'.repeat(501)}`;
    expect(problems(many)).toEqual(['2:3 "team-rules" has 501 rules, more than the 500 read']);
    expect(problems(`team-rules:\n  - { id: a, given: title, then: { pattern: "${'a'.repeat(1001)}" } }\n`)).toEqual([
      '2:45 team rule "a": "pattern" must be a regular expression (RE2 syntax, at most 1000 characters)',
    ]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++)
      bomb.push(
        `${'bcdefg'[i]}: &${'bcdefg'[i]} [*${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}, *${'abcdef'[i]}]`,
      );
    const r = problems(
      `x-anchors:\n${bomb.map((l) => `  ${l}`).join('\n')}\nteam-rules:\n  - { id: a, given: title, then: { enum: *g } }\n`,
    );
    expect(r.some((p) => /"team-rules" cannot be read \(Excessive alias count/.test(p))).toBe(true);
  });

  it('a config given in code says the same in sentences, and keeps the valid rules', () => {
    const r = checkLintConfig(
      {
        teamRules: [BENEFIT, { id: 'x', given: 'nope', then: {} }] as LintConfig['teamRules'],
        rules: { 'team/benefit-has-number': 'error', 'team/y': 'off' },
      },
      rules,
    );
    expect(r.problems).toEqual([
      'team-rules[1].given: team rule "x": unknown path "nope"',
      'team-rules[1].then: team rule "x" needs "then": a mapping of checks (present, pattern, not-pattern, enum, min-words, max-words, min-count, max-count, before, after, existence, substitution)',
      'unknown rule "team/y"',
    ]);
    expect(r.config.teamRules?.map((d) => d.id)).toEqual(['benefit-has-number']);
    expect(r.config.rules).toEqual({ 'team/benefit-has-number': 'error' });
  });
});
