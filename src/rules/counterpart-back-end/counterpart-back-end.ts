// counterpart-back-end: requires a back-end function (IT, logistics, supply chain, operations, procurement) among the counterparts. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'counterpart-back-end',
    description: "requires a back-end function (IT, logistics, supply chain, operations, procurement) among the counterparts.",
    category: 'counterparts',
    defaultSeverity: 'info',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'departments': {type: "string[]", default: ["it", "logistics", "supply chain", "operations", "procurement"], description: "Department names (compared case-insensitively, as words) that count as back-end functions."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
