// Every rule's word lists read words as people write them (spec v2.1): inflections, plurals, case, diacritics, clauses.
import { describe, expect, it } from 'vitest';
import { lint, rules, type LintConfig } from '../../src/api/index.js';

/** Only `id` on, at its default severity (or `severity`), with `options`. */
const only = (id: string, options?: Record<string, unknown>, severity = 'warning'): LintConfig => ({
  rules: {
    ...Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const])),
    [id]: (options ? [severity, options] : severity) as 'warning',
  },
});

const found = (id: string, yaml: string[], options?: Record<string, unknown>) =>
  lint(['kind: testbed-plan', 'title: Word forms with Harbour Arena', ...yaml].join('\n'), {
    filePath: 'p.testbed.yaml',
    config: only(id, options),
    today: '2026-06-01',
  }).map((p) => `${p.line}:${p.column} ${p.message}`);

const count = (id: string, yaml: string[], options?: Record<string, unknown>) => found(id, yaml, options).length;

describe('metric-outside-in: internal measures in any word form', () => {
  const metric = (name: string) => ['metrics:', `  - name: ${JSON.stringify(name)}`, '    perspective: customer'];
  it.each([
    'Average handling time',
    'Average handled times',
    'AVERAGE-HANDLE-TIME (minutes)',
    'Line fill rates',
    'Calls answered within 20s',
    'Calls answered in 30 secs',
    'Utilisations of the fleet',
    'Fleet utilization',
    'Tickets per agents',
  ])('"%s" labelled customer is an internal measure', (name) => {
    expect(found('metric-outside-in', metric(name))).toEqual([
      expect.stringContaining(`"${name}" is how we measure ourselves`),
    ]);
  });
  it.each([
    'Utility outages the bakery noticed',
    'Time to handle the longest complaint, on average',
    'Orders that arrived incomplete',
    'Fillings that cracked within a year',
  ])('"%s" labelled customer is the customer\'s', (name) => {
    expect(found('metric-outside-in', metric(name))).toEqual([]);
  });
});

describe('metric-worst-case: aggregates as a whole, in any word form', () => {
  const metric = (aggregate: string) => [
    'metrics:',
    '  - name: Ward stock-outs',
    '    perspective: customer',
    `    aggregate: ${JSON.stringify(aggregate)}`,
  ];
  it.each(['Max.', 'P-95', 'WORST', 'p 90'])('"%s" tracks the worst', (a) => {
    expect(count('metric-worst-case', metric(a))).toBe(0);
  });
  it.each(['average', 'worst-case average', 'median'])('"%s" does not', (a) => {
    expect(count('metric-worst-case', metric(a))).toBe(1);
  });
});

describe('counterpart-benefit: generic in every clause, in any word form', () => {
  const benefit = (b: string, department = 'Logistics') => [
    'customer:',
    '  name: Harbour Arena',
    'counterparts:',
    `  - department: ${department}`,
    '    contact: Depot manager',
    `    benefit: ${JSON.stringify(b)}`,
  ];
  it.each([
    'Supports the pilots',
    'Supporting the pilot.',
    'It supports the testbeds',
    'Better alignments',
    'Supports the pilot and helps the venue get going',
    'Helps the customers; good for the company',
    'Helping Harbour Arena grow, which is good for the business',
    'Supports the project and the customer',
  ])('"%s" names no gain for the department', (b) => {
    expect(count('counterpart-benefit', benefit(b))).toBe(1);
  });
  it.each([
    'Supports the pilot and cuts our emergency runs to the arena',
    'Helps the customer read their bill, so we get fewer billing disputes',
    'Helps the venue by giving Logistics matchday volumes',
    'Visibility of stock levels in the depot',
    'Fewer emergency deliveries',
    'Support for the depot rota from the arena',
  ])('"%s" names a gain of the department\'s own', (b) => {
    expect(count('counterpart-benefit', benefit(b))).toBe(0);
  });
});

describe('scale-up-plan: a thing changes when a clause about it names a change that is not negated', () => {
  const scaleUp = (text: string) => ['status: scaling', 'scale-up: |', ...text.split('\n').map((l) => `  ${l}`)];
  const topics = (text: string) =>
    found('scale-up-plan', scaleUp(text))[0]?.replace(/^.*? how (.*?) will change.*$/, '$1');
  it('counts a change in one clause and not the negated clause beside it', () => {
    expect(
      topics(
        'Planning moves to quarterly reviews and compensation stays the same.\nResource allocation: two more planners.',
      ),
    ).toBe('compensation');
  });
  it('carries a negation over a short clause joined to it', () => {
    expect(topics('No change to planning and compensation.\nResource allocation: two more planners.')).toBe(
      'planning and compensation',
    );
  });
  it('reads each topic and each negation in any word form', () => {
    expect(topics('Planned headcounts: unchanged.\nForecasts go monthly. Bonuses reward yard waits avoided.')).toBe(
      'resource allocation',
    );
    expect(
      topics('Forecasting moves monthly. Staffing grows by two drivers. Commissions count yard waits avoided.'),
    ).toBeUndefined();
  });
});

describe('customer-not-premier: premier terms and negations in any word form', () => {
  const tier = (t: string) => ['customer:', '  name: Harbour Arena', `  tier: ${JSON.stringify(t)}`];
  it.each(['Key Accounts', 'Strategic partners', 'Top-10', 'Tier-1', 'Platinum', 'Flagships'])(
    '"%s" is premier',
    (t) => {
      expect(count('customer-not-premier', tier(t))).toBe(1);
    },
  );
  it.each(['Non-strategic', 'Not a key account', 'Formerly platinum', 'Standard', 'Keystone region'])(
    '"%s" is not premier',
    (t) => {
      expect(count('customer-not-premier', tier(t))).toBe(0);
    },
  );
});

describe('customer-conditions: own-side words as role names, plurals folded', () => {
  const champion = (c: string) => [
    'customer:',
    '  name: Harbour Arena',
    '  size: small',
    `  champion: ${JSON.stringify(c)}`,
  ];
  it.each(['Jo Park, one of our account managers', 'Jo Park (Account-Executive)', 'Jo Park, sales reps lead'])(
    '"%s" is ours',
    (c) => {
      expect(count('customer-conditions', champion(c))).toBe(1);
    },
  );
  it.each(['Jo Park, head of account management at the arena', 'Jo Park, the arena operations director'])(
    '"%s" is the customer\'s',
    (c) => {
      expect(count('customer-conditions', champion(c))).toBe(0);
    },
  );
});

describe('departments: names with their plurals, not other words of the same stem', () => {
  const counterparts = (...departments: string[]) => [
    'counterparts:',
    ...departments.flatMap((d) => [`  - department: ${JSON.stringify(d)}`, '    contact: Lead']),
  ];
  it('reads Finances and Group Controlling as finance, not Quality Control or Refinancing', () => {
    expect(count('counterpart-finance', counterparts('Finances'))).toBe(0);
    expect(count('counterpart-finance', counterparts('Group Controlling'))).toBe(0);
    expect(count('counterpart-finance', counterparts('Quality Control', 'Refinancing desk'))).toBe(1);
  });
  it('reads Logistic and IT Operation as back-end, and Sales Operation as front-line', () => {
    expect(count('counterpart-back-end', counterparts('Logistic'))).toBe(0);
    expect(count('counterpart-back-end', counterparts('IT Operation'))).toBe(0);
    expect(found('counterpart-back-end', counterparts('Sales Operation'))).toEqual([
      expect.stringContaining('"Sales Operation" is front-line work'),
    ]);
  });
  it("reads the owner's sub-teams in the plural, and not a market that is not marketing", () => {
    const plan = (...d: string[]) => ['owner-department: Marketing', ...counterparts(...d)];
    expect(found('counterparts-cross-functional', plan('Field Marketings', 'Finance', 'IT'))).toEqual([
      expect.stringContaining('Field Marketings is part of Marketing itself'),
    ]);
    expect(count('counterparts-cross-functional', plan('Market Access', 'Finance', 'IT'))).toBe(0);
  });
});

describe('feedback-qualitative and iteration-front-line-only: their words in any form', () => {
  const entries = (...e: [string, string][]) => [
    'status: running',
    'iterations:',
    ...e.flatMap(([change, feedback], i) => [
      `  - date: 2026-0${i + 1}-02`,
      `    change: ${JSON.stringify(change)}`,
      `    feedback: ${JSON.stringify(feedback)}`,
    ]),
  ];
  it('reads score words stemmed', () => {
    expect(count('feedback-qualitative', entries(['New route', 'Ratings improving: 4.1 from 3.8']))).toBe(1);
    expect(count('feedback-qualitative', entries(['New route', 'Rated 4.1, the van came late again']))).toBe(0);
  });
  it('reads front-line and back-end words stemmed, and training as written', () => {
    const log = (third: string) =>
      entries(['Retraining for counter staff', 'x'], ['Scripted callbacks', 'y'], [third, 'z']);
    const opts = { 'min-entries': 3 };
    expect(count('iteration-front-line-only', log('Huddles with drivers'), opts)).toBe(1);
    expect(count('iteration-front-line-only', log('Huddles on the integrations'), opts)).toBe(0);
    expect(count('iteration-front-line-only', log('Parts travel by train'), opts)).toBe(0);
  });
});
