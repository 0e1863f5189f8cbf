// customer-not-premier: warns when `customer.tier` names a premier account, which raises a red flag for the sales group.
import { defineRule } from '../../core/rule-api.js';
import { normaliseName } from '../../core/text.js';
import type { Span, TextEdit } from '../../core/types.js';

/** What a suggestion writes instead of the premier customer's name. */
const CHOOSE_AGAIN = 'TODO choose a non-premier customer';

export default defineRule({
  meta: {
    id: 'customer-not-premier',
    description: 'warns when `customer.tier` names a premier account, which raises a red flag for the sales group.',
    category: 'customer',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      premier: 'The customer tier "{{tier}}" marks a premier account, and a testbed with it would raise a red flag for the sales group; choose a non-premier customer.',
    },
    options: {
      'premier-tiers': {
        type: 'string[]',
        default: ['premier', 'key', 'key account', 'strategic', 'strategic account', 'top', 'tier 1', 'platinum', 'flagship'],
        description: 'Tier names (compared case-insensitively) that count as premier accounts.',
      },
    },
  },
  check(ctx) {
    const c = ctx.plan.customer;
    const tier = c?.tier;
    if (!c || !tier) return;
    const premier = new Set(ctx.options['premier-tiers'].map(normaliseName));
    const t = normaliseName(tier.value);
    if (t === '' || !premier.has(t)) return;
    const name = c.name;
    ctx.report({
      messageId: 'premier',
      data: { tier: tier.value.trim() },
      at: tier.span,
      suggest: () => {
        // Why: the customer, not the tier word, is the problem. The name becomes a to-do (customer-named keeps
        // reporting it until a real customer is named) and the tier, which described the old customer, a to-do too.
        const edits: TextEdit[] = [];
        if (name && replaceable(ctx.doc.text, name.span)) {
          edits.push({ span: name.span, text: CHOOSE_AGAIN });
          if (replaceable(ctx.doc.text, tier.span)) edits.push({ span: tier.span, text: 'TODO' });
        } else if (replaceable(ctx.doc.text, tier.span)) {
          edits.push({ span: tier.span, text: CHOOSE_AGAIN });
        }
        return edits.length > 0 ? [{ title: 'Replace the customer with a to-do: choose a non-premier customer', edits }] : [];
      },
    });
  },
});

/** A one-line scalar can be replaced by plain text; a block scalar (`|`, `>`) would lose its line structure. */
function replaceable(text: string, span: Span): boolean {
  const raw = text.slice(span.start, span.end);
  return raw !== '' && !/^[|>]/.test(raw) && !raw.includes('\n');
}
