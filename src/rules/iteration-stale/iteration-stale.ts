// iteration-stale: warns when a running plan's newest iteration entry is older than `max-days`. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-stale',
    description: "warns when a running plan's newest iteration entry is older than `max-days`.",
    category: 'iterations',
    defaultSeverity: 'warning',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'max-days': {type: "integer", minimum: 1, default: 45, description: "The most days allowed between the newest entry and today."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
