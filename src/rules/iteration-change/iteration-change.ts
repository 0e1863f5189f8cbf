// iteration-change: requires every iteration entry to say what changed. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-change',
    description: "requires every iteration entry to say what changed.",
    category: 'iterations',
    defaultSeverity: 'error',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
  },
  check() {
    // PLACEHOLDER
  },
});
