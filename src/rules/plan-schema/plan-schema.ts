// plan-schema: known keys have values of the right type, allowed enum values and real calendar dates; a placeholder
// where the writer has still to answer (`size: TODO`, `tier: TBD`) is a to-do on a draft, like a missing value.
import { defineRule } from '../../core/rule-api.js';
import { describeKey } from '../../core/where.js';
import type { Lang } from '../../core/lang.js';

const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish' };

export default defineRule({
  meta: {
    id: 'plan-schema',
    description: 'checks value types, allowed values and real calendar dates of the keys the plan model knows.',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'safe',
    // Why: a wrong value is a mistake on any plan; a placeholder is an answer not yet given, a to-do on a draft.
    draft: { invalid: 'keep', placeholder: 'todo', languageUnsure: 'keep' },
    messages: {
      invalid: 'Unexpected value "{{actual}}" for {{key}}; use {{expected}}.',
      languageUnsure:
        "This plan's words could be {{considered}}, so it is read as English; say which language it is in with `lang:` (en, de, fr or es) in the front matter, or `language:` in the config.",
      placeholder: 'The value "{{actual}}" of {{key}} is a placeholder; answer it with {{expected}}.',
    },
  },
  check(ctx) {
    // Why: a plan whose language cannot be told is read as English; one info says so (never a cascade of "missing").
    const unsure = ctx.doc.langUnsure;
    if (unsure)
      ctx.report({
        messageId: 'languageUnsure',
        severity: 'info',
        data: { considered: unsure.map((l) => LANG_NAMES[l]).join(' or ') },
        at: { start: 0, end: 0 },
      });
    for (const issue of ctx.doc.schemaIssues) {
      const key = describeKey(ctx.plan, issue.key);
      // Why: an empty value is no answer written at all (a top level that is not a mapping reads as ""): the
      // schema's own message says what is wrong; a placeholder is a word the writer left to replace.
      if (issue.actual.trim() !== '' && ctx.isPlaceholder(issue.actual)) {
        // Why: no fix or suggestion: which value holds is the writer's answer, not the tool's.
        ctx.report({
          messageId: 'placeholder',
          data: { actual: issue.actual, key, expected: issue.expected },
          at: issue.span,
        });
        continue;
      }
      const replacement = issue.replacement;
      ctx.report({
        messageId: 'invalid',
        data: { actual: issue.actual, key, expected: issue.expected },
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
    // The tier is free text (a firm's own names), so no schema issue covers it; a placeholder there is still unanswered.
    const tier = ctx.plan.customer?.tier;
    if (tier && tier.value.trim() !== '' && ctx.isPlaceholder(tier.value)) {
      ctx.report({
        messageId: 'placeholder',
        data: {
          actual: tier.value.trim(),
          key: describeKey(ctx.plan, 'customer.tier'),
          expected: "the account's tier as your firm names it (a testbed avoids premier, key or strategic accounts)",
        },
        at: tier.span,
      });
    }
  },
});
