// iteration-depth: a long-running, scaling or closed plan records at least one second- or third-order change.
import { formatDay } from '../../core/dates.js';
import { effectiveStatus, isLive } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-depth',
    description:
      'requires a long-running, scaling or closed plan to record at least one second- or third-order change prompted by the customer.',
    category: 'iterations',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      longRunning:
        'The testbed has run {{days}} days since {{start}}, yet the log records no second- or third-order change prompted by the customer{{note}}; log the deeper changes the customer\'s experience has led to, with order "second" or "third".',
      status:
        'The plan is {{status}}, yet the log records no second- or third-order change prompted by the customer{{note}}; log the deeper changes the customer\'s experience led to, with order "second" or "third".',
    },
    options: {
      'min-days': {
        type: 'integer',
        minimum: 0,
        default: 180,
        description: 'Days from `start` to today after which a live plan must show a second- or third-order change.',
      },
    },
  },
  check(ctx) {
    const plan = ctx.plan;
    const status = effectiveStatus(plan);
    const startDay = plan.start?.day;
    const days = startDay === undefined ? undefined : ctx.today - startDay;
    const longRunning = isLive(plan) && days !== undefined && days >= ctx.options['min-days'];
    const late = status === 'scaling' || status === 'closed';
    if (!longRunning && !late) return;
    // Markdown reads order words in lower case; YAML keeps them as written (a `Second` is also reported by plan-schema).
    const deeper = (plan.iterations?.entries ?? []).filter((e) => {
      const o = e.order?.value.trim().toLowerCase();
      return o === 'second' || o === 'third';
    });
    // Why: only changes "reflective of customers' real-time experiences" count: source customer (or unstated) and real feedback.
    const why = deeper.map((e) => {
      const internal = e.source !== undefined && e.source.value.trim().toLowerCase() !== 'customer';
      const noFeedback = !e.feedback || ctx.isPlaceholder(e.feedback.value);
      return internal && noFeedback
        ? 'is internal and records no feedback'
        : internal
          ? 'is internal'
          : noFeedback
            ? 'records no customer feedback'
            : '';
    });
    if (why.includes('')) return;
    const first = deeper[0];
    const note = first
      ? ` (the ${first.order!.value.trim().toLowerCase()}-order entry${first.date ? ` of ${first.date.value.trim()}` : ''} ${why[0]!}${deeper.length > 1 ? `, and ${deeper.length - 1} more like it` : ''})`
      : '';
    const at = plan.iterations?.anchor ?? plan.titleAnchor;
    if (late) {
      ctx.report({ messageId: 'status', data: { status, note }, at });
    } else {
      ctx.report({ messageId: 'longRunning', data: { days: days!, start: formatDay(startDay!), note }, at });
    }
  },
});
