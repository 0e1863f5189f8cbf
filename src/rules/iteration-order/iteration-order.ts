// iteration-order: iteration entries run in one chronological direction, all oldest first or all newest first.
import type { DateField } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-order',
    description: 'requires iteration entries in one chronological direction, all oldest first or all newest first.',
    category: 'iterations',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      outOfOrder:
        'The entry dated {{date}} comes after one dated {{previous}}, but the log runs {{direction}}; move it so the whole log runs {{direction}}.',
    },
  },
  check(ctx) {
    // Entries without a valid date are left to iteration-dated.
    const dated = (ctx.plan.iterations?.entries ?? [])
      .map((e) => e.date)
      .filter((d): d is DateField & { day: number } => d?.day !== undefined);
    const first = dated[0];
    const second = dated.find((d) => d.day !== first?.day);
    if (!first || !second) return;
    // The direction is the one the first two distinct dates set; equal dates are fine either way.
    const ascending = second.day > first.day;
    for (let i = 1; i < dated.length; i++) {
      const prev = dated[i - 1]!;
      const cur = dated[i]!;
      if (ascending ? cur.day < prev.day : cur.day > prev.day) {
        ctx.report({
          messageId: 'outOfOrder',
          data: {
            date: cur.value.trim(),
            previous: prev.value.trim(),
            direction: ascending ? 'oldest first' : 'newest first',
          },
          at: cur.span,
          related: [{ at: prev.span, message: 'The entry before it.' }],
        });
        // One problem per plan: after the first break, the rest of the order is ambiguous.
        return;
      }
    }
  },
});
