// iteration-feedback: every iteration entry records the customer feedback or experience that prompted it.
import type { PlanDocument } from '../../core/document.js';
import { rowTableHas } from '../../core/edits.js';
import type { IterationEntry, ListSection } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import { isWriterPrompt } from '../../core/writer.js';

/** How to add this entry's feedback, in the words of its own style. */
function addFeedback(doc: PlanDocument, section: ListSection<IterationEntry>, entry: IterationEntry): string {
  if (doc.form === 'yaml') return 'add `feedback:`';
  if (entry.style === 'heading') return 'add a "- Feedback:" line';
  // A table row: a cell to fill in, or a column the table lacks.
  return rowTableHas(section, entry.span, 'feedback')
    ? 'fill in its Feedback cell'
    : 'add a Feedback column to the table';
}

/** What a writer says when a round brought no feedback. */
const NO_FEEDBACK = 'No feedback this round.';
/** Placeholders that say "none" (n/a, none, -, —), as opposed to prompts and to-dos. */
const NONE = /^(n\/?a|none|nothing|nil|-+|—|–)\.?$/i;

export default defineRule({
  meta: {
    id: 'iteration-feedback',
    description: 'requires every iteration entry to record the customer feedback or experience that prompted it.',
    category: 'iterations',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    // Why: the writer's own prompt, left unfilled, is a to-do on a draft; a placeholder the writer typed keeps its severity.
    draft: { missing: 'keep', placeholder: 'keep', prompt: 'todo' },
    messages: {
      missing:
        'This iteration entry records no customer feedback; {{action}} with what the customer said or experienced that led to the change.',
      placeholder:
        'The feedback "{{value}}" is a placeholder; write what the customer said or experienced, or "No feedback this round." if there was none.',
      prompt:
        'The feedback is still the prompt "{{value}}"; write what the customer said or experienced, or "No feedback this round." if there was none.',
    },
  },
  check(ctx) {
    const section = ctx.plan.iterations;
    if (!section) return;
    for (const entry of section.entries) {
      const feedback = entry.feedback;
      if (!feedback) {
        ctx.report({ messageId: 'missing', data: { action: addFeedback(ctx.doc, section, entry) }, at: entry.anchor });
      } else if (ctx.isPlaceholder(feedback.value)) {
        // Why: "None" or "N/A" may mean "nobody asked"; an explicit sentence such as "No feedback this round." counts as recorded.
        const value = feedback.value.trim();
        const raw = ctx.doc.text.slice(feedback.span.start, feedback.span.end);
        const i = raw.indexOf(value);
        const span =
          i === -1 ? feedback.span : { start: feedback.span.start + i, end: feedback.span.start + i + value.length };
        ctx.report({
          messageId: isWriterPrompt(feedback.value) ? 'prompt' : 'placeholder',
          data: { value },
          at: feedback.span,
          // As the message proposes, for a word that says "none" (not for a prompt still to be filled in): a suggestion,
          // since only the writer knows whether there really was none.
          suggest: NONE.test(value)
            ? () => [{ title: `Replace "${value}" with "${NO_FEEDBACK}"`, edits: [{ span, text: NO_FEEDBACK }] }]
            : undefined,
        });
      }
    }
  },
});
