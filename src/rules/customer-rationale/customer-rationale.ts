// customer-rationale: requires a customer-selection rationale of at least `min-words` words. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'customer-rationale',
    description: "requires a customer-selection rationale of at least `min-words` words.",
    category: 'customer',
    defaultSeverity: 'error',
    fixable: 'safe',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'min-words': {type: "integer", minimum: 1, default: 30, description: "The fewest words the selection rationale may have."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
