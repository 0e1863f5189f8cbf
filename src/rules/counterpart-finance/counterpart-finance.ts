// counterpart-finance: requires finance (finance, controlling, FP&A, CFO office) among the counterparts; the fix adds a Finance entry.
import { formatDay } from '../../core/dates.js';
import { FINANCE_DEPARTMENTS, isFinanceDepartment } from '../../core/departments.js';
import type { PlanDocument } from '../../core/document.js';
import { insertLinesAfter } from '../../core/edits.js';
import type { Counterpart, ListSection } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import { hasAnyPhrase } from '../../core/text.js';
import type { TextEdit } from '../../core/types.js';

const CONTACT_PROMPT = 'TODO: name a contact in finance';
const BENEFIT_PROMPT = 'TODO: what finance gains from the testbed';

/** What the new entry says: its department and its `since` date. */
interface NewEntry {
  department: string;
  since: string;
}

/** A new row after the last row of the table that holds `last`, its cells in the header's column order. */
function tableRow(doc: PlanDocument, columns: (string | undefined)[], last: Counterpart, e: NewEntry): TextEdit | undefined {
  const values: Record<string, string> = { department: e.department, contact: CONTACT_PROMPT, since: e.since, benefit: BENEFIT_PROMPT };
  const cells = columns.map((key) => (key !== undefined ? values[key] : undefined) ?? '');
  const lastLine = doc.lines.lineText(doc.lines.positionAt(last.span.start).line);
  const indent = /^[ \t]*/.exec(lastLine)![0];
  const trimmed = lastLine.trim();
  const row = (trimmed.startsWith('|') ? '| ' : '') + cells.join(' | ') + (trimmed.endsWith('|') ? ' |' : '');
  return insertLinesAfter(doc, doc.lines.trimSpan(last.span).end, [indent + row.replace(/ {2,}\|/g, ' |')]);
}

/** A new labelled bullet after `last`, with the same marker, indentation and bold label. */
function bullet(doc: PlanDocument, entries: Counterpart[], last: Counterpart, e: NewEntry): TextEdit | undefined {
  const line = doc.lines.positionAt(last.span.start).line;
  const before = doc.text.slice(doc.lines.lineStart(line), last.span.start);
  const m = /^([-*+]|\d+[.)])([ \t]+)/.exec(doc.text.slice(last.span.start, last.span.end));
  if (!m || !/^[ \t]*$/.test(before)) return undefined;
  const marker = /^\d/.test(m[1]!) ? `${Number.parseInt(m[1]!, 10) + 1}${m[1]!.slice(-1)}` : m[1]!;
  const dept = last.department?.span ?? last.anchor;
  const wrap = doc.text.slice(dept.start - 2, dept.start);
  const strong = wrap === '**' || wrap === '__' ? wrap : '';
  const colonInside = strong !== '' && doc.text.startsWith(`:${strong}`, dept.end);
  const label = strong ? (colonInside ? `${strong}${e.department}:${strong}` : `${strong}${e.department}${strong}:`) : `${e.department}:`;
  const text = `${before}${marker}${m[2]}${label} ${CONTACT_PROMPT}, since ${e.since}. Benefit: ${BENEFIT_PROMPT}`;
  // A loose list (blank lines between items) stays loose.
  const prev = entries[entries.length - 2];
  const loose = prev !== undefined && /\n[ \t]*\r?\n/.test(doc.text.slice(prev.span.end, last.span.start));
  return insertLinesAfter(doc, doc.lines.trimSpan(last.span).end, loose ? ['', text] : [text]);
}

/** A new YAML list item after `last`, with the same indentation. */
function yamlItem(doc: PlanDocument, last: Counterpart, e: NewEntry): TextEdit | undefined {
  const line = doc.lines.positionAt(last.span.start).line;
  const prefix = doc.text.slice(doc.lines.lineStart(line), last.span.start);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  const keys = ' '.repeat(prefix.length);
  return insertLinesAfter(doc, doc.lines.trimSpan(last.span).end, [
    `${prefix}department: ${e.department}`,
    `${keys}contact: "${CONTACT_PROMPT}"`,
    `${keys}since: ${e.since}`,
    `${keys}benefit: "${BENEFIT_PROMPT}"`,
  ]);
}

function addFinance(doc: PlanDocument, section: ListSection<Counterpart>, e: NewEntry): TextEdit | undefined {
  const entries = section.entries;
  const last = entries[entries.length - 1];
  if (!last) return undefined;
  if (doc.form === 'yaml') return yamlItem(doc, last, e);
  const t = section.table;
  const inTable = t !== undefined && t.span.start <= last.span.start && last.span.end <= t.span.end;
  return inTable ? tableRow(doc, t.columns, last, e) : bullet(doc, entries, last, e);
}

export default defineRule({
  meta: {
    id: 'counterpart-finance',
    description: 'requires finance (finance, controlling, FP&A, CFO office) among the counterparts.',
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'safe',
    draft: 'todo',
    messages: {
      missing: 'Finance is not among the counterparts; involve finance (a controller, FP&A or the CFO office) from the start, so it sees a direct benefit instead of a cost.',
    },
    options: {
      departments: {
        type: 'string[]',
        default: FINANCE_DEPARTMENTS,
        description: 'Department names (compared case-insensitively, as whole words) that count as finance.',
      },
    },
  },
  check(ctx) {
    const section = ctx.plan.counterparts;
    // Why: a missing or empty counterparts section is counterparts-listed's problem, and its fix adds Finance.
    if (!section || section.entries.length === 0) return;
    const names = ctx.options.departments;
    if (section.entries.some((c) => c.department !== undefined && isFinanceDepartment(c.department.value, names))) return;
    const since = formatDay(ctx.plan.start?.day ?? ctx.today);
    // The new entry must satisfy this rule: "Finance", unless the configured names leave finance out.
    const first = names[0]?.trim() ?? '';
    const department = hasAnyPhrase('Finance', names) || first === '' ? 'Finance' : first.charAt(0).toUpperCase() + first.slice(1);
    ctx.report({
      messageId: 'missing',
      at: section.anchor,
      fix: () => {
        const edit = addFinance(ctx.doc, section, { department, since });
        return edit && { title: `Add a ${department} counterpart`, edits: [edit] };
      },
    });
  },
});
