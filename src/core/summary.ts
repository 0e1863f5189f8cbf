// A plan at a glance: the three points' states, iteration dates, counts. For reports, status bars and tree views.
import type { PlanDocument } from './document.js';
import { effectiveStatus, type Status } from './model.js';
import type { RuleCategory } from './rule-api.js';
import { countedDepartments } from './counted-departments.js';
import { isPlaceholder } from './text.js';
import type { Problem, Severity } from './types.js';
import { formatDay } from './dates.js';

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

const CATEGORY_POINT: Readonly<Record<RuleCategory, Point | undefined>> = {
  structure: undefined,
  customer: 'customer',
  iterations: 'iterations',
  counterparts: 'counterparts',
  beyond: undefined,
};

/** Which of the three points the rules of a category serve, if any. */
export function pointOfCategory(category: RuleCategory): Point | undefined {
  return CATEGORY_POINT[category];
}

export type Counts = { error: number; warning: number; info: number };

/** The three points, each with its worst state and its findings' counts, and the other findings: the one reckoning. */
export interface ThreePoints {
  points: Record<Point, { state: PointState; counts: Counts }>;
  other: { state: PointState; counts: Counts };
}

/**
 * The three points worked out once from a run's findings, config warnings included: each finding counts for the point
 * its rule serves (else for the other findings), and each config warning (a plan checked with a config that has
 * errors) is a warning among the other findings, so such a plan never shows as passing. The status bar, the plans
 * view, the hover's summaries, `report` and the Action all read it (through summarize or the api's pointsOf).
 */
export function threePoints(
  problems: readonly Pick<Problem, 'ruleId' | 'severity'>[],
  pointOf: (ruleId: string) => Point | undefined,
  configWarnings = 0,
): ThreePoints {
  const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
  const points: ThreePoints['points'] = {
    customer: { state: 'pass', counts: zero() },
    iterations: { state: 'pass', counts: zero() },
    counterparts: { state: 'pass', counts: zero() },
  };
  const other: ThreePoints['other'] = { state: 'pass', counts: zero() };
  for (const p of problems) {
    const point = pointOf(p.ruleId);
    const at = point ? points[point] : other;
    at.state = worse(at.state, p.severity);
    at.counts[p.severity]++;
  }
  if (configWarnings > 0) {
    other.state = worse(other.state, 'warning');
    other.counts.warning += configWarnings;
  }
  return { points, other };
}

/** What a summary is made of: one plan's lint run, its findings, and the run's own judgments. */
export interface SummaryInput {
  document: PlanDocument;
  /** The run's findings. */
  problems: readonly Problem[];
  /** Today as a day number (days since 1970-01-01). */
  today: number;
  /** The point a finding's rule serves (from the rule's category); undefined for the other rules. */
  pointOf: (ruleId: string) => Point | undefined;
  /** Whether a department is finance, as the run's counterpart-finance judges it (with its configured names). */
  isFinance: (department: string) => boolean;
  /** Whether a department is the owner's own, as the run's counterparts-cross-functional judges it. */
  isOwnDepartment: (department: string, owner: string | undefined) => boolean;
  /** How many warnings the plan's config gave (the editor: a config with errors); default none. */
  configWarnings?: number;
}

/**
 * Summarises a linted plan from its findings and its model. Pure: everything that depends on the rules and their
 * options comes in with the input (src/api/summary.ts puts it together from the registry and the plan's config).
 */
export function summarize(input: SummaryInput): PlanSummary {
  const { document: doc, problems, today } = input;
  const plan = doc.plan;
  const reckoned = threePoints(problems, input.pointOf, input.configWarnings);
  const points: Record<Point, PointState> = {
    customer: reckoned.points.customer.state,
    iterations: reckoned.points.iterations.state,
    counterparts: reckoned.points.counterparts.state,
  };
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const at of [...Object.values(reckoned.points), reckoned.other])
    for (const k of ['error', 'warning', 'info'] as const) counts[k] += at.counts[k];
  const entries = plan.iterations?.entries ?? [];
  const days = entries
    .map((e) => e.date?.day)
    .filter((d): d is number => d !== undefined)
    .sort((a, b) => a - b);
  const past = days.filter((d) => d <= today);
  const last = past[past.length - 1];
  const cps = plan.counterparts?.entries ?? [];
  // Why: the departments counterparts-cross-functional counts, no other (a "TBD" department is none).
  const depts = countedDepartments(plan, input.isOwnDepartment, isPlaceholder).others;
  const ms = plan.metrics?.entries ?? [];
  return {
    title: plan.title?.value ?? doc.filePath.split(/[\\/]/).pop() ?? doc.filePath,
    status: effectiveStatus(plan),
    points,
    other: reckoned.other.state,
    problems: counts,
    ...(plan.start?.day !== undefined ? { start: formatDay(plan.start.day) } : {}),
    iterations: {
      count: entries.length,
      dates: days.map(formatDay),
      ...(last !== undefined ? { last: formatDay(last), daysSinceLast: today - last } : {}),
      deeper: entries.filter((e) => e.order?.value === 'second' || e.order?.value === 'third').length,
    },
    counterparts: {
      count: cps.length,
      departments: depts.length,
      finance: cps.some((c) => input.isFinance(c.department?.value ?? '')),
    },
    metrics: { count: ms.length, customer: ms.filter((m) => m.perspective?.value === 'customer').length },
  };
}
