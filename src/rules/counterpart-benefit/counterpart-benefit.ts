// counterpart-benefit: requires each counterpart to state the direct benefit to their department.
import { defineRule } from '../../core/rule-api.js';
import { isPlaceholder } from '../../core/text.js';

export default defineRule({
  meta: {
    id: 'counterpart-benefit',
    description: 'requires each counterpart to state the direct benefit to their department, not a placeholder.',
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      missing: 'No benefit is stated for {{department}}; say what {{department}} gains from the testbed, so its head has a reason to champion it.',
      placeholder: 'The benefit for {{department}} is a placeholder ("{{benefit}}"); say what {{department}} gains from the testbed, so its head has a reason to champion it.',
      unnamed: 'A counterpart with no department states no benefit; name the department and say what it gains from the testbed.',
    },
  },
  check(ctx) {
    for (const c of ctx.plan.counterparts?.entries ?? []) {
      const benefit = c.benefit?.value.trim();
      if (benefit && !isPlaceholder(benefit)) continue;
      const d = c.department?.value.trim();
      if (!d || isPlaceholder(d)) {
        ctx.report({ messageId: 'unnamed', at: c.anchor });
      } else if (benefit) {
        ctx.report({ messageId: 'placeholder', data: { department: d, benefit: benefit.length > 40 ? `${benefit.slice(0, 37)}...` : benefit }, at: c.anchor });
      } else {
        ctx.report({ messageId: 'missing', data: { department: d }, at: c.anchor });
      }
    }
  },
});
