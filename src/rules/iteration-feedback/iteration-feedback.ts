// iteration-feedback: requires every iteration entry to record the customer feedback or experience that prompted it. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-feedback',
    description: "requires every iteration entry to record the customer feedback or experience that prompted it.",
    category: 'iterations',
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
