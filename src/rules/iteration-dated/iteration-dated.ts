// iteration-dated: requires every iteration entry to have a valid date that is not later than today. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-dated',
    description: "requires every iteration entry to have a valid date that is not later than today.",
    category: 'iterations',
    defaultSeverity: 'error',
    fixable: 'safe',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
  },
  check() {
    // PLACEHOLDER
  },
});
