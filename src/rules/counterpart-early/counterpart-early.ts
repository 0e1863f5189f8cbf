// counterpart-early: warns when a counterpart joined later than `start` plus `grace-days`.
import { formatDay } from '../../core/dates.js';
import { defineRule } from '../../core/rule-api.js';
import { rowTableHas } from '../../core/edits.js';
import { effectiveStatus, isLive, type Counterpart, type ListSection, type PlanForm } from '../../core/model.js';

/** Where a join date goes, in the words of the entry's own style. */
function whereDate(form: PlanForm, section: ListSection<Counterpart>, c: Counterpart): string {
  if (form === 'yaml') return 'as `since:`';
  if (section.style !== 'table') return 'as "since YYYY-MM-DD" after the contact';
  return rowTableHas(section, c.span, 'since') ? 'in its row' : 'in a Since column';
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

export default defineRule({
  meta: {
    id: 'counterpart-early',
    description: "warns when a counterpart joined later than the plan's `start` plus `grace-days`.",
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      late: 'The counterpart for {{department}} joined on {{since}}, {{after}} after the plan started; involve each department from the start (by {{latest}}), so it can shape the testbed.',
      lateUnnamed:
        'A counterpart joined on {{since}}, {{after}} after the plan started; involve each department from the start (by {{latest}}), so it can shape the testbed.',
      noDate:
        "The plan does not say when {{department}} joined; add its join date {{where}}, since a department that joins late never shapes the testbed and may stop it, as finance stopped a phone company's broadband testbed.",
    },
    options: {
      'grace-days': {
        type: 'integer',
        minimum: 0,
        default: 14,
        description: 'Days after `start` within which a counterpart still counts as involved from the start.',
      },
    },
  },
  check(ctx) {
    // Why: a draft is still being written; from `proposed` on, every counterpart needs a join date to be judged.
    if (effectiveStatus(ctx.plan) === 'proposed' || isLive(ctx.plan)) {
      for (const c of ctx.plan.counterparts?.entries ?? []) {
        if (c.since && c.since.value.trim() !== '' && !ctx.isPlaceholder(c.since.value)) continue;
        const d = c.department?.value.trim();
        ctx.report({
          messageId: 'noDate',
          data: {
            department: d && !ctx.isPlaceholder(d) ? d : 'this counterpart',
            where: whereDate(ctx.doc.form, ctx.plan.counterparts!, c),
          },
          at: c.since?.span ?? c.anchor,
        });
      }
    }
    const start = ctx.plan.start;
    // Why: a missing start leaves nothing to compare with; an invalid date is plan-schema's to report.
    if (start?.day === undefined) return;
    const latest = start.day + ctx.options['grace-days'];
    for (const c of ctx.plan.counterparts?.entries ?? []) {
      const since = c.since;
      if (since?.day === undefined || since.day <= latest) continue;
      const common = {
        since: since.value.trim(),
        after: days(since.day - start.day),
        latest: formatDay(latest),
      };
      const related = [{ at: start.span, message: 'The plan starts here' }];
      const d = c.department?.value.trim();
      if (d && !ctx.isPlaceholder(d))
        ctx.report({ messageId: 'late', data: { ...common, department: d }, at: since.span, related });
      else ctx.report({ messageId: 'lateUnnamed', data: common, at: since.span, related });
    }
  },
});
