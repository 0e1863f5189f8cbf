// metric-outside-in: requires at least one metric measured from the customer's perspective.
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'metric-outside-in',
    description: "requires at least one metric measured from the customer's perspective.",
    category: 'beyond',
    defaultSeverity: 'warning',
    fixable: 'none',
    draft: { missing: 'todo', empty: 'todo', allInternal: 'todo' },
    messages: {
      missing: 'The plan has no metrics; add {{where}} with at least one metric of what the customer experiences, with perspective `customer`.',
      empty: 'The metrics section lists no metric; add at least one metric of what the customer experiences, with perspective `customer`.',
      allInternal:
        "None of the metrics is measured from the customer's perspective; add one the customer experiences (such as ward stock-outs), with perspective `customer`.",
    },
  },
  check(ctx) {
    const metrics = ctx.plan.metrics;
    if (!metrics) {
      ctx.report({
        messageId: 'missing',
        data: { where: ctx.doc.form === 'yaml' ? '`metrics:`' : 'a "Metrics" section' },
        at: ctx.plan.titleAnchor,
      });
      return;
    }
    if (metrics.entries.length === 0) {
      ctx.report({ messageId: 'empty', at: metrics.anchor });
      return;
    }
    if (!metrics.entries.some((m) => m.perspective?.value === 'customer')) {
      ctx.report({ messageId: 'allInternal', at: metrics.anchor });
    }
  },
});
