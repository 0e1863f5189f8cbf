// scale-up-plan: requires a scaling or closed plan to say how planning, resource allocation and compensation will change. (PLACEHOLDER: check not written yet)
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'scale-up-plan',
    description: "requires a scaling or closed plan to say how planning, resource allocation and compensation will change.",
    category: 'beyond',
    defaultSeverity: 'warning',
    severityNote: 'warning when scaling or closed, off otherwise',
    fixable: 'safe',
    messages: {
      todo: 'Not written yet; placeholder.',
    },
    options: {
      'statuses': {type: "string[]", items: ["draft", "proposed", "running", "scaling", "closed"], default: ["scaling", "closed"], description: "The statuses in which a scale-up section is required."},
    },
  },
  check() {
    // PLACEHOLDER
  },
});
