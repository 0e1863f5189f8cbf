// The rule registry: every rule, sorted by id, and the version-pinned docs URL of each.
// Retired ids (never reuse): none yet.
import type { Rule } from '../core/rule-api.js';
import { DOCS_BASE } from '../core/version.js';
import aimsStated from './aims-stated/aims-stated.js';
import counterpartBackEnd from './counterpart-back-end/counterpart-back-end.js';
import counterpartBenefit from './counterpart-benefit/counterpart-benefit.js';
import counterpartEarly from './counterpart-early/counterpart-early.js';
import counterpartFinance from './counterpart-finance/counterpart-finance.js';
import counterpartsCrossFunctional from './counterparts-cross-functional/counterparts-cross-functional.js';
import counterpartsListed from './counterparts-listed/counterparts-listed.js';
import customerConditions from './customer-conditions/customer-conditions.js';
import customerNamed from './customer-named/customer-named.js';
import customerNotPremier from './customer-not-premier/customer-not-premier.js';
import customerRationale from './customer-rationale/customer-rationale.js';
import feedbackQualitative from './feedback-qualitative/feedback-qualitative.js';
import iterationChange from './iteration-change/iteration-change.js';
import iterationDated from './iteration-dated/iteration-dated.js';
import iterationDepth from './iteration-depth/iteration-depth.js';
import iterationFeedback from './iteration-feedback/iteration-feedback.js';
import iterationFrontLineOnly from './iteration-front-line-only/iteration-front-line-only.js';
import iterationLog from './iteration-log/iteration-log.js';
import iterationOrder from './iteration-order/iteration-order.js';
import iterationStale from './iteration-stale/iteration-stale.js';
import journeyMoments from './journey-moments/journey-moments.js';
import metricOutsideIn from './metric-outside-in/metric-outside-in.js';
import metricWorstCase from './metric-worst-case/metric-worst-case.js';
import planSchema from './plan-schema/plan-schema.js';
import planSyntax from './plan-syntax/plan-syntax.js';
import planUnknownKey from './plan-unknown-key/plan-unknown-key.js';
import reviewHorizon from './review-horizon/review-horizon.js';
import scaleUpPlan from './scale-up-plan/scale-up-plan.js';

export const rules: readonly Rule[] = [
  aimsStated,
  counterpartBackEnd,
  counterpartBenefit,
  counterpartEarly,
  counterpartFinance,
  counterpartsCrossFunctional,
  counterpartsListed,
  customerConditions,
  customerNamed,
  customerNotPremier,
  customerRationale,
  feedbackQualitative,
  iterationChange,
  iterationDated,
  iterationDepth,
  iterationFeedback,
  iterationFrontLineOnly,
  iterationLog,
  iterationOrder,
  iterationStale,
  journeyMoments,
  metricOutsideIn,
  metricWorstCase,
  planSchema,
  planSyntax,
  planUnknownKey,
  reviewHorizon,
  scaleUpPlan,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

/** The rule's doc page, pinned to this release. */
export function docsUrlFor(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}/${ruleId}.md`;
}

/** The rule with this id, if any. */
export function getRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
