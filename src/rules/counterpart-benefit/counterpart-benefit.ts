// counterpart-benefit: requires each counterpart to state the direct benefit to their department. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'counterpart-benefit',
    description: "requires each counterpart to state the direct benefit to their department.",
    category: 'counterparts',
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
