import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINANCE_DEPARTMENTS, guidanceOptionsFor, lintDetailed, pointOf, summarizePlan } from '../../src/api/index.js';

const EX = join(__dirname, '../../examples');
const TODAY = '2026-11-23';
const summary = (f: string) => {
  const r = lintDetailed(readFileSync(join(EX, f), 'utf8'), { filePath: f, today: TODAY });
  return summarizePlan(r.document, r.problems, TODAY);
};

describe('plan summaries', () => {
  it("give the editor's guidance the finance names counterpart-finance is linted with (its default list when not set)", () => {
    expect(guidanceOptionsFor(undefined)).toEqual({ financeDepartments: [...FINANCE_DEPARTMENTS], sameDepartment: [] });
    expect(
      guidanceOptionsFor({ rules: { 'counterpart-finance': ['warning', { departments: ['Treasury'] }] } }),
    ).toEqual({ financeDepartments: ['Treasury'], sameDepartment: [] });
  });

  it("judge with the plan's configured rule options, so they agree with the diagnostics", () => {
    const text = readFileSync(join(EX, 'clean.testbed.md'), 'utf8');
    const config = {
      rules: {
        'counterpart-finance': ['warning', { departments: ['treasury'] }] as ['warning', { departments: string[] }],
      },
    };
    const r = lintDetailed(text, { filePath: 'clean.testbed.md', today: TODAY, config });
    expect(r.problems.map((p) => p.ruleId)).toContain('counterpart-finance');
    expect(summarizePlan(r.document, r.problems, TODAY, config).counterparts.finance).toBe(false);
    expect(summarizePlan(r.document, r.problems, TODAY).counterparts.finance).toBe(true);
  });

  it('map rules to the three points by their category', () => {
    expect([
      pointOf('customer-named'),
      pointOf('iteration-stale'),
      pointOf('counterpart-early'),
      pointOf('metric-outside-in'),
      pointOf('plan-schema'),
    ]).toEqual(['customer', 'iterations', 'counterparts', undefined, undefined]);
  });

  it('summarise a clean plan', () => {
    expect(summary('clean.testbed.md')).toEqual({
      title: 'Vendor-managed inventory with Northside Community Hospital',
      status: 'scaling',
      points: { customer: 'pass', iterations: 'pass', counterparts: 'pass' },
      other: 'pass',
      problems: { error: 0, warning: 0, info: 0 },
      start: '2025-01-13',
      iterations: {
        count: 3,
        dates: ['2025-02-03', '2025-04-14', '2025-09-22'],
        last: '2025-09-22',
        daysSinceLast: 427,
        deeper: 2,
      },
      counterparts: { count: 4, departments: 4, finance: true },
      metrics: { count: 3, customer: 2 },
    });
  });

  it('summarise a flawed plan the same in both forms', () => {
    const md = summary('flawed.testbed.md');
    expect(md.points).toEqual({ customer: 'error', iterations: 'error', counterparts: 'warning' });
    expect(md.other).toBe('error');
    expect(md.problems).toEqual({ error: 5, warning: 13, info: 2 });
    expect(md.iterations).toMatchObject({ count: 4, last: '2026-03-02', daysSinceLast: 266, deeper: 0 });
    expect(md.counterparts).toEqual({ count: 2, departments: 1, finance: false });
    const { title: _t, ...rest } = summary('flawed.testbed.yaml');
    const { title: _m, ...restMd } = md;
    expect(rest).toEqual(restMd);
  });
});
