// review-horizon: the planned review leaves time for second-order change, and a running plan's review is not overdue.
import { formatDay } from '../../core/dates.js';
import { effectiveStatus } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'review-horizon',
    description:
      'warns when the review is planned less than `min-days` after the start, and notes a running plan whose review date has passed.',
    category: 'iterations',
    defaultSeverity: 'warning',
    severityNote: 'info for an overdue review',
    fixable: 'none',
    presets: { strict: 'warning' },
    messages: {
      tooShort:
        'The review on {{review}} comes {{days}} days after the start ({{start}}), too soon to see second-order change; plan it at least {{min}} days out, since the most important findings usually come after a year or so.',
      beforeStart:
        'The review on {{review}} is before the start ({{start}}); check both dates, and plan the review a year or so after the start.',
      overdue:
        'The review planned for {{review}} is overdue ({{days}} days ago); hold it and record what the testbed has taught so far, or move the date if the testbed needs longer.',
    },
    options: {
      'min-days': {
        type: 'integer',
        minimum: 1,
        default: 180,
        description: 'The fewest days between `start` and `review`.',
      },
    },
  },
  check(ctx) {
    const { start, review } = ctx.plan;
    // Silent without both dates: a missing or invalid date is plan-schema's, and a plan may not have planned its review yet.
    if (start?.day === undefined || review?.day === undefined) return;
    const days = review.day - start.day;
    const data = { review: formatDay(review.day), start: formatDay(start.day) };
    if (days < 0) {
      ctx.report({ messageId: 'beforeStart', data, at: review.span });
      return;
    }
    if (days < ctx.options['min-days'])
      ctx.report({ messageId: 'tooShort', data: { ...data, days, min: ctx.options['min-days'] }, at: review.span });
    if (effectiveStatus(ctx.plan) === 'running' && review.day < ctx.today) {
      ctx.report({
        messageId: 'overdue',
        data: { review: data.review, days: ctx.today - review.day },
        at: review.span,
        severity: 'info',
      });
    }
  },
});
