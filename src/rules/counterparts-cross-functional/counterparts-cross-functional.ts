// counterparts-cross-functional: requires at least `min-departments` distinct departments other than the owner's own. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'counterparts-cross-functional',
    description: "requires at least `min-departments` distinct departments other than the owner's own.",
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'min-departments': {type: "integer", minimum: 1, default: 3, description: "The fewest distinct departments, besides `owner-department`, among the counterparts."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
