// aims-stated: requires at least one aim: customer profitability, business processes or strategic positioning.
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'aims-stated',
    description: 'requires at least one aim: customer profitability, business processes or strategic positioning.',
    category: 'beyond',
    defaultSeverity: 'warning',
    fixable: 'none',
    draft: 'todo',
    messages: {
      missing:
        'The plan names no aim; add `aims:` with what the testbed improves for the customer: customer-profitability, business-processes or strategic-positioning.',
      empty:
        'The `aims` list names no valid aim; list at least one of customer-profitability, business-processes, strategic-positioning.',
    },
  },
  check(ctx) {
    const aims = ctx.plan.aims;
    if (!aims) {
      ctx.report({ messageId: 'missing', at: ctx.plan.titleAnchor });
    } else if (aims.items.length === 0) {
      ctx.report({ messageId: 'empty', at: aims.anchor });
    }
  },
});
