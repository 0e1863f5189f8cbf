// metric-worst-case: requires customer-perspective metrics to track the worst experience (worst, p95, max), not only an average.
import { INTERNAL_MEASURES_BY_LANG } from '../../core/words-lang.js';
import { INTERNAL_MEASURES, internalMeasureMatcher } from '../../core/measures.js';
import { defineRule } from '../../core/rule-api.js';
import { WordList } from '../../core/words/index.js';

export default defineRule({
  meta: {
    id: 'metric-worst-case',
    description:
      'requires customer-perspective metrics to track the worst experience (worst, p95, max), not only an average.',
    category: 'beyond',
    defaultSeverity: 'info',
    fixable: 'none',
    messages: {
      notWorst:
        'The customer metric {{name}} is tracked as "{{aggregate}}", which hides the worst experiences; track it as {{allowed}}, since customers judge by their worst experiences.',
      noAggregate:
        'The customer metric {{name}} has no aggregate; track it as {{allowed}}, since customers judge by their worst experiences.',
    },
    options: {
      aggregates: {
        type: 'string[]',
        default: ['worst', 'max', 'p99', 'p95', 'p90'],
        // The enum words of the body are read as these values (`schlechtester` → worst); YAML keeps the spec's words.
        languages: { de: ['maximum'], fr: ['maximum'], es: ['máximo'] },
        description:
          'Aggregates that count as tracking the worst experience (the whole aggregate, case, punctuation and word forms aside).',
      },
      'internal-measures': {
        type: 'string[]',
        default: INTERNAL_MEASURES,
        languages: INTERNAL_MEASURES_BY_LANG,
        description:
          "Internal operating measures, as metric-outside-in's option of the same name: a metric named with one is not the customer's, so it is skipped.",
      },
    },
  },
  prepare: (options) => ({
    internalMeasureIn: internalMeasureMatcher(options['internal-measures']),
    allowed: new WordList(options.aggregates),
  }),
  check(ctx, { internalMeasureIn, allowed }) {
    const metrics = ctx.plan.metrics;
    if (!metrics) return;
    const allowedList = ctx.options.aggregates.map(norm).filter((a) => a !== '');
    // Why: an empty list would flag every customer metric with a message naming nothing to use instead.
    if (allowedList.length === 0) return;
    const allowedText = orList(allowedList.map((a) => `\`${a}\``));
    for (const m of metrics.entries) {
      if (m.perspective?.value !== 'customer') continue;
      // Why: metric-outside-in reports an internal measure labelled customer; its worst case is beside the point.
      if (m.name && internalMeasureIn(m.name.value) !== undefined) continue;
      const name = m.name && m.name.value.trim() ? `"${m.name.value.trim()}"` : 'without a name';
      const agg = m.aggregate;
      if (!agg || norm(agg.value) === '') {
        ctx.report({ messageId: 'noAggregate', data: { name, allowed: allowedText }, at: m.name?.span ?? m.anchor });
      } else if (allowed.whole(allowed.words(agg.value)) === undefined) {
        ctx.report({
          messageId: 'notWorst',
          data: { name, aggregate: agg.value.trim(), allowed: allowedText },
          at: agg.span,
        });
      }
    }
  },
});

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "a", "a or b", "a, b or c". */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}
