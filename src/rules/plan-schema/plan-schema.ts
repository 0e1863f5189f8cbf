// plan-schema: known keys have values of the right type, allowed enum values and real calendar dates.
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
    messages: {
      invalid: 'Unexpected value "{{actual}}" for {{key}}; use {{expected}}.',
      languageUnsure:
        "This plan's words could be {{considered}}, so it is read as English; say which language it is in with `lang:` (en, de, fr or es) in the front matter, or `language:` in the config.",
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
