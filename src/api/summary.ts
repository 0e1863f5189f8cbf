// The plan summary (status bar, plans view, report) for a plan linted with every rule: the core's pure summary,
// given what it needs from the rule registry and the plan's config.
import { resolveRules, type LintConfig } from '../core/config.js';
import { resolveToday } from '../core/dates.js';
import { financeMatcher, ownDepartmentMatcher } from '../core/departments.js';
import type { PlanDocument } from '../core/document.js';
import {
  pointOfCategory,
  summarize,
  threePoints,
  type PlanSummary,
  type Point,
  type ThreePoints,
} from '../core/summary.js';
import type { GuidanceOptions } from '../core/guidance.js';
import type { Problem } from '../core/types.js';
import { rules } from '../rules/index.js';

const POINT_OF_RULE: ReadonlyMap<string, Point | undefined> = new Map(
  rules.map((r) => [r.meta.id, pointOfCategory(r.meta.category)] as const),
);

/** Which of the three points a rule serves, if any (from its category). */
export function pointOf(ruleId: string): Point | undefined {
  return POINT_OF_RULE.get(ruleId);
}

/**
 * The three points of one run's findings, each with its state and counts, and the other findings; `configWarnings`:
 * the warnings of the plan's config (a config with errors), counted among the other findings. The one reckoning that
 * the status bar, the hovers, the plans view (through summarizePlan), `report` and the Action use.
 */
export function pointsOf(problems: readonly Pick<Problem, 'ruleId' | 'severity'>[], configWarnings = 0): ThreePoints {
  return threePoints(problems, pointOf, configWarnings);
}

/**
 * Summarises a linted plan (`lintDetailed` gives the document and problems); `today` as YYYY-MM-DD, default the
 * local clock. `config` is the plan's lint config (as given to `lint`), so the summary judges with the same rule
 * options as the diagnostics (which departments count as finance, which as the owner's own).
 */
export function summarizePlan(
  doc: PlanDocument,
  problems: readonly Problem[],
  todayIso?: string,
  config?: LintConfig,
  configWarnings = 0,
): PlanSummary {
  const resolved = resolveRules(rules, config);
  const names = (id: string, option: string) => (resolved.get(id)?.options[option] ?? []) as readonly string[];
  return summarize({
    document: doc,
    problems,
    today: resolveToday(todayIso),
    pointOf,
    isFinance: financeMatcher(names('counterpart-finance', 'departments')),
    isOwnDepartment: ownDepartmentMatcher(names('counterparts-cross-functional', 'same-department')),
    configWarnings,
  });
}

/**
 * What a plan's lint config says that the section summaries and guidance use (hover, the plans view): the names that
 * count as finance, which are counterpart-finance's option `departments` (the rule's default list when not set), and
 * those that count as the owner's own department, counterparts-cross-functional's option `same-department`.
 */
export function guidanceOptionsFor(config: LintConfig | undefined): GuidanceOptions {
  const resolved = resolveRules(rules, config);
  const names = resolved.get('counterpart-finance')?.options.departments;
  const same = resolved.get('counterparts-cross-functional')?.options['same-department'];
  return {
    ...(Array.isArray(names) ? { financeDepartments: names as string[] } : {}),
    ...(Array.isArray(same) ? { sameDepartment: same as string[] } : {}),
  };
}
