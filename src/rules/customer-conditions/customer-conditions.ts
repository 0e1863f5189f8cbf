// customer-conditions: requires at least two of the three testbed conditions: small or low-risk, new processes, an eager champion. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'customer-conditions',
    description: "requires at least two of the three testbed conditions: small or low-risk, new processes, an eager champion.",
    category: 'customer',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'min-conditions': {type: "integer", minimum: 1, default: 2, description: "How many of the three conditions must be stated (1 to 3)."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
