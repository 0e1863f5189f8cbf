// counterparts-listed: requires a counterparts section with at least one entry. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'counterparts-listed',
    description: "requires a counterparts section with at least one entry.",
    category: 'counterparts',
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
