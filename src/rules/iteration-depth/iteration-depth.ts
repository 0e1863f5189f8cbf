// iteration-depth: requires a long-running, scaling or closed plan to record at least one second- or third-order change. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-depth',
    description: "requires a long-running, scaling or closed plan to record at least one second- or third-order change.",
    category: 'iterations',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'min-days': {type: "integer", minimum: 0, default: 180, description: "Days from `start` to today after which a live plan must show a second- or third-order change."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
