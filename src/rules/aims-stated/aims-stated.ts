// aims-stated: requires at least one aim: customer profitability, business processes or strategic positioning. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'aims-stated',
    description: "requires at least one aim: customer profitability, business processes or strategic positioning.",
    category: 'beyond',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
  },
  check() {
    // PLACEHOLDER
  },
});
