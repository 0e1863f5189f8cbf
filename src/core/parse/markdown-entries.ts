// Reads the entries of a Markdown list section (table rows, H3 headings with labelled lines, labelled bullets)
// into the plan model, by the fields, columns and labels of the plan schema, one top-level node at a time.
import type { Heading, Paragraph, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseIsoDate } from '../dates.js';
import type { ListSection, Located } from '../model.js';
import { fieldByLabel, type EntrySpec, type SectionKind } from '../schema.js';
import type { Span } from '../types.js';
import { append } from '../arrays.js';
import { BULLETS, bulletLead, plainLead } from './markdown-bullets.js';
import { headingTextSpan, itemParagraph, labelledLines, off, valueAt, valueOfLabel } from './markdown-values.js';
import type { Entry, ParseSession } from './session.js';

// ---------- tables

/** The column of each field the table's header names (the first field whose column list has the header). */
function tableColumns(table: Table, spec: EntrySpec): Partial<Record<string, number>> {
  const cols: Partial<Record<string, number>> = {};
  (table.children[0]?.children ?? []).forEach((cell, i) => {
    const h = toString(cell).trim().toLowerCase().replace(/\s+/g, ' ');
    const f = spec.fields.find((x) => cols[x.name] === undefined && x.columns?.includes(h));
    if (f) cols[f.name] = i;
  });
  return cols;
}

function holdsEntries(cols: Partial<Record<string, number>>, spec: EntrySpec): boolean {
  return spec.tableNeeds.some((k) => cols[k] !== undefined);
}

/** The entries of table rows, read in the columns `cols`. */
function rowEntries(
  text: string,
  rows: readonly TableRow[],
  first: number,
  cols: Partial<Record<string, number>>,
  spec: EntrySpec,
): Entry[] {
  const out: Entry[] = [];
  for (let r = first; r < rows.length; r++) {
    const row = rows[r]!;
    const rs = off(row);
    const e: Entry = { span: rs, anchor: rs, style: 'row' };
    for (const f of spec.fields) {
      const i = cols[f.name];
      const cell = i === undefined ? undefined : row.children[i];
      if (cell) e[f.name] = valueAt(text, f, off(cell));
    }
    anchorOn(e, spec);
    out.push(e);
  }
  return out;
}

function anchorOn(e: Entry, spec: EntrySpec): void {
  const a = spec.anchorField === undefined ? undefined : (e[spec.anchorField] as Located<string> | undefined);
  if (a) e.anchor = a.span;
}

// ---------- iteration log: H3 headings with labelled lines, or table rows

const HEADING_DATE =
  /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})(?=$|[\s:—–-])/;

/**
 * Reads a section of entries from its nodes one at a time, in order. Why one at a time: the caller can let each node
 * go once it is read (an iteration log's entry, a piece of a long table), so a long section is never held whole.
 */
abstract class EntrySectionReader {
  readonly section: ListSection<unknown>;
  /** The columns of the last table read as entries (undefined: its columns are not the section's). */
  private columns: Partial<Record<string, number>> | undefined;
  /** The tables the section's table span and unread span were taken from (see finish). */
  private spanTable: Table | undefined;
  private unreadTable: Table | undefined;

  constructor(
    protected readonly text: string,
    anchor: Span,
    protected readonly spec: EntrySpec,
  ) {
    this.section = { anchor, span: anchor, entries: [], style: 'none' };
  }

  abstract add(node: RootContent): void;

  /** More rows of `table`, the node added last (see BlockVisitor.rows). */
  abstract rows(table: Table, rows: TableRow[]): void;

  /** The section; `span` is the whole section's. */
  finish(span: Span): ListSection<unknown> {
    const { section } = this;
    // Why: a long table's rows may come after it (see BlockVisitor.rows); its span is taken once it has them all.
    if (this.spanTable && section.table) section.table.span = off(this.spanTable);
    if (this.unreadTable) section.unread = off(this.unreadTable);
    section.span = span;
    return section;
  }

  /** Adds a table's rows to the section as entries, or notes the table as unread when its columns are not the section's. */
  protected addTable(table: Table): void {
    const { section, spec } = this;
    const cols = tableColumns(table, spec);
    this.columns = holdsEntries(cols, spec) ? cols : undefined;
    if (!this.columns) {
      if (!section.unread) {
        section.unread = off(table);
        this.unreadTable = table;
      }
      return;
    }
    if (!section.table) {
      const columns: (string | undefined)[] = (table.children[0]?.children ?? []).map(() => undefined);
      for (const [name, i] of Object.entries(cols)) columns[i!] = name;
      section.table = { span: off(table), columns };
      this.spanTable = table;
    }
    this.addRows(table.children, 1);
  }

  /** Adds rows of the last table added, from row `first` on (when its columns are the section's). */
  protected addRows(rows: readonly TableRow[], first = 0): void {
    if (!this.columns) return;
    if (this.section.style === 'none') this.section.style = 'table';
    append(this.section.entries, rowEntries(this.text, rows, first, this.columns, this.spec));
  }
}

/**
 * Reads an iteration log: an H3 starts an entry, which runs to the next H3 or entry table; a table of entries adds
 * its rows; a list outside any entry is not read. With `kept` (an editor's session), entries are kept by heading
 * node for the next lint.
 */
export class HeadingSectionReader extends EntrySectionReader {
  private pending: { heading: Heading; content: RootContent[] } | undefined;
  /** The last table went into the pending entry's content (which reads no tables), not the section's rows. */
  private tableInEntry = false;

  constructor(
    text: string,
    anchor: Span,
    spec: EntrySpec,
    private readonly kept?: ParseSession['entries'],
  ) {
    super(text, anchor, spec);
  }

  add(node: RootContent): void {
    this.tableInEntry = false;
    if (node.type === 'heading' && node.depth === 3) {
      this.flush();
      this.pending = { heading: node, content: [] };
      return;
    }
    if (this.pending) {
      if (!(node.type === 'table' && holdsEntries(tableColumns(node, this.spec), this.spec))) {
        this.pending.content.push(node);
        this.tableInEntry = node.type === 'table';
        return;
      }
      this.flush();
    }
    if (node.type === 'table') this.addTable(node);
    else if (node.type === 'list') this.section.unread ??= off(node);
  }

  rows(_table: Table, rows: TableRow[]): void {
    // Rows go where their table went: an entry's content reads no tables.
    if (!this.tableInEntry) this.addRows(rows);
  }

  /** The section, its last entry read; `span` is the whole section's. */
  override finish(span: Span): ListSection<unknown> {
    this.flush();
    return super.finish(span);
  }

  private flush(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    this.section.entries.push(headingEntry(this.text, p.heading, p.content, this.spec, this.kept));
    this.section.style = 'headings';
  }
}

/** The entry of an H3 heading and the content below it. */
function headingEntry(
  text: string,
  heading: Heading,
  content: RootContent[],
  spec: EntrySpec,
  kept: ParseSession['entries'] | undefined,
): Entry {
  const base = off(heading).start;
  // Why: a one-shot lint has no next time; a WeakMap entry per heading is costly (81,000 entries: a tenth of the lint).
  const cached = kept?.get(heading);
  if (cached) {
    if (cached.base !== base) {
      shiftEntry(cached.entry, base - cached.base);
      cached.base = base;
    }
    return cached.entry;
  }
  const hs = headingTextSpan(text, heading);
  const raw = text.slice(hs.start, hs.end);
  const entry: Entry = { span: off(heading), anchor: off(heading), style: 'heading' };
  const m = HEADING_DATE.exec(raw);
  if (m) {
    entry.date = { value: m[1]!, span: { start: hs.start, end: hs.start + m[1]!.length }, day: parseIsoDate(m[1]!) };
    const rest = raw.slice(m[1]!.length).replace(/^\s*[:—–-]?\s*/, '');
    if (rest) entry.title = { value: rest, span: { start: hs.end - rest.length, end: hs.end } };
  } else if (raw) {
    entry.title = { value: raw, span: hs };
  }
  for (const node of content) {
    if (node.type === 'table') continue;
    entry.span = { start: entry.span.start, end: off(node).end };
    const paragraphs: Paragraph[] = [];
    if (node.type === 'list') {
      for (const item of node.children) {
        const p = itemParagraph(item);
        if (p) paragraphs.push(p);
      }
    } else if (node.type === 'paragraph') paragraphs.push(node);
    for (const p of paragraphs) {
      for (const l of labelledLines(text, off(p), spec.lang !== undefined)) {
        // Other labels (Note:, Owner:) are the writer's own; the first of each field wins.
        const f = fieldByLabel(spec.fields, l.label);
        if (f && entry[f.name] === undefined && l.value) entry[f.name] = valueOfLabel(text, f, l.value);
      }
    }
  }
  // Why: content with another heading spans blocks, which may change while this heading's block does not.
  if (kept && !content.some((n) => n.type === 'heading')) kept.set(heading, { base, entry });
  return entry;
}

/**
 * Moves an entry by `d`, in place. Why in place: the entries after an edit move on every keystroke; no problem holds
 * an entry's span (the engine copies spans into problems), and the kept blocks' nodes move in place as well.
 */
function shiftEntry(e: Entry, d: number): Entry {
  // Why: an entry's anchor may be one of its fields' spans; each span object moves once.
  const moved: Span[] = [];
  const move = (s: Span) => {
    if (moved.includes(s)) return;
    moved.push(s);
    s.start += d;
    s.end += d;
  };
  move(e.span);
  move(e.anchor);
  for (const k in e) {
    if (k === 'span' || k === 'anchor' || k === 'style') continue;
    const v = e[k] as Located<unknown> | undefined;
    if (v) move(v.span);
  }
  return e;
}

/** Reads a section of entries written as tables or labelled bullets (counterparts, metrics, journey). */
export class BulletSectionReader extends EntrySectionReader {
  constructor(
    text: string,
    anchor: Span,
    private readonly kind: SectionKind,
    spec: EntrySpec,
  ) {
    super(text, anchor, spec);
  }

  add(node: RootContent): void {
    const { text, kind, spec, section } = this;
    const read = BULLETS[kind];
    if (node.type === 'table') this.addTable(node);
    else if (node.type === 'list' && read) {
      if (
        !node.children.some(
          (item) => bulletLead(text, item) ?? (kind === 'metrics' ? plainLead(text, item) : undefined),
        )
      )
        section.unread ??= off(node);
      for (const item of node.children) {
        const lead = bulletLead(text, item) ?? (kind === 'metrics' ? plainLead(text, item) : undefined);
        if (!lead) continue;
        const e: Entry = { span: off(item), anchor: lead.span, style: 'bullet' };
        read(text, lead, e, spec);
        section.entries.push(e);
        section.style = section.style === 'none' ? 'bullets' : section.style;
      }
    }
  }

  rows(_table: Table, rows: TableRow[]): void {
    this.addRows(rows);
  }
}
