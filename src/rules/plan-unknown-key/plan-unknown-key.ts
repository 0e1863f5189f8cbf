// plan-unknown-key: keys the model does not know (x- keys excepted), and unknown rule ids in disable comments.
import { defineRule } from '../../core/rule-api.js';
import { suggest } from '../../core/parse/keys.js';
import { entryName } from '../../core/where.js';

export default defineRule({
  meta: {
    id: 'plan-unknown-key',
    description:
      'reports keys the plan model does not know, with the nearest known key, and unknown rule ids in disable comments.',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: 'safe',
    messages: {
      unknownKey: 'Unknown key `{{key}}` in {{where}}; did you mean `{{suggestion}}`?',
      unknownKeyNoSuggestion:
        'Unknown key `{{key}}` in {{where}}; remove it, or prefix it with `x-` to keep it as your own metadata.',
      unknownRule:
        'Unknown rule id "{{id}}" in a testbed-lint comment; use one of the ids that `testbed-lint --list-rules` prints.',
      unknownRuleSuggestion: 'Unknown rule id "{{id}}" in a testbed-lint comment; did you mean "{{suggestion}}"?',
    },
  },
  check(ctx) {
    for (const k of ctx.doc.unknownKeys) {
      const where =
        k.where === 'plan'
          ? ctx.doc.form === 'yaml'
            ? 'the plan'
            : 'the front matter'
          : ((k.path && entryName(ctx.plan, k.path)) ?? `\`${k.where}\``);
      const suggestion = k.suggestion;
      if (suggestion !== undefined) {
        ctx.report({
          messageId: 'unknownKey',
          data: { key: k.key, where, suggestion },
          at: k.span,
          fix: () => ({ title: `Rename to \`${suggestion}\``, edits: [{ span: k.span, text: suggestion }] }),
        });
      } else {
        ctx.report({ messageId: 'unknownKeyNoSuggestion', data: { key: k.key, where }, at: k.span });
      }
    }
    for (const d of ctx.doc.directives) {
      for (const id of d.ids) {
        if (ctx.knownRuleIds.includes(id.value)) continue;
        const suggestion = suggest(id.value, ctx.knownRuleIds);
        if (suggestion !== undefined) {
          ctx.report({
            messageId: 'unknownRuleSuggestion',
            data: { id: id.value, suggestion },
            at: id.span,
            fix: () => ({ title: `Replace with "${suggestion}"`, edits: [{ span: id.span, text: suggestion }] }),
          });
        } else {
          ctx.report({ messageId: 'unknownRule', data: { id: id.value }, at: id.span });
        }
      }
    }
  },
});
