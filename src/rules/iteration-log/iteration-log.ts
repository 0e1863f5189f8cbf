// iteration-log: requires an iteration log with at least one entry (an error once the testbed is live).
import { formatDay } from '../../core/dates.js';
import { insertSection } from '../../core/edits.js';
import { isLive } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import type { Fix, Severity } from '../../core/types.js';
import { addEntry, newIteration, sectionLines } from '../../core/writer.js';

// The entry the fix writes: its words are the writer's prompts (to-dos), so iteration-change and
// iteration-feedback keep asking until they are filled in; source and order stay empty with a hint.

export default defineRule({
  meta: {
    id: 'iteration-log',
    description:
      'requires an iteration log with at least one entry: an error once the testbed is live, a reminder before.',
    category: 'iterations',
    defaultSeverity: 'error',
    severityNote: 'error when live, info otherwise',
    fixable: 'safe',
    draft: 'todo',
    messages: {
      missingSection:
        'The plan has no iteration log; add an "Iteration log" section and record each change with its date and the customer feedback behind it.',
      missingKey:
        'The plan has no `iterations:` list; add it and record each change with its date and the customer feedback behind it.',
      empty:
        'The iteration log has no entries; record each change you make with its date and the customer feedback behind it.',
      unread:
        'No entry could be read from the iteration log; write each change as an H3 heading "### 2026-02-02 — short title" with "- Change:", "- Feedback:", "- Source:" and "- Order:" lines below it, or as a row of a Date | Change | Feedback | Source | Order table.',
    },
    options: {
      'not-live-severity': {
        type: 'string',
        enum: ['error', 'warning', 'info', 'off'],
        default: 'info',
        description:
          'The severity used while the plan is not live (proposed, or a draft); on a draft at most info, unless the config says `drafts: strict`.',
      },
    },
  },
  check(ctx) {
    const plan = ctx.plan;
    const section = plan.iterations;
    if (section && section.entries.length > 0) return;
    const severity = isLive(plan) ? undefined : (ctx.options['not-live-severity'] as Severity | 'off');
    const day = formatDay(ctx.today);
    if (!section) {
      const lines = sectionLines(ctx.doc.form, 'iterations', [newIteration(day)]);
      ctx.report({
        messageId: ctx.doc.form === 'yaml' ? 'missingKey' : 'missingSection',
        at: plan.titleAnchor,
        severity,
        fix: (): Fix => ({
          title: 'Add an iteration log with a first entry to fill in',
          edits: [insertSection(ctx.doc, 'iterations', lines)],
        }),
      });
      return;
    }
    ctx.report({
      messageId: section.unread ? 'unread' : 'empty',
      at: section.anchor,
      severity,
      fix: () => {
        const edits = addEntry(ctx.doc, 'iterations', section, newIteration(day));
        return edits && { title: 'Add a first iteration entry to fill in', edits };
      },
    });
  },
});
