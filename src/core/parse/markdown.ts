// Reads a Markdown plan (front matter + sections) into the plan model, with spans from the mdast positions.
import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseDocument } from 'yaml';
import { normaliseDateLike, parseIsoDate } from '../dates.js';
import type { OutlineEntry, SchemaIssue, SectionKind, SyntaxIssue, UnknownKeyIssue } from '../document.js';
import {
  ORDERS,
  PERSPECTIVES,
  SOURCES,
  type Counterpart,
  type DateField,
  type IterationEntry,
  type ListSection,
  type Located,
  type Metric,
  type PlanModel,
  type TextSection,
} from '../model.js';
import type { LineIndex } from '../positions.js';
import type { Span } from '../types.js';
import { BlockCache, findFrontMatter } from './blocks.js';
import { YAML_OPTIONS, yamlSyntaxIssues } from './yaml-errors.js';
import { countWords, readYamlPlan } from './yaml-model.js';


const SECTION_NAMES: Record<SectionKind, string[]> = {
  selection: ['customer selection', 'choosing the customer', 'testbed customer', 'why this customer'],
  iterations: ['iteration log', 'iterations', 'change log', 'changelog', 'learning log'],
  counterparts: ['counterparts', 'departments involved', 'stakeholders'],
  metrics: ['metrics', 'success measures', 'measures'],
  scaleUp: ['scale up', 'scaling', 'rollout', 'roll out'],
};

/** The section a heading names, matched case-insensitively, ignoring numbering, hyphens and a trailing colon. */
export function sectionKind(heading: string): SectionKind | undefined {
  const n = heading
    .toLowerCase()
    .replace(/^\s*(\d+[.)]?\s+)/, '')
    .replace(/[-‐–—_]/g, ' ')
    .replace(/[:.]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [kind, names] of Object.entries(SECTION_NAMES) as [SectionKind, string[]][]) {
    if (names.includes(n)) return kind;
  }
  return undefined;
}

export interface MarkdownReadResult {
  mdast: Root;
  syntaxIssues: SyntaxIssue[];
  schemaIssues: SchemaIssue[];
  unknownKeys: UnknownKeyIssue[];
  outline: OutlineEntry[];
  /** Offset and text of the front matter's YAML, for directive scanning. */
  frontMatterYaml?: { start: number; end: number };
}

export function readMarkdownPlan(text: string, lines: LineIndex, plan: PlanModel, cache: BlockCache = new BlockCache()): MarkdownReadResult {
  const fm = findFrontMatter(text);
  let bodyStart = 0;
  const syntaxIssues: SyntaxIssue[] = [];
  const schemaIssues: SchemaIssue[] = [];
  const unknownKeys: UnknownKeyIssue[] = [];
  let frontMatterYaml: MarkdownReadResult['frontMatterYaml'];
  if (fm) {
    const { start: contentStart, end: contentEnd } = fm.content;
    const yamlText = text.slice(contentStart, contentEnd);
    plan.frontMatter = { span: fm.span, contentSpan: fm.content };
    frontMatterYaml = { start: contentStart, end: contentEnd };
    const doc = parseDocument(yamlText, YAML_OPTIONS);
    syntaxIssues.push(...yamlSyntaxIssues(doc, contentStart, yamlText));
    const r = readYamlPlan(doc, text, contentStart, plan, 'front-matter');
    schemaIssues.push(...r.schemaIssues);
    unknownKeys.push(...r.unknownKeys);
    const nl = text.indexOf('\n', fm.span.end);
    bodyStart = nl === -1 ? text.length : nl + 1;
  } else if (/^---[ \t]*\r?\n/.test(text)) {
    syntaxIssues.push({ span: lines.lineSpan(1), detail: 'the front matter opened on line 1 has no closing `---` line' });
  }
  const mdast = cache.parse(text, bodyStart, (o) => lines.positionAt(o).line);
  for (const u of cache.unreadable) {
    const line = lines.positionAt(u.start).line;
    syntaxIssues.push({ span: lines.trimSpan(lines.lineSpan(line)), detail: 'this part is nested too deeply to read', kind: 'markdown' });
  }
  const out: MarkdownReadResult = { mdast, syntaxIssues, schemaIssues, unknownKeys, outline: [], frontMatterYaml };
  const children = mdast.children;

  // Split the body into H2 sections; the first H1 is the title when the front matter has none.
  interface Sec {
    heading: Heading;
    nodes: RootContent[];
  }
  const sections: Sec[] = [];
  let current: Sec | undefined;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 1) {
        if (!plan.title) {
          const t = toString(node).trim();
          if (t) {
            plan.title = { value: t, span: headingTextSpan(text, node) };
            plan.titleAnchor = off(node);
          }
        }
        current = undefined;
        continue;
      }
      current = { heading: node, nodes: [] };
      sections.push(current);
      continue;
    }
    current?.nodes.push(node);
  }

  for (const sec of sections) {
    const name = toString(sec.heading).trim();
    const kind = sectionKind(name);
    const anchor = off(sec.heading);
    const last = sec.nodes[sec.nodes.length - 1];
    const span = { start: anchor.start, end: last ? off(last).end : anchor.end };
    out.outline.push({ kind, name, anchor, span });
    if (!kind) continue;
    try {
      switch (kind) {
        case 'selection':
          plan.selection ??= textSection(sec.nodes, anchor, span);
          break;
        case 'scaleUp':
          plan.scaleUp ??= textSection(sec.nodes, anchor, span);
          break;
        case 'iterations':
          plan.iterations ??= iterationSection(text, sec.nodes, anchor, span);
          break;
        case 'counterparts':
          plan.counterparts ??= counterpartSection(text, sec.nodes, anchor, span);
          break;
        case 'metrics':
          plan.metrics ??= metricSection(text, sec.nodes, anchor, span);
          break;
      }
    } catch (error) {
      // Why: reading a section's text recurses per nesting level; a section nested thousands deep is reported, not fatal.
      if (!(error instanceof RangeError)) throw error;
      out.syntaxIssues.push({ span: anchor, detail: 'this section is nested too deeply to read', kind: 'markdown' });
    }
  }
  validateBody(text, plan, out.schemaIssues);
  return out;
}

/** Values read from Markdown prose get the same checks as YAML values (iteration dates excepted: iteration-dated owns them). */
function validateBody(text: string, plan: PlanModel, issues: SchemaIssue[]): void {
  const check = (v: Located<string> | undefined, key: string, allowed: readonly string[]) => {
    if (v && !allowed.includes(v.value)) {
      issues.push({ span: v.span, key, expected: `one of ${allowed.join(', ')}`, actual: text.slice(v.span.start, v.span.end) });
    }
  };
  plan.iterations?.entries.forEach((e, i) => {
    check(e.source, `iterations[${i}].source`, SOURCES);
    check(e.order, `iterations[${i}].order`, ORDERS);
  });
  plan.counterparts?.entries.forEach((c, i) => {
    if (c.since && c.since.day === undefined) {
      issues.push({
        span: c.since.span,
        key: `counterparts[${i}].since`,
        expected: 'a real calendar date (YYYY-MM-DD)',
        actual: c.since.value,
        replacement: normaliseDateLike(c.since.value),
      });
    }
  });
  plan.metrics?.entries.forEach((m, i) => check(m.perspective, `metrics[${i}].perspective`, PERSPECTIVES));
  issues.sort((a, b) => a.span.start - b.span.start);
}

function off(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function headingTextSpan(text: string, h: Heading): Span {
  const s = off(h);
  const raw = text.slice(s.start, s.end);
  const m = /^#{1,6}[ \t]*/.exec(raw);
  const start = s.start + (m ? m[0].length : 0);
  let end = s.end;
  while (end > start && /[\s#]/.test(text[end - 1]!)) end--;
  return { start, end: Math.max(start, end) };
}

function trimmed(text: string, span: Span, chars = /[\s|]/): Span {
  let { start, end } = span;
  while (start < end && chars.test(text[start]!)) start++;
  while (end > start && chars.test(text[end - 1]!)) end--;
  return { start, end };
}

function textSection(nodes: RootContent[], anchor: Span, span: Span): TextSection {
  const content = nodes.filter((n) => n.type !== 'html');
  if (content.length === 0) return { anchor, span, words: 0 };
  const value = content.map(blockText).join('\n').trim();
  const s = { start: off(content[0]!).start, end: off(content[content.length - 1]!).end };
  return { anchor, span, text: { value, span: s }, words: countWords(value) };
}

/** Plain text of a block, with a line break between list items, table rows and nested blocks. */
function blockText(node: Nodes): string {
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table' || node.type === 'tableRow') {
    return (node.children as Nodes[]).map(blockText).join(node.type === 'tableRow' ? ' ' : '\n');
  }
  return toString(node);
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

/** Plain word of an enum cell or bullet: `**Second**.` -> `second`. */
function enumWord(v: string): string {
  return v
    .replace(/[*_`]/g, '')
    .replace(/[.;,]\s*$/, '')
    .trim()
    .toLowerCase();
}

function located(text: string, span: Span): Located<string> | undefined {
  const t = trimmed(text, span);
  if (t.start >= t.end) return undefined;
  return { value: text.slice(t.start, t.end), span: t };
}

function enumLocated(text: string, span: Span): Located<string> | undefined {
  const l = located(text, span);
  if (!l) return undefined;
  return { value: enumWord(l.value), span: l.span };
}

function dateLocated(text: string, span: Span): DateField | undefined {
  const l = located(text, span);
  if (!l) return undefined;
  const v = l.value.replace(/[*_`]/g, '').trim();
  return { value: v, span: l.span, day: parseIsoDate(v) };
}

// ---------- labelled lines: "- Change: ...", "**Feedback:** ...", "Source: customer"

const LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z -]{0,30}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*/;

interface Labelled {
  label: string;
  value: Located<string> | undefined;
  lineSpan: Span;
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
      const vs = { start: pos + m[0].length, end: nl };
      res.push({ label: m[1]!.trim().toLowerCase(), value: located(text, vs), lineSpan: { start: pos, end: nl } });
    } else if (res.length > 0) {
      const prev = res[res.length - 1]!;
      const ext = { start: prev.value?.span.start ?? pos, end: nl };
      prev.value = located(text, ext);
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

type Columns<K extends string> = Partial<Record<K, number>>;

function tableColumns<K extends string>(table: Table, names: Record<K, string[]>): Columns<K> {
  const header = table.children[0];
  const cols: Columns<K> = {};
  if (!header) return cols;
  header.children.forEach((cell, i) => {
    const h = toString(cell).trim().toLowerCase().replace(/\s+/g, ' ');
    for (const [key, list] of Object.entries(names) as [K, string[]][]) {
      if (cols[key] === undefined && list.includes(h)) {
        cols[key] = i;
        break;
      }
    }
  });
  return cols;
}

/** Records the first table a section was read from, with the model field of each column. */
function noteTable<K extends string>(section: ListSection<unknown>, table: Table, cols: Columns<K>): void {
  if (section.table) return;
  const columns: (string | undefined)[] = (table.children[0]?.children ?? []).map(() => undefined);
  for (const [key, i] of Object.entries(cols) as [K, number][]) columns[i] = key;
  section.table = { span: off(table), columns };
}

function cellSpan(cell: TableCell | undefined): Span | undefined {
  return cell ? off(cell) : undefined;
}

// ---------- iteration log

const ITERATION_COLUMNS = {
  date: ['date', 'when'],
  title: ['title', 'iteration', 'summary'],
  change: ['change', 'changes', 'what changed'],
  feedback: ['feedback', 'customer feedback', 'experience'],
  source: ['source'],
  order: ['order'],
};

const HEADING_DATE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})(?=$|[\s:—–-])/;

function isIterationTable(node: RootContent): node is Table {
  if (node.type !== 'table') return false;
  const cols = tableColumns(node, ITERATION_COLUMNS);
  return cols.date !== undefined || cols.change !== undefined;
}

function iterationSection(text: string, nodes: RootContent[], anchor: Span, span: Span): ListSection<IterationEntry> {
  const section: ListSection<IterationEntry> = { anchor, span, entries: [], style: 'none' };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading' && node.depth === 3) {
      // The entry's content runs to the next H3 or iteration table.
      let j = i + 1;
      while (j < nodes.length && !(nodes[j]!.type === 'heading' && (nodes[j] as Heading).depth === 3) && !isIterationTable(nodes[j]!)) j++;
      section.entries.push(headingEntry(text, node, nodes.slice(i + 1, j)));
      section.style = 'headings';
      i = j - 1;
      continue;
    }
    if (node.type === 'table') {
      const cols = tableColumns(node, ITERATION_COLUMNS);
      if (cols.date === undefined && cols.change === undefined) continue;
      section.style = section.style === 'none' ? 'table' : section.style;
      noteTable(section, node, cols);
      for (const row of node.children.slice(1)) {
        const rs = off(row);
        const cell = (k: keyof typeof ITERATION_COLUMNS) => (cols[k] === undefined ? undefined : cellSpan(row.children[cols[k]!]));
        const e: IterationEntry = { span: rs, anchor: rs };
        const d = cell('date');
        if (d) e.date = dateLocated(text, d);
        const t = cell('title');
        if (t) e.title = located(text, t);
        const c = cell('change');
        if (c) e.change = located(text, c);
        const f = cell('feedback');
        if (f) e.feedback = located(text, f);
        const s = cell('source');
        if (s) e.source = enumLocated(text, s);
        const o = cell('order');
        if (o) e.order = enumLocated(text, o);
        section.entries.push(e);
      }
    }
  }
  return section;
}

/**
 * Entries read from headings, by heading node. A block an edit did not touch keeps its node objects
 * (see BlockCache), so its entry is reused, moved by the offset the block moved.
 */
const entryCache = new WeakMap<Heading, { base: number; entry: IterationEntry }>();

/** The entry of an H3 heading and the content below it. */
function headingEntry(text: string, heading: Heading, content: RootContent[]): IterationEntry {
  const base = off(heading).start;
  const cached = entryCache.get(heading);
  if (cached) {
    if (cached.base !== base) {
      cached.entry = shiftEntry(cached.entry, base - cached.base);
      cached.base = base;
    }
    return cached.entry;
  }
  const hs = headingTextSpan(text, heading);
  const raw = text.slice(hs.start, hs.end);
  const entry: IterationEntry = { span: off(heading), anchor: off(heading) };
  const m = HEADING_DATE.exec(raw);
  if (m) {
    const ds = { start: hs.start, end: hs.start + m[1]!.length };
    entry.date = { value: m[1]!, span: ds, day: parseIsoDate(m[1]!) };
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
    for (const p of paragraphs) for (const l of labelledLines(text, off(p))) applyIterationLabel(text, entry, l);
  }
  // Why: content with another heading spans blocks, which may change while this heading's block does not.
  if (!content.some((n) => n.type === 'heading')) entryCache.set(heading, { base, entry });
  return entry;
}

function shiftEntry(e: IterationEntry, d: number): IterationEntry {
  const sp = (s: Span): Span => ({ start: s.start + d, end: s.end + d });
  const loc = <T extends { span: Span }>(v: T | undefined): T | undefined => (v ? { ...v, span: sp(v.span) } : undefined);
  const out: IterationEntry = { span: sp(e.span), anchor: sp(e.anchor) };
  if (e.date) out.date = loc(e.date);
  if (e.title) out.title = loc(e.title);
  if (e.change) out.change = loc(e.change);
  if (e.feedback) out.feedback = loc(e.feedback);
  if (e.source) out.source = loc(e.source);
  if (e.order) out.order = loc(e.order);
  return out;
}

function applyIterationLabel(text: string, e: IterationEntry, l: Labelled): void {
  const v = l.value;
  switch (l.label) {
    case 'change':
    case 'changes':
    case 'what changed':
      e.change ??= v;
      break;
    case 'feedback':
    case 'customer feedback':
    case 'experience':
      e.feedback ??= v;
      break;
    case 'source':
      e.source ??= v && { value: enumWord(v.value), span: v.span };
      break;
    case 'order':
      e.order ??= v && { value: enumWord(v.value), span: v.span };
      break;
    case 'date':
      if (!e.date && v) e.date = dateLocated(text, v.span);
      break;
    default:
    // Empty: other labels (Note:, Owner:) are the writer's own.
  }
}

// ---------- counterparts

const COUNTERPART_COLUMNS = {
  department: ['department', 'function', 'team', 'dept', 'dept.'],
  contact: ['contact', 'name', 'person', 'counterpart'],
  since: ['since', 'involved since', 'joined', 'from'],
  benefit: ['benefit', 'benefits', 'their benefit', 'benefit to them', 'what they gain'],
};

const STRONG_LEAD = /^[ \t]*(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*:?[ \t]*/;
const PLAIN_LEAD = /^[ \t]*([^:*_\n]{1,60}?)[ \t]*:[ \t]*/;

/**
 * A section whose entries are table rows (under a header naming `required`) or labelled bullets: counterparts,
 * metrics. Tables and lists may mix; `style` records the first kind found.
 */
function entrySection<T, K extends string>(
  nodes: RootContent[],
  anchor: Span,
  span: Span,
  columns: Record<K, string[]>,
  required: NoInfer<K>,
  fromRow: (cell: (k: K) => Span | undefined, row: Span) => T,
  fromBullet: (item: ListItem) => T | undefined,
): ListSection<T> {
  const section: ListSection<T> = { anchor, span, entries: [], style: 'none' };
  for (const node of nodes) {
    if (node.type === 'table') {
      const cols = tableColumns(node, columns);
      if (cols[required] === undefined) continue;
      section.style = section.style === 'none' ? 'table' : section.style;
      noteTable(section, node, cols);
      for (const row of node.children.slice(1)) {
        const cell = (k: K) => (cols[k] === undefined ? undefined : cellSpan(row.children[cols[k]!]));
        section.entries.push(fromRow(cell, off(row)));
      }
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const entry = fromBullet(item);
        if (entry) {
          section.entries.push(entry);
          section.style = section.style === 'none' ? 'bullets' : section.style;
        }
      }
    }
  }
  return section;
}

function counterpartSection(text: string, nodes: RootContent[], anchor: Span, span: Span): ListSection<Counterpart> {
  return entrySection(
    nodes,
    anchor,
    span,
    COUNTERPART_COLUMNS,
    'department',
    (cell, rs) => {
      const c: Counterpart = { span: rs, anchor: rs };
      const d = cell('department');
      if (d) c.department = located(text, d);
      if (c.department) c.anchor = c.department.span;
      const ct = cell('contact');
      if (ct) c.contact = located(text, ct);
      const s = cell('since');
      if (s) c.since = dateLocated(text, s);
      const b = cell('benefit');
      if (b) c.benefit = located(text, b);
      return c;
    },
    (item) => counterpartBullet(text, item),
  );
}

/** `- **Finance**: Dana Reyes, since 2026-01-10. Benefit: cost-to-serve data` */
function counterpartBullet(text: string, item: ListItem): Counterpart | undefined {
  const p = itemParagraph(item);
  if (!p) return undefined;
  const ps = off(p);
  const raw = text.slice(ps.start, ps.end);
  const m = STRONG_LEAD.exec(raw) ?? PLAIN_LEAD.exec(raw);
  if (!m) return undefined;
  const nameStart = ps.start + m[0].indexOf(m[1]!);
  const dept = m[1]!.replace(/:\s*$/, '').trim();
  const c: Counterpart = { span: off(item), anchor: { start: nameStart, end: nameStart + dept.length } };
  c.department = { value: dept, span: c.anchor };
  const restStart = ps.start + m[0].length;
  const rest = text.slice(restStart, ps.end);
  const benefitM = /\bbenefits?\s*:\s*/i.exec(rest);
  const beforeBenefit = benefitM ? rest.slice(0, benefitM.index) : rest;
  if (benefitM) {
    const bs = restStart + benefitM.index + benefitM[0].length;
    c.benefit = located(text, { start: bs, end: ps.end });
  }
  const sinceM = /\b(?:involved\s+)?since\s+(\S+?)(?=[.,;)]?(?:\s|$))/i.exec(beforeBenefit);
  let contactEnd = beforeBenefit.length;
  if (sinceM) {
    const ds = restStart + sinceM.index + sinceM[0].length - sinceM[1]!.length;
    c.since = dateLocated(text, { start: ds, end: ds + sinceM[1]!.length });
    contactEnd = sinceM.index;
  }
  const contactRaw = trimEndOf(beforeBenefit.slice(0, contactEnd), /[\s,.;(—–-]/);
  if (contactRaw.trim()) {
    const cs = restStart + (contactRaw.length - contactRaw.trimStart().length);
    c.contact = { value: contactRaw.trim(), span: { start: cs, end: restStart + contactRaw.length } };
  }
  return c;
}

// ---------- metrics

const METRIC_COLUMNS = {
  name: ['metric', 'name', 'measure', 'kpi'],
  perspective: ['perspective', 'view'],
  aggregate: ['aggregate', 'aggregation', 'statistic'],
};

function metricSection(text: string, nodes: RootContent[], anchor: Span, span: Span): ListSection<Metric> {
  return entrySection(
    nodes,
    anchor,
    span,
    METRIC_COLUMNS,
    'name',
    (cell, rs) => {
      const x: Metric = { span: rs, anchor: rs };
      const n = cell('name');
      if (n) x.name = located(text, n);
      if (x.name) x.anchor = x.name.span;
      const p = cell('perspective');
      if (p) x.perspective = enumLocated(text, p);
      const a = cell('aggregate');
      if (a) x.aggregate = enumLocated(text, a);
      return x;
    },
    (item) => metricBullet(text, item),
  );
}

const METRIC_LABEL = { perspective: /^perspective\s*:\s*/i, aggregate: /^aggregate\s*:\s*/i };

/** `- **Ward stock-outs:** customer, worst; baseline 4` or `- **Ward stock-outs**: perspective: customer, aggregate: worst` */
function metricBullet(text: string, item: ListItem): Metric | undefined {
  const p = itemParagraph(item);
  if (!p) return undefined;
  const ps = off(p);
  const raw = text.slice(ps.start, ps.end);
  const m = STRONG_LEAD.exec(raw) ?? PLAIN_LEAD.exec(raw);
  if (!m) return undefined;
  const name = m[1]!.replace(/:\s*$/, '').trim();
  const nameStart = ps.start + m[0].indexOf(m[1]!);
  const x: Metric = { span: off(item), anchor: { start: nameStart, end: nameStart + name.length } };
  x.name = { value: name, span: x.anchor };
  const restStart = ps.start + m[0].length;
  const rest = text.slice(restStart, ps.end);
  // Segments split on , and ; with their offsets.
  const segs: Located<string>[] = [];
  const re = /[^,;\n]+/g;
  let sm: RegExpExecArray | null;
  while ((sm = re.exec(rest))) {
    const l = located(text, { start: restStart + sm.index, end: restStart + sm.index + sm[0].length });
    if (l) segs.push(l);
  }
  const labelled = (label: 'perspective' | 'aggregate') => {
    for (const s of segs) {
      const lm = METRIC_LABEL[label].exec(s.value);
      if (lm) return { value: enumWord(s.value.slice(lm[0].length)), span: { start: s.span.start + lm[0].length, end: s.span.end } };
    }
    return undefined;
  };
  x.perspective = labelled('perspective');
  x.aggregate = labelled('aggregate');
  if (!x.perspective && !x.aggregate) {
    const [a, b] = segs;
    if (a && (PERSPECTIVES as readonly string[]).includes(enumWord(a.value))) {
      x.perspective = { value: enumWord(a.value), span: a.span };
      if (b && /^[\w-]+$/.test(enumWord(b.value))) x.aggregate = { value: enumWord(b.value), span: b.span };
    }
  }
  return x;
}

// Re-exported for tests that check the enum words the Markdown form accepts.
export const MARKDOWN_ENUMS = { SOURCES, ORDERS, PERSPECTIVES };
