// metric-outside-in: requires at least one metric measured from the customer's perspective, not an internal measure labelled customer.
import { INTERNAL_MEASURES_BY_LANG } from '../../core/words-lang.js';
import { INTERNAL_MEASURES, internalMeasureMatcher } from '../../core/measures.js';
import type { Metric } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'metric-outside-in',
    description: "requires at least one metric measured from the customer's perspective.",
    category: 'beyond',
    defaultSeverity: 'warning',
    fixable: 'none',
    draft: {
      missing: 'todo',
      empty: 'todo',
      allInternal: 'todo',
      internalMeasure: 'keep',
      noPerspective: 'todo',
      unread: 'todo',
    },
    messages: {
      missing:
        'The plan has no metrics; add {{where}} with at least one metric of what the customer experiences, with perspective `customer`.',
      empty:
        'The metrics section lists no metric; add at least one metric of what the customer experiences, with perspective `customer`.',
      unread:
        'No metric could be read from the metrics section; write each metric as a row of a Metric | Perspective | Aggregate table, or as a bullet such as "- Orders that arrived late (customer, worst)", and measure at least one thing the customer experiences.',
      allInternal:
        "None of the metrics is measured from the customer's perspective; add one the customer experiences (such as orders that arrive late or incomplete, or the longest wait for an answer), with perspective `customer`.",
      internalMeasure:
        '"{{name}}" is how we measure ourselves, not what the customer experiences, so the plan has no metric from the customer\'s perspective; add one the customer feels (such as {{example}}), with perspective `customer`.',
      noPerspective:
        'No metric says whose perspective it takes; {{how}}, and measure at least one thing the customer experiences.',
    },
    options: {
      'internal-measures': {
        type: 'string[]',
        default: INTERNAL_MEASURES,
        languages: INTERNAL_MEASURES_BY_LANG,
        description:
          'Internal operating measures: a metric whose name holds one (as whole words; `n` stands for any number) counts as internal even when labelled customer.',
      },
    },
  },
  prepare: (options) => internalMeasureMatcher(options['internal-measures']),
  check(ctx, internalMeasureIn) {
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
      ctx.report({ messageId: metrics.unread ? 'unread' : 'empty', at: metrics.anchor });
      return;
    }
    const labelled = metrics.entries.filter((m) => m.perspective?.value.trim().toLowerCase() === 'customer');
    const measure = (m: Metric) => (m.name ? internalMeasureIn(m.name.value) : undefined);
    if (labelled.some((m) => measure(m) === undefined)) return;
    const mislabelled = labelled[0];
    if (mislabelled) {
      const name = mislabelled.name!.value.trim();
      ctx.report({
        messageId: 'internalMeasure',
        data: { name, example: exampleFor(measure(mislabelled)!) },
        at: mislabelled.perspective!.span,
      });
      return;
    }
    // Why: a metric nobody labelled is not known to be internal; asking for the label is the honest message.
    if (metrics.entries.some((m) => m.perspective === undefined)) {
      const yaml = ctx.doc.form === 'yaml';
      const how = yaml
        ? 'add `perspective: customer` or `perspective: internal` to each metric'
        : metrics.style === 'table'
          ? 'say whose perspective each metric takes: add a Perspective column with customer or internal'
          : 'say whose perspective each metric takes, such as "(customer, worst)" after its name';
      ctx.report({ messageId: 'noPerspective', data: { how }, at: metrics.anchor });
      return;
    }
    ctx.report({ messageId: 'allInternal', at: metrics.anchor });
  },
});

/** What the customer feels, in place of an internal measure: neutral across industries. */
function exampleFor(measure: string): string {
  if (/answer|handle|call|ticket/i.test(measure))
    return 'the longest a caller waited, or problems solved on the first contact';
  if (/fill|ship|dock/i.test(measure)) return 'orders that arrived late or incomplete at the customer';
  return 'how long the customer waited at worst';
}
