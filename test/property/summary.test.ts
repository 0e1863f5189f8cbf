// The three points worked out once (spec v2.1; src/core/summary.ts threePoints): over the examples, the realistic
// fixtures and a seeded sample of the corpus, the summary's verdict agrees with the run's findings, and the hover's
// section summary counts the departments counterparts-cross-functional counts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDetailed, pointOf, pointsOf, sectionSummary, summarizePlan, worse } from '../../src/api/index.js';
import type { PointState } from '../../src/api/index.js';
import { FIXED_SEED } from './arbitraries.js';

const ROOT = join(__dirname, '../..');
const TODAY = '2026-12-07';
const SAMPLE = Number(process.env.SUMMARY_SAMPLE ?? 150);

const files = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(md|ya?ml)$/.test(f))
        .sort()
        .map((f) => join(dir, f))
    : [];

/** Every `step`-th corpus plan from a seeded offset: a fixed sample, the same on every run. */
function sample(names: readonly string[], n: number): string[] {
  if (names.length <= n) return [...names];
  const step = Math.floor(names.length / n);
  return names.filter((_, i) => i % step === FIXED_SEED % step).slice(0, n);
}

const PLANS = [
  ...files(join(ROOT, 'examples')),
  ...files(join(ROOT, 'test/fixtures/realistic')),
  ...sample(files(join(ROOT, 'bench/corpus/md')), SAMPLE / 2),
  ...sample(files(join(ROOT, 'bench/corpus/yaml')), SAMPLE / 2),
];

describe('the three points, worked out once', () => {
  it(`agree with the findings on ${PLANS.length} plans: states, counts, departments and the hover`, () => {
    for (const path of PLANS) {
      const text = readFileSync(path, 'utf8');
      const { document, problems } = lintDetailed(text, { filePath: path, today: TODAY });
      const s = summarizePlan(document, problems, TODAY);
      const name = path.slice(ROOT.length + 1);
      // Each point's state is the worst severity of its rules' findings; the other rules' findings make `other`.
      for (const point of ['customer', 'iterations', 'counterparts'] as const)
        expect(s.points[point], `${name}: ${point}`).toBe(
          problems
            .filter((p) => pointOf(p.ruleId) === point)
            .reduce<PointState>((a, p) => worse(a, p.severity), 'pass'),
        );
      expect(s.other, name).toBe(
        problems.filter((p) => !pointOf(p.ruleId)).reduce<PointState>((a, p) => worse(a, p.severity), 'pass'),
      );
      expect(s.problems, name).toEqual({
        error: problems.filter((p) => p.severity === 'error').length,
        warning: problems.filter((p) => p.severity === 'warning').length,
        info: problems.filter((p) => p.severity === 'info').length,
      });
      // The status bar's reckoning is the same function.
      const reckoned = pointsOf(problems);
      expect(reckoned.points.counterparts.state, name).toBe(s.points.counterparts);
      // Departments: the summary counts what counterparts-cross-functional counts, and the hover says the same.
      const tooFew = problems.some((p) => p.ruleId === 'counterparts-cross-functional' && p.messageId === 'tooFew');
      if (s.counterparts.count > 0)
        expect(tooFew, `${name}: ${s.counterparts.departments} departments`).toBe(s.counterparts.departments < 3);
      if (document.plan.counterparts)
        expect(sectionSummary(document.plan, 'counterparts'), name).toContain(
          `${s.counterparts.departments} department${s.counterparts.departments === 1 ? '' : 's'} besides`,
        );
    }
  });

  it('counts a config warning: a clean plan checked with a config that has errors does not pass', () => {
    const path = join(ROOT, 'examples/clean.testbed.md');
    const { document, problems } = lintDetailed(readFileSync(path, 'utf8'), { filePath: path, today: TODAY });
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
    const clean = summarizePlan(document, problems, TODAY);
    const warned = summarizePlan(document, problems, TODAY, undefined, 1);
    expect(warned.other).toBe('warning');
    expect(warned.problems.warning).toBe(clean.problems.warning + 1);
    expect(pointsOf(problems, 1).other).toEqual({ state: 'warning', counts: { ...clean.problems, warning: 1 } });
  });

  it('counts no placeholder as a department, in the summary and the hover alike', () => {
    const text = [
      '---',
      'kind: testbed-plan',
      'title: Pilot',
      'owner-department: sales',
      'status: proposed',
      '---',
      '# Pilot',
      '',
      '## Counterparts',
      '',
      '| Department | Contact | Since | Benefit |',
      '|---|---|---|---|',
      '| Inside Sales | Ana | 2026-01-05 | Leads |',
      '| TBD | TBD | 2026-01-05 | TBD |',
      '',
    ].join('\n');
    const { document, problems } = lintDetailed(text, { filePath: 'p.testbed.md', today: TODAY });
    expect(summarizePlan(document, problems, TODAY).counterparts.departments).toBe(0);
    expect(sectionSummary(document.plan, 'counterparts')).toMatch(/^2 counterparts, 0 departments besides sales;/);
    expect(problems.find((p) => p.ruleId === 'counterparts-cross-functional')?.message).toMatch(/no department/);
  });
});
