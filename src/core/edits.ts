// Helpers for rule fixes: where a missing section goes, and how to add text without breaking the document.
import type { PlanDocument, SectionKind } from './document.js';
import type { ListSection } from './model.js';
import { SECTION_ORDER } from './schema.js';
import type { Span, TextEdit } from './types.js';

const ORDER = SECTION_ORDER;

/**
 * An edit that inserts a whole section. Markdown: before the next known section in the usual order
 * (the schema's order of sections), else at the end. YAML: at the end.
 * `lines` are the section's lines without line breaks; the file's own line break is used.
 */
export function insertSection(doc: PlanDocument, kind: SectionKind, lines: string[]): TextEdit {
  const eol = doc.eol;
  const body = lines.join(eol) + eol;
  if (doc.form === 'markdown') {
    const after = ORDER.slice(ORDER.indexOf(kind) + 1);
    const next = doc.outline.find((o) => o.kind !== undefined && after.includes(o.kind));
    if (next) {
      const at = doc.lines.lineStart(doc.lines.positionAt(next.anchor.start).line);
      return { span: { start: at, end: at }, text: body + eol };
    }
  }
  return appendAtEnd(doc, (doc.form === 'markdown' ? eol : '') + body);
}

/** An edit that appends `text` at the end of the document, after a line break if the last line lacks one. */
export function appendAtEnd(doc: PlanDocument, text: string): TextEdit {
  const t = doc.text;
  const end = t.length;
  const needsBreak = end > 0 && !t.endsWith('\n');
  return { span: { start: end, end }, text: (needsBreak ? doc.eol : '') + text };
}

/** An edit that inserts `lines` as new lines right after the line holding `offset`. */
export function insertLinesAfter(doc: PlanDocument, offset: number, lines: string[]): TextEdit {
  const line = doc.lines.positionAt(offset).line;
  const end = doc.lines.lineEnd(line);
  return { span: { start: end, end }, text: lines.map((l) => doc.eol + l).join('') };
}

/** The indentation (spaces) of the line holding `offset`. */
export function indentAt(doc: PlanDocument, offset: number): string {
  const line = doc.lines.lineText(doc.lines.positionAt(offset).line);
  return /^[ \t]*/.exec(line)![0];
}

/** For an entry read from a Markdown table row: whether that table has a column for `field`. */
export function rowTableHas(section: ListSection<unknown>, entry: Span, field: string): boolean {
  const t = section.table;
  return t !== undefined && t.span.start <= entry.start && entry.start < t.span.end && t.columns.includes(field);
}
