// iteration-log: requires an iteration log with at least one entry. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'iteration-log',
    description: "requires an iteration log with at least one entry.",
    category: 'iterations',
    defaultSeverity: 'error',
    severityNote: 'error when live, info otherwise',
    fixable: 'safe',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'not-live-severity': {type: "string", enum: ["error", "warning", "info", "off"], default: "info", description: "The severity used while the plan is not live (draft or proposed)."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
