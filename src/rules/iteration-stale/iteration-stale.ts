// iteration-stale: a running plan's newest iteration entry is no older than `max-days`.
import { formatDay } from '../../core/dates.js';
import { effectiveStatus, type DateField } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-stale',
    description: "warns when a running plan's newest iteration entry is older than `max-days`.",
    category: 'iterations',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      stale:
        'The newest iteration entry is from {{date}}, {{days}} days ago; log the changes and customer feedback since then, at least every {{max}} days while the testbed runs.',
    },
    options: {
      'max-days': {
        type: 'integer',
        minimum: 1,
        default: 45,
        description: 'The most days allowed between the newest entry and today.',
      },
    },
  },
  check(ctx) {
    if (effectiveStatus(ctx.plan) !== 'running') return;
    // The newest entry is the latest valid date up to today, wherever it stands in the log. Missing, invalid
    // and future dates are iteration-dated's; a future date must not hide a log that stopped months ago.
    let newest: (DateField & { day: number }) | undefined;
    for (const e of ctx.plan.iterations?.entries ?? []) {
      const d = e.date;
      if (d?.day !== undefined && d.day <= ctx.today && (!newest || d.day > newest.day)) newest = { ...d, day: d.day };
    }
    if (!newest) return;
    const max = ctx.options['max-days'];
    const days = ctx.today - newest.day;
    if (days <= max) return;
    ctx.report({ messageId: 'stale', data: { date: formatDay(newest.day), days, max }, at: newest.span });
  },
});
