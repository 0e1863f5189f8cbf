// counterpart-finance: requires finance (finance, controlling, FP&A, CFO office) among the counterparts. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'counterpart-finance',
    description: "requires finance (finance, controlling, FP&A, CFO office) among the counterparts.",
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'safe',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'departments': {type: "string[]", default: ["finance", "controlling", "fp&a", "cfo office"], description: "Department names (compared case-insensitively, as words) that count as finance."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
