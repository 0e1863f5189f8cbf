// customer-not-premier: warns when `customer.tier` names a premier account, which raises a red flag for the sales group. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'customer-not-premier',
    description: "warns when `customer.tier` names a premier account, which raises a red flag for the sales group.",
    category: 'customer',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'premier-tiers': {type: "string[]", default: ["premier", "key", "key account", "strategic", "strategic account", "top", "tier 1", "platinum", "flagship"], description: "Tier names (compared case-insensitively) that count as premier accounts."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
