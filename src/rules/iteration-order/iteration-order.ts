// iteration-order: requires iteration entries in one chronological direction, all ascending or all descending. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-order',
    description: "requires iteration entries in one chronological direction, all ascending or all descending.",
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
