// The plan summary (status bar, plans view, report) for a plan linted with every rule: the core's pure summary,
// given what it needs from the rule registry and the plan's config.
import { resolveRules, type LintConfig } from '../core/config.js';
import { resolveToday } from '../core/dates.js';
import { financeMatcher, ownDepartmentMatcher } from '../core/departments.js';
import type { PlanDocument } from '../core/document.js';
import { pointOfCategory, summarize, type PlanSummary, type Point } from '../core/summary.js';
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
 * Summarises a linted plan (`lintDetailed` gives the document and problems); `today` as YYYY-MM-DD, default the
 * local clock. `config` is the plan's lint config (as given to `lint`), so the summary judges with the same rule
 * options as the diagnostics (which departments count as finance, which as the owner's own).
 */
export function summarizePlan(
  doc: PlanDocument,
  problems: readonly Problem[],
  todayIso?: string,
  config?: LintConfig,
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
  });
}

/**
 * What a plan's lint config says that the section summaries and guidance use (hover, the plans view): the names that
 * count as finance, which are counterpart-finance's option `departments` (the rule's default list when not set).
 */
export function guidanceOptionsFor(config: LintConfig | undefined): GuidanceOptions {
  const names = resolveRules(rules, config).get('counterpart-finance')?.options.departments;
  return Array.isArray(names) ? { financeDepartments: names as string[] } : {};
}
