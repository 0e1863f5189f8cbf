// metric-outside-in: requires at least one metric measured from the customer's perspective. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'metric-outside-in',
    description: "requires at least one metric measured from the customer's perspective.",
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
