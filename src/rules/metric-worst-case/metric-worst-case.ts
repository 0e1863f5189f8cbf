// metric-worst-case: requires customer-perspective metrics to track the worst experience (worst, p95, max), not only an average. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'metric-worst-case',
    description: "requires customer-perspective metrics to track the worst experience (worst, p95, max), not only an average.",
    category: 'beyond',
    defaultSeverity: 'info',
    fixable: 'none',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'aggregates': {type: "string[]", default: ["worst", "max", "p99", "p95", "p90"], description: "Aggregates (compared case-insensitively) that count as tracking the worst experience."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
