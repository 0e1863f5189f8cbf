// iteration-change: every iteration entry says what changed, in words rather than a placeholder.
import type { PlanDocument } from '../../core/document.js';
import { rowTableHas } from '../../core/edits.js';
import type { IterationEntry, ListSection } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import { isWriterPrompt } from '../../core/writer.js';

/** How to add this entry's change, in the words of its own style. */
function addChange(doc: PlanDocument, section: ListSection<IterationEntry>, entry: IterationEntry): string {
  if (doc.form === 'yaml') return 'add `change:`';
  if (entry.style === 'heading') return 'add a "- Change:" line';
  // A table row: a cell to fill in, or a column the table lacks.
  return rowTableHas(section, entry.span, 'change') ? 'fill in its Change cell' : 'add a Change column to the table';
}

export default defineRule({
  meta: {
    id: 'iteration-change',
    description: 'requires every iteration entry to say what changed, and rejects placeholders such as TBD or TODO.',
    category: 'iterations',
    defaultSeverity: 'error',
    fixable: 'none',
    // Why: the writer's own prompt, left unfilled, is a to-do on a draft; a placeholder the writer typed keeps its severity.
    draft: { missing: 'keep', placeholder: 'keep', prompt: 'todo' },
    messages: {
      missing:
        'This iteration entry does not say what changed; {{action}} with what you now do differently for the customer.',
      placeholder: 'The change "{{value}}" is a placeholder; say what you now do differently for the customer.',
      prompt: 'The change is still the prompt "{{value}}"; say what you now do differently for the customer.',
    },
  },
  check(ctx) {
    const section = ctx.plan.iterations;
    if (!section) return;
    for (const entry of section.entries) {
      const change = entry.change;
      if (!change) {
        ctx.report({ messageId: 'missing', data: { action: addChange(ctx.doc, section, entry) }, at: entry.anchor });
      } else if (ctx.isPlaceholder(change.value)) {
        ctx.report({
          messageId: isWriterPrompt(change.value) ? 'prompt' : 'placeholder',
          data: { value: change.value.trim() },
          at: change.span,
        });
      }
    }
  },
});
