// Reads the entries of a Markdown list section (table rows, H3 headings with labelled lines, labelled bullets)
// into the plan model, by the fields, columns and labels of the plan schema.
import type { Heading, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseIsoDate } from '../dates.js';
import type { DateField, EntryStyle, ListSection, Located } from '../model.js';
import { COUNTERPART_FIELDS, STAGES, fieldByLabel, type EntrySpec, type FieldSpec, type SectionKind } from '../schema.js';
import type { Span } from '../types.js';
import { wordOf } from './words.js';
import { append } from '../arrays.js';
import { isContinuation } from './pieces.js';

type Entry = Record<string, unknown> & { span: Span; anchor: Span; style: EntryStyle };

export function off(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

export function headingTextSpan(text: string, h: Heading): Span {
  const s = off(h);
  const raw = text.slice(s.start, s.end);
  const m = /^#{1,6}[ \t]*/.exec(raw);
  const start = s.start + (m ? m[0].length : 0);
  let end = s.end;
  while (end > start && /[\s#]/.test(text[end - 1]!)) end--;
  return { start, end: Math.max(start, end) };
}

/** Whether the character at `i` is white space (as `\s` reads it) or a pipe: what a cell's value is trimmed of. */
function spaceOrPipe(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // Why: by code first (most characters are ASCII); a long table trims every cell.
  if (c < 128) return c === 32 || c === 124 || (c >= 9 && c <= 13);
  return /\s/.test(text[i]!);
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && spaceOrPipe(text, start)) start++;
  while (end > start && spaceOrPipe(text, end - 1)) end--;
  return { start, end };
}

/** Lines joined with one space, each trimmed where they meet (linear: no backtracking regex). */
function joinLines(v: string): string {
  const parts = v.split('\n');
  return parts.map((p, i) => (i > 0 ? p.trimStart() : p)).map((p, i, a) => (i < a.length - 1 ? p.trimEnd() : p)).join(' ');
}

/** `s` without the characters matching `chars` at its end (linear). */
function trimEndOf(s: string, chars: RegExp): string {
  let end = s.length;
  while (end > 0 && chars.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function located(text: string, span: Span): Located<string> | undefined {
  const t = trimmed(text, span);
  if (t.start >= t.end) return undefined;
  return { value: text.slice(t.start, t.end), span: t };
}

function dateLocated(text: string, span: Span): DateField | undefined {
  const l = located(text, span);
  if (!l) return undefined;
  const v = l.value.replace(/[*_`]/g, '').trim();
  return { value: v, span: l.span, day: parseIsoDate(v) };
}

/** A field's value from the text at `span`, as its type reads it. */
function valueAt(text: string, f: FieldSpec, span: Span): Located<string> | undefined {
  if (f.type === 'date') return dateLocated(text, span);
  const l = located(text, span);
  return l && (f.type === 'enum' || f.type === 'word') ? { value: wordOf(l.value), span: l.span } : l;
}

/** A field's value from a label's already-read value (a continued label's text is joined across lines). */
function valueOfLabel(text: string, f: FieldSpec, v: Located<string>): Located<string> | undefined {
  if (f.type === 'date') return dateLocated(text, v.span);
  return f.type === 'enum' || f.type === 'word' ? { value: wordOf(v.value), span: v.span } : v;
}

// ---------- labelled lines: "- Change: ...", "**Feedback:** ...", "Source: customer"

const LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z -]{0,30}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*/;

interface Labelled {
  label: string;
  value: Located<string> | undefined;
}

/** Labelled lines within a paragraph's source span; an unlabelled line continues the previous value. */
function labelledLines(text: string, span: Span): Labelled[] {
  const res: Labelled[] = [];
  let pos = span.start;
  while (pos < span.end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > span.end) nl = span.end;
    const line = text.slice(pos, nl);
    const m = LABEL.exec(line);
    if (m) {
      res.push({ label: m[1]!.trim().toLowerCase(), value: located(text, { start: pos + m[0].length, end: nl }) });
    } else if (res.length > 0) {
      const prev = res[res.length - 1]!;
      prev.value = located(text, { start: prev.value?.span.start ?? pos, end: nl });
      if (prev.value) prev.value.value = joinLines(prev.value.value);
    }
    pos = nl + 1;
  }
  return res;
}

function itemParagraph(item: ListItem): Paragraph | undefined {
  const p = item.children[0];
  return p && p.type === 'paragraph' ? p : undefined;
}

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

/**
 * The table a section reader read last: its columns, and the spans taken from it that grow when a continuation of it
 * follows (see isContinuation: a one-shot lint gives a long table in pieces).
 */
export interface OpenTable {
  cols: Partial<Record<string, number>>;
  grow: Span[];
}

/** The entries of a table's rows (a continuation's rows in its table's columns), noting the first table a section was read from. */
function tableEntries(text: string, table: Table, spec: EntrySpec, section: ListSection<unknown>, open: { table?: OpenTable }): Entry[] | undefined {
  const continues = isContinuation(table) ? open.table : undefined;
  if (continues) for (const span of continues.grow) span.end = off(table).end;
  const cols = continues ? continues.cols : tableColumns(table, spec);
  if (!continues) open.table = { cols, grow: [] };
  if (!holdsEntries(cols, spec)) return undefined;
  if (!section.table) {
    const columns: (string | undefined)[] = (table.children[0]?.children ?? []).map(() => undefined);
    for (const [name, i] of Object.entries(cols)) columns[i!] = name;
    section.table = { span: off(table), columns };
    open.table!.grow.push(section.table.span);
  }
  const out: Entry[] = [];
  for (let r = continues ? 0 : 1; r < table.children.length; r++) {
    const row = table.children[r]!;
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

const HEADING_DATE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})(?=$|[\s:—–-])/;

/**
 * Reads a section of entries from its nodes one at a time, in order. Why one at a time: the caller can let each node
 * go once it is read (an iteration log's entry, a piece of a long table), so a long section is never held whole.
 */
abstract class EntrySectionReader {
  readonly section: ListSection<unknown>;
  /** The last table read, which a continuation carries on. */
  protected readonly open: { table?: OpenTable } = {};

  constructor(
    protected readonly text: string,
    anchor: Span,
    protected readonly spec: EntrySpec,
  ) {
    this.section = { anchor, span: anchor, entries: [], style: 'none' };
  }

  abstract add(node: RootContent): void;

  /** The section; `span` is the whole section's. */
  finish(span: Span): ListSection<unknown> {
    this.section.span = span;
    return this.section;
  }
}

/**
 * Reads an iteration log: an H3 starts an entry, which runs to the next H3 or entry table; a table of entries adds
 * its rows; a list outside any entry is not read. With `reuse` (the editor's session), entries are kept by heading
 * node for the next lint (see entryCache).
 */
export class HeadingSectionReader extends EntrySectionReader {
  private pending: { heading: Heading; content: RootContent[] } | undefined;

  constructor(
    text: string,
    anchor: Span,
    spec: EntrySpec,
    private readonly reuse: boolean,
  ) {
    super(text, anchor, spec);
  }

  add(node: RootContent): void {
    if (node.type === 'heading' && node.depth === 3) {
      this.flush();
      this.pending = { heading: node, content: [] };
      return;
    }
    if (this.pending) {
      // A continuation goes where its table went: into the entry's content, or (no entry pending) read as rows.
      if (!(node.type === 'table' && !isContinuation(node) && holdsEntries(tableColumns(node, this.spec), this.spec))) {
        this.pending.content.push(node);
        return;
      }
      this.flush();
    }
    if (node.type === 'table') addTableRows(this.text, node, this.spec, this.section, this.open);
    else if (node.type === 'list') this.section.unread ??= off(node);
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
    this.section.entries.push(headingEntry(this.text, p.heading, p.content, this.spec, this.reuse));
    this.section.style = 'headings';
  }
}

/** An iteration log's section from all its nodes (see HeadingSectionReader). */
export function headingSection(text: string, nodes: RootContent[], anchor: Span, span: Span, spec: EntrySpec, reuse = true): ListSection<unknown> {
  const reader = new HeadingSectionReader(text, anchor, spec, reuse);
  for (const node of nodes) reader.add(node);
  return reader.finish(span);
}

/**
 * Entries read from headings, by heading node. A block an edit did not touch keeps its node objects
 * (see BlockCache), so its entry is reused, moved by the offset the block moved.
 */
const entryCache = new WeakMap<Heading, { base: number; entry: Entry }>();

/** The entry of an H3 heading and the content below it. */
function headingEntry(text: string, heading: Heading, content: RootContent[], spec: EntrySpec, reuse: boolean): Entry {
  const base = off(heading).start;
  // Why: a one-shot lint has no next time; a WeakMap entry per heading is costly (81,000 entries: a tenth of the lint).
  const cached = reuse ? entryCache.get(heading) : undefined;
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
      for (const l of labelledLines(text, off(p))) {
        // Other labels (Note:, Owner:) are the writer's own; the first of each field wins.
        const f = fieldByLabel(spec.fields, l.label);
        if (f && entry[f.name] === undefined && l.value) entry[f.name] = valueOfLabel(text, f, l.value);
      }
    }
  }
  // Why: content with another heading spans blocks, which may change while this heading's block does not.
  if (reuse && !content.some((n) => n.type === 'heading')) entryCache.set(heading, { base, entry });
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

// ---------- counterparts, metrics, journey: table rows or labelled bullets

const STRONG_LEAD = /^[ \t]*(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*:?[ \t]*/;
const PLAIN_LEAD = /^[ \t]*([^:*_\n]{1,60}?)[ \t]*:[ \t]*/;

/** A bullet's lead (`**Finance**:`): its text and span, and where the rest of the paragraph starts. */
interface Lead {
  name: string;
  span: Span;
  restStart: number;
  rest: string;
}

function bulletLead(text: string, item: ListItem): Lead | undefined {
  const p = itemParagraph(item);
  if (!p) return undefined;
  const ps = off(p);
  const raw = text.slice(ps.start, ps.end);
  const m = STRONG_LEAD.exec(raw) ?? PLAIN_LEAD.exec(raw);
  if (!m) return undefined;
  const name = m[1]!.replace(/:\s*$/, '').trim();
  const start = ps.start + m[0].indexOf(m[1]!);
  const restStart = ps.start + m[0].length;
  return { name, span: { start, end: start + name.length }, restStart, rest: text.slice(restStart, ps.end) };
}

/**
 * A section whose entries are table rows (under a header naming a `tableNeeds` field) or labelled bullets.
 * Tables and lists may mix; `style` records the first kind found.
 */
/** Adds a table's rows to the section as entries, or notes the table as unread when its columns are not the section's. */
function addTableRows(text: string, node: Table, spec: EntrySpec, section: ListSection<unknown>, open: { table?: OpenTable }): void {
  const rows = tableEntries(text, node, spec, section, open);
  if (!rows) {
    if (!section.unread && !isContinuation(node)) {
      section.unread = off(node);
      open.table!.grow.push(section.unread);
    }
    return;
  }
  if (section.style === 'none') section.style = 'table';
  append(section.entries, rows);
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
    if (node.type === 'table') addTableRows(text, node, spec, section, this.open);
    else if (node.type === 'list' && read) {
      if (!node.children.some((item) => bulletLead(text, item) ?? (kind === 'metrics' ? plainLead(text, item) : undefined))) section.unread ??= off(node);
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
}

type BulletReader = (text: string, lead: Lead, e: Entry, spec: EntrySpec) => void;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

/** "since 2026-01-10", "joined 2026-01-10", ...: the schema's labels of `since`, longest first. */
const SINCE = new RegExp(
  `\\b(${[...(COUNTERPART_FIELDS.find((f) => f.name === 'since')?.labels ?? [])].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s+(\\S+?)(?=[.,;)]?(?:\\s|$))`,
  'i',
);

/** `- **Finance**: Dana Reyes, since 2026-01-10. Benefit: cost-to-serve data` (also joined/from a date). */
const counterpartBullet: BulletReader = (text, { name, span, restStart, rest }, e) => {
  e.department = { value: name, span };
  const benefitM = /\bbenefits?\s*:\s*/i.exec(rest);
  const beforeBenefit = benefitM ? rest.slice(0, benefitM.index) : rest;
  if (benefitM) e.benefit = located(text, { start: restStart + benefitM.index + benefitM[0].length, end: restStart + rest.length });
  const re = new RegExp(SINCE.source, 'gi');
  let contactEnd = beforeBenefit.length;
  for (let m = re.exec(beforeBenefit); m; m = re.exec(beforeBenefit)) {
    // Why: "since" takes whatever follows (a bad date is reported); the other words count only before a date.
    if (!/since$/i.test(m[1]!) && !/^\d/.test(m[2]!)) continue;
    const ds = restStart + m.index + m[0].length - m[2]!.length;
    e.since = dateLocated(text, { start: ds, end: ds + m[2]!.length });
    contactEnd = m.index;
    break;
  }
  const contactRaw = trimEndOf(beforeBenefit.slice(0, contactEnd), /[\s,.;(—–-]/);
  if (contactRaw.trim()) {
    const cs = restStart + (contactRaw.length - contactRaw.trimStart().length);
    e.contact = { value: contactRaw.trim(), span: { start: cs, end: restStart + contactRaw.length } };
  }
};

/** Segments of `rest` split on , and ; with their offsets. */
function segments(text: string, restStart: number, rest: string): Located<string>[] {
  const segs: Located<string>[] = [];
  const re = /[^,;\n]+/g;
  for (let sm = re.exec(rest); sm; sm = re.exec(rest)) {
    const l = located(text, { start: restStart + sm.index, end: restStart + sm.index + sm[0].length });
    if (l) segs.push(l);
  }
  return segs;
}

/** Labelled segments (`perspective: customer`) for the fields that have labels. */
function labelledSegments(segs: Located<string>[], e: Entry, spec: EntrySpec, skip: readonly string[]): void {
  for (const s of segs) {
    const lm = /^([\p{L} ]+?)\s*:\s*/u.exec(s.value);
    const f = lm && fieldByLabel(spec.fields, lm[1]!.toLowerCase());
    if (!f || skip.includes(f.name) || e[f.name] !== undefined) continue;
    const span = { start: s.span.start + lm![0].length, end: s.span.end };
    const v = s.value.slice(lm![0].length);
    e[f.name] = f.type === 'text' ? { value: v, span } : { value: wordOf(v), span };
  }
}

/**
 * A bullet with no label (`- Ward stock-outs per month (customer, worst)`, `- Ward stock-outs per month`): its first
 * line is the lead, so the metric is read with its name (and, from a closing bracket, its perspective and aggregate).
 */
function plainLead(text: string, item: ListItem): Lead | undefined {
  const p = itemParagraph(item);
  if (!p) return undefined;
  const ps = off(p);
  const nl = text.indexOf('\n', ps.start);
  const end = nl === -1 || nl > ps.end ? ps.end : nl;
  const l = located(text, { start: ps.start, end });
  if (!l) return undefined;
  const name = trimEndOf(l.value, /[\s.;]/);
  return { name, span: { start: l.span.start, end: l.span.start + name.length }, restStart: l.span.start + name.length, rest: '' };
}

/** `Name (customer, worst)`: the name, and the bracket's content with its offset (the bracket must close the lead). */
const BRACKET_TAIL = /^(.*?\S)\s*\(([^()]*)\)$/;

/**
 * `- **Ward stock-outs:** customer, worst; baseline 4`, `- **Ward stock-outs**: perspective: customer, aggregate: worst`,
 * `- Ward stock-outs per month (customer, worst)` or `- Ward stock-outs per month: customer, worst`.
 */
const metricBullet: BulletReader = (text, { name, span, restStart, rest }, e, spec) => {
  // `- **Ward stock-outs** (customer, worst)`: the bracket's content.
  const restBracket = /^(\s*\()([^()]*)\)[\s.;]*$/.exec(rest);
  let segs = restBracket ? segments(text, restStart + restBracket[1]!.length, restBracket[2]!) : segments(text, restStart, rest);
  const bracket = BRACKET_TAIL.exec(name);
  const inner = bracket ? segments(text, span.start + name.length - 1 - bracket[2]!.length, bracket[2]!) : [];
  // Why: only a bracket that holds a perspective, an aggregate or a label is tags; "(ordering)" stays part of the name.
  if (bracket && inner.some((s) => isMetricTag(s.value, spec))) {
    e.name = { value: bracket[1]!, span: { start: span.start, end: span.start + bracket[1]!.length } };
    segs = [...inner, ...segs];
  } else e.name = { value: name, span };
  labelledSegments(segs, e, spec, ['name']);
  const perspectives = spec.fields.find((f) => f.name === 'perspective')!.values!;
  if (!e.perspective && !e.aggregate) {
    const [a, b] = segs;
    if (a && perspectives.includes(wordOf(a.value))) {
      e.perspective = { value: wordOf(a.value), span: a.span };
      if (b && /^[\w-]+$/.test(wordOf(b.value))) e.aggregate = { value: wordOf(b.value), span: b.span };
    } else if (a && b && aggregates(spec).includes(wordOf(a.value)) && perspectives.includes(wordOf(b.value))) {
      // `(p95, customer)`: a well-known aggregate first.
      e.aggregate = { value: wordOf(a.value), span: a.span };
      e.perspective = { value: wordOf(b.value), span: b.span };
    }
  }
};

const aggregates = (spec: EntrySpec): readonly string[] => spec.fields.find((f) => f.name === 'aggregate')?.values ?? [];

/** Whether a bracket's part is a metric's tag: a perspective, a well-known aggregate, or a labelled field. */
function isMetricTag(v: string, spec: EntrySpec): boolean {
  const w = wordOf(v);
  const known = spec.fields.flatMap((f) => (f.name === 'perspective' || f.name === 'aggregate' ? (f.values ?? []) : []));
  const lm = /^([\p{L} ]+?)\s*:/u.exec(v);
  return known.includes(w) || (lm !== null && fieldByLabel(spec.fields, lm[1]!.toLowerCase()) !== undefined);
}

/** `- **Use**: nurse opens the ward cabinet; today: ..., target: ...` (a lead that is no stage is the moment). */
const journeyBullet: BulletReader = (text, { name, span, restStart, rest }, e, spec) => {
  const segs = segments(text, restStart, rest);
  labelledSegments(segs, e, spec, ['stage']);
  if ((STAGES as readonly string[]).includes(wordOf(name))) {
    e.stage = { value: wordOf(name), span };
    const first = segs[0];
    if (e.moment === undefined && first && !/^[\p{L} ]+\s*:/u.test(first.value)) e.moment = first;
  } else e.moment ??= { value: name, span };
};

const BULLETS: Partial<Record<SectionKind, BulletReader>> = { counterparts: counterpartBullet, metrics: metricBullet, journey: journeyBullet };
