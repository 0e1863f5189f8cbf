// plan-syntax: the front matter or YAML plan parses; each syntax error is reported where it is.
import { defineRule } from '../../core/rule-api.js';

/** The message for each kind of syntax issue. */
const MESSAGE_IDS = { yaml: 'yaml', markdown: 'markdown', size: 'size', encoding: 'encoding' } as const;

export default defineRule({
  meta: {
    id: 'plan-syntax',
    description:
      'reports YAML syntax errors in the front matter or the YAML plan at the offending line and column, Markdown nested too deeply to read, a plan too large to read, and a plan that is not readable text.',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'none',
    messages: {
      yaml: 'YAML syntax error: {{detail}}; fix the YAML so the rest of the plan can be read.',
      markdown: 'Markdown that cannot be read: {{detail}}; flatten it so the rules can check this part of the plan.',
      size: 'The plan is too large to read: {{detail}}; split it into smaller plans, or raise the limit.',
      encoding: 'The plan is not readable text: {{detail}}; save it as UTF-8 (or UTF-16 with a byte-order mark).',
    },
  },
  check(ctx) {
    for (const issue of ctx.doc.syntaxIssues) {
      ctx.report({ messageId: MESSAGE_IDS[issue.kind ?? 'yaml'], data: { detail: issue.detail }, at: issue.span });
    }
  },
});
