// counterpart-early: warns when a counterpart joined later than `start` plus `grace-days`. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'counterpart-early',
    description: "warns when a counterpart joined later than `start` plus `grace-days`.",
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'grace-days': {type: "integer", minimum: 0, default: 14, description: "Days after `start` within which a counterpart still counts as involved from the start."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
