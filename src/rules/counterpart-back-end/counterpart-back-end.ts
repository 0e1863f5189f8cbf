// counterpart-back-end: a back-end function (IT, logistics, supply chain, operations, procurement) is among the counterparts.
import { defineRule } from '../../core/rule-api.js';
import { hasAnyPhrase } from '../../core/text.js';

export default defineRule({
  meta: {
    id: 'counterpart-back-end',
    description: 'asks for a back-end function (IT, logistics, supply chain, operations, procurement) among the counterparts.',
    category: 'counterparts',
    defaultSeverity: 'info',
    fixable: 'none',
    draft: { missing: 'todo' },
    messages: {
      missing: 'No back-end function is among the counterparts; involve IT, logistics, supply chain, operations or procurement too, not only front-line staff, since they carry the change behind the scenes.',
    },
    options: {
      departments: {
        type: 'string[]',
        default: ['it', 'logistics', 'supply chain', 'operations', 'procurement'],
        description: 'Department names (compared case-insensitively, as whole words) that count as back-end functions.',
      },
    },
  },
  check(ctx) {
    const section = ctx.plan.counterparts;
    // Why: a missing or empty counterparts section is counterparts-listed's problem; one report is enough.
    if (!section || section.entries.length === 0) return;
    const names = ctx.options.departments;
    if (section.entries.some((c) => c.department !== undefined && hasAnyPhrase(c.department.value, names))) return;
    ctx.report({ messageId: 'missing', at: section.anchor });
  },
});
