// iteration-log: requires an iteration log with at least one entry (an error once the testbed is live).
import { formatDay } from '../../core/dates.js';
import type { PlanDocument } from '../../core/document.js';
import { indentAt, insertLinesAfter, insertSection } from '../../core/edits.js';
import { isLive, type IterationEntry, type ListSection } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import type { Fix, Severity, TextEdit } from '../../core/types.js';

// The scaffold's prompts: placeholders on purpose, so iteration-change and iteration-feedback keep asking until they are filled in.
const CHANGE_PROMPT = 'TODO: what we now do differently for the customer';
const FEEDBACK_PROMPT = 'TODO: what the customer said or experienced that prompted it';
const TITLE_PROMPT = 'TODO: name the change';
// Source and order stay empty (an empty value is simply absent); a comment lists the allowed words.
const ENUM_HINT_MD = '<!-- Source: customer or internal. Order: first, second or third. -->';

/** The lines of one Markdown entry in the headings style. */
function markdownEntry(day: string): string[] {
  return [`### ${day} — ${TITLE_PROMPT}`, '', `- Change: ${CHANGE_PROMPT}`, `- Feedback: ${FEEDBACK_PROMPT}`, '- Source:', '- Order:', '', ENUM_HINT_MD];
}

/** The lines of one YAML list item, indented below a key at `indent`. */
function yamlItem(day: string, indent: string): string[] {
  const i = `${indent}  `;
  return [
    `${i}- date: ${day}`,
    `${i}  change: "${CHANGE_PROMPT}"`,
    `${i}  feedback: "${FEEDBACK_PROMPT}"`,
    `${i}  source:  # customer or internal`,
    `${i}  order:  # first, second or third`,
  ];
}

/** What a new table row holds in each column the parser knows; other columns stay empty. */
const COLUMN_PROMPTS: Record<string, (day: string) => string> = {
  date: (day) => day,
  change: () => CHANGE_PROMPT,
  feedback: () => FEEDBACK_PROMPT,
};

/** The fix for a section that exists but holds no entry. */
function fillEmpty(doc: PlanDocument, section: ListSection<IterationEntry>, day: string): TextEdit[] | undefined {
  if (doc.form === 'yaml') {
    const text = doc.text;
    const afterKey = text.slice(section.anchor.end, section.span.end);
    // Why: scanned by hand; `/^([ \t]*:)([ \t]*)(.*?)[ \t]*$/s` is quadratic on a long run of blanks inside the value.
    const colon = /^[ \t]*:/.exec(afterKey);
    if (!colon) return undefined;
    let vStart = colon[0].length;
    while (vStart < afterKey.length && (afterKey[vStart] === ' ' || afterKey[vStart] === '\t')) vStart++;
    let vEnd = afterKey.length;
    while (vEnd > vStart && (afterKey[vEnd - 1] === ' ' || afterKey[vEnd - 1] === '\t')) vEnd--;
    const m = [afterKey.slice(0, vEnd), colon[0], afterKey.slice(colon[0].length, vStart)] as const;
    const value = afterKey.slice(vStart, vEnd);
    // Why: only an empty value is filled; a scalar or a list of malformed items is the writer's text, not ours to replace.
    if (!/^(|~|null|Null|NULL|\[\s*\]|''|"")$/.test(value)) return undefined;
    const edits: TextEdit[] = [];
    if (value !== '') {
      const from = section.anchor.end + m[1]!.length;
      edits.push({ span: { start: from, end: from + m[2]!.length + value.length }, text: '' });
    }
    edits.push(insertLinesAfter(doc, section.span.end, yamlItem(day, indentAt(doc, section.anchor.start))));
    return edits;
  }
  const table = section.table;
  if (table) {
    const cells = table.columns.map((key) => (key !== undefined ? COLUMN_PROMPTS[key]?.(day) : undefined) ?? '');
    const row = `|${cells.map((c) => (c ? ` ${c} ` : '  ')).join('|')}|`;
    return [insertLinesAfter(doc, table.span.end, [row])];
  }
  // Why: at the end of the section, so an introduction written under the heading stays first.
  return [insertLinesAfter(doc, section.span.end, ['', ...markdownEntry(day)])];
}

export default defineRule({
  meta: {
    id: 'iteration-log',
    description: 'requires an iteration log with at least one entry: an error once the testbed is live, a reminder before.',
    category: 'iterations',
    defaultSeverity: 'error',
    severityNote: 'error when live, info otherwise',
    fixable: 'safe',
    draft: 'todo',
    messages: {
      missingSection: 'The plan has no iteration log; add an "Iteration log" section and record each change with its date and the customer feedback behind it.',
      missingKey: 'The plan has no `iterations:` list; add it and record each change with its date and the customer feedback behind it.',
      empty: 'The iteration log has no entries; record each change you make with its date and the customer feedback behind it.',
    },
    options: {
      'not-live-severity': {
        type: 'string',
        enum: ['error', 'warning', 'info', 'off'],
        default: 'info',
        description: 'The severity used while the plan is not live (proposed, or a draft); on a draft at most info, unless the config says `drafts: strict`.',
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
      const lines = ctx.doc.form === 'yaml' ? ['iterations:', ...yamlItem(day, '')] : ['## Iteration log', '', ...markdownEntry(day)];
      ctx.report({
        messageId: ctx.doc.form === 'yaml' ? 'missingKey' : 'missingSection',
        at: plan.titleAnchor,
        severity,
        fix: (): Fix => ({ title: 'Add an iteration log with a first entry to fill in', edits: [insertSection(ctx.doc, 'iterations', lines)] }),
      });
      return;
    }
    ctx.report({
      messageId: 'empty',
      at: section.anchor,
      severity,
      fix: () => {
        const edits = fillEmpty(ctx.doc, section, day);
        return edits && { title: 'Add a first iteration entry to fill in', edits };
      },
    });
  },
});
