// customer-conditions: requires at least two of the three testbed conditions: small or low-risk, new processes, an eager champion.
import { defineRule } from '../../core/rule-api.js';
import { isPlaceholder } from '../../core/text.js';

export default defineRule({
  meta: {
    id: 'customer-conditions',
    description: 'requires at least two of the three testbed conditions: small or low-risk, new processes, an eager champion.',
    category: 'customer',
    defaultSeverity: 'warning',
    fixable: 'none',
    draft: { conditions: 'todo' },
    messages: {
      conditions:
        'The plan does not state that the customer {{missing}} ({{count}} of 3 testbed conditions stated, {{min}} needed); if that holds, add {{keys}} under `customer:`, else choose a customer that fits a testbed better.',
    },
    options: {
      'min-conditions': { type: 'integer', minimum: 1, default: 2, description: 'How many of the three conditions must be stated (1 to 3).' },
    },
  },
  check(ctx) {
    const c = ctx.plan.customer;
    const min = Math.min(3, ctx.options['min-conditions']);
    const conditions = [
      { met: c?.size?.value === 'small' || c?.risk?.value === 'low', name: 'is small or low-risk', key: '`size: small` or `risk: low`' },
      { met: c?.newProcesses?.value === true, name: 'has new processes', key: '`new-processes: true`' },
      { met: !!c?.champion && !isPlaceholder(c.champion.value), name: 'has an eager champion', key: '`champion:` with a name' },
    ];
    const count = conditions.filter((x) => x.met).length;
    if (count >= min) return;
    const missing = conditions.filter((x) => !x.met);
    ctx.report({
      messageId: 'conditions',
      data: { count, min, missing: list(missing.map((x) => x.name)), keys: list(missing.map((x) => x.key), missing.some((x) => x.key.includes(' or ')) ? ',' : '') },
      at: c?.anchor ?? ctx.plan.titleAnchor,
    });
  },
});

/** "a", "a and b", "a, b and c"; with `serial` ",": "a, and b" (for items that hold an "or" themselves). */
function list(items: string[], serial = ''): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${serial} and ${items[items.length - 1]!}`;
}
