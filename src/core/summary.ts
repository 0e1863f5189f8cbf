// A plan at a glance: the three points' states, iteration dates, counts. For reports, status bars and tree views.
import type { PlanDocument } from './document.js';
import { effectiveStatus, type Status } from './model.js';
import { rules } from '../rules/index.js';
import { isFinanceDepartment, isOwnDepartment } from './departments.js';
import { normaliseName } from './text.js';
import type { Problem, Severity } from './types.js';
import { resolveRules, type LintConfig } from './config.js';
import { formatDay, resolveToday } from './dates.js';
import type { GuidanceOptions } from './guidance.js';

export type PointState = 'pass' | Severity;
export type Point = 'customer' | 'iterations' | 'counterparts';

export const POINTS: readonly { point: Point; label: string }[] = [
  { point: 'customer', label: 'Choose the customer carefully' },
  { point: 'iterations', label: 'Make changes as you go' },
  { point: 'counterparts', label: 'Involve counterparts early' },
];

export interface PlanSummary {
  title: string;
  status: Status;
  /** Each point's worst finding: `pass` when its rules found nothing. */
  points: Record<Point, PointState>;
  /** The worst finding of the other rules (structure, metrics, aims, scale-up). */
  other: PointState;
  problems: { error: number; warning: number; info: number };
  start?: string;
  iterations: {
    count: number;
    /** Valid entry dates, oldest first. */
    dates: string[];
    last?: string;
    /** Days from the newest valid entry (not in the future) to today. */
    daysSinceLast?: number;
    deeper: number;
  };
  counterparts: { count: number; departments: number; finance: boolean };
  metrics: { count: number; customer: number };
}

const RANK: Record<PointState, number> = { pass: 0, info: 1, warning: 2, error: 3 };

/** The worse of two states. */
export function worse(a: PointState, b: PointState): PointState {
  return RANK[b] > RANK[a] ? b : a;
}

const CATEGORY_POINT: Record<string, Point | undefined> = { customer: 'customer', iterations: 'iterations', counterparts: 'counterparts' };
const pointOfRule = new Map(rules.map((r) => [r.meta.id, CATEGORY_POINT[r.meta.category]] as const));

/** Which of the three points a rule serves, if any. */
export function pointOf(ruleId: string): Point | undefined {
  return pointOfRule.get(ruleId);
}

/**
 * What a plan's lint config says that the section summaries and guidance use (hover, the plans view): the names that
 * count as finance, which are counterpart-finance's option `departments` (the rule's default list when not set).
 */
export function guidanceOptionsFor(config: LintConfig | undefined): GuidanceOptions {
  const names = resolveRules(rules, config).get('counterpart-finance')?.options.departments;
  return Array.isArray(names) ? { financeDepartments: names as string[] } : {};
}

/**
 * Summarises a linted plan (`lintDetailed` gives the document and problems); `today` as YYYY-MM-DD, default the
 * local clock. `config` is the plan's lint config (as given to `lint`), so the summary judges with the same rule
 * options as the diagnostics (which departments count as finance).
 */
export function summarizePlan(doc: PlanDocument, problems: readonly Problem[], todayIso?: string, config?: LintConfig): PlanSummary {
  const today = resolveToday(todayIso);
  const resolved = resolveRules(rules, config);
  const finance = (resolved.get('counterpart-finance')?.options.departments ?? []) as readonly string[];
  const sameDepartment = (resolved.get('counterparts-cross-functional')?.options['same-department'] ?? []) as readonly string[];
  const plan = doc.plan;
  const points: Record<Point, PointState> = { customer: 'pass', iterations: 'pass', counterparts: 'pass' };
  let other: PointState = 'pass';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) {
    counts[p.severity]++;
    const point = pointOf(p.ruleId);
    if (point) points[point] = worse(points[point], p.severity);
    else other = worse(other, p.severity);
  }
  const entries = plan.iterations?.entries ?? [];
  const days = entries.map((e) => e.date?.day).filter((d): d is number => d !== undefined).sort((a, b) => a - b);
  const past = days.filter((d) => d <= today);
  const last = past[past.length - 1];
  const owner = plan.ownerDepartment?.value;
  const cps = plan.counterparts?.entries ?? [];
  const depts = new Set(cps.map((c) => c.department?.value ?? '').filter((d) => normaliseName(d) !== '' && !isOwnDepartment(d, owner, sameDepartment)).map(normaliseName));
  const ms = plan.metrics?.entries ?? [];
  return {
    title: plan.title?.value ?? doc.filePath.split(/[\\/]/).pop() ?? doc.filePath,
    status: effectiveStatus(plan),
    points,
    other,
    problems: counts,
    ...(plan.start?.day !== undefined ? { start: formatDay(plan.start.day) } : {}),
    iterations: {
      count: entries.length,
      dates: days.map(formatDay),
      ...(last !== undefined ? { last: formatDay(last), daysSinceLast: today - last } : {}),
      deeper: entries.filter((e) => e.order?.value === 'second' || e.order?.value === 'third').length,
    },
    counterparts: { count: cps.length, departments: depts.size, finance: cps.some((c) => isFinanceDepartment(c.department?.value ?? '', finance)) },
    metrics: { count: ms.length, customer: ms.filter((m) => m.perspective?.value === 'customer').length },
  };
}
