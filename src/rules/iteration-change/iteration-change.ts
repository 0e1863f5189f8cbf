// iteration-change: every iteration entry says what changed, in words rather than a placeholder.
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PlanDocument } from '../../core/document.js';
import type { IterationEntry } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import { isPlaceholder } from '../../core/text.js';

/** Header names the parser reads as the Change column of an iteration table. */
const COLUMN_NAMES = ['change', 'changes', 'what changed'];

/** How to add this entry's change, in the words of its own style. */
function addChange(doc: PlanDocument, entry: IterationEntry): string {
  if (doc.form === 'yaml') return 'add `change:`';
  if (doc.text.startsWith('#', entry.anchor.start)) return 'add a "- Change:" line';
  // A table row: a cell to fill in, or a column the table lacks.
  const table = doc.mdast?.children.find(
    (n): n is Table => n.type === 'table' && (n.position?.start.offset ?? Infinity) <= entry.span.start && entry.span.start < (n.position?.end.offset ?? 0),
  );
  const header = table?.children[0]?.children.map((c) => toString(c).trim().toLowerCase().replace(/\s+/g, ' ')) ?? [];
  return header.some((h) => COLUMN_NAMES.includes(h)) ? 'fill in its Change cell' : 'add a Change column to the table';
}

export default defineRule({
  meta: {
    id: 'iteration-change',
    description: 'requires every iteration entry to say what changed, and rejects placeholders such as TBD or TODO.',
    category: 'iterations',
    defaultSeverity: 'error',
    fixable: 'none',
    messages: {
      missing: 'This iteration entry does not say what changed; {{action}} with what you now do differently for the customer.',
      placeholder: 'The change "{{value}}" is a placeholder; say what you now do differently for the customer.',
    },
  },
  check(ctx) {
    for (const entry of ctx.plan.iterations?.entries ?? []) {
      const change = entry.change;
      if (!change) {
        ctx.report({ messageId: 'missing', data: { action: addChange(ctx.doc, entry) }, at: entry.anchor });
      } else if (isPlaceholder(change.value)) {
        ctx.report({ messageId: 'placeholder', data: { value: change.value.trim() }, at: change.span });
      }
    }
  },
});
