// customer-named: the testbed customer is named, and not with a placeholder.
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'customer-named',
    description: 'requires `customer.name`, and rejects placeholders such as TBD, TODO, ? or xxx.',
    category: 'customer',
    defaultSeverity: 'error',
    fixable: 'none',
    draft: { missing: 'todo', placeholder: 'todo' },
    messages: {
      missing: 'No testbed customer is named; add `customer: name:` with the one customer the testbed runs with.',
      placeholder: 'The customer name "{{name}}" is a placeholder; name the real customer before the testbed starts.',
    },
  },
  check(ctx) {
    const c = ctx.plan.customer;
    const name = c?.name;
    if (!name) {
      ctx.report({ messageId: 'missing', at: c?.anchor ?? ctx.plan.titleAnchor });
      return;
    }
    if (ctx.isPlaceholder(name.value)) {
      ctx.report({ messageId: 'placeholder', data: { name: name.value.trim() }, at: name.span });
    }
  },
});
