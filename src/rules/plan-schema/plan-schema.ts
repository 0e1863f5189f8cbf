// plan-schema: known keys have values of the right type, allowed enum values and real calendar dates.
import { defineRule } from '../../core/rule-api.js';
import { describeKey } from '../../core/where.js';

export default defineRule({
  meta: {
    id: 'plan-schema',
    description: 'checks value types, allowed values and real calendar dates of the keys the plan model knows.',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'safe',
    messages: {
      invalid: 'Unexpected value "{{actual}}" for {{key}}; use {{expected}}.',
    },
  },
  check(ctx) {
    for (const issue of ctx.doc.schemaIssues) {
      const replacement = issue.replacement;
      ctx.report({
        messageId: 'invalid',
        data: { actual: issue.actual, key: describeKey(ctx.plan, issue.key), expected: issue.expected },
        at: issue.span,
        fix:
          replacement === undefined
            ? undefined
            : () => ({ title: `Replace with "${replacement}"`, edits: [{ span: issue.span, text: replacement }] }),
        // Why: a guess between several values, or a date moved to a real day, changes what the plan says; a person picks.
        suggest:
          issue.suggestions &&
          (() =>
            issue.suggestions!.map((s) => ({
              title: `Replace "${issue.actual}" with "${s}"`,
              edits: [{ span: issue.span, text: s }],
            }))),
      });
    }
  },
});
