// Pure conversions from core results to what the editor shows (0-based ranges, severities, hover targets). No vscode import.
import {
  CUSTOMER_FIELDS,
  entrySnippet,
  PLAN_FIELDS,
  SECTIONS,
  type FieldSpec,
  pointOf,
  sectionGuidanceMarkdown,
  valueGuidanceMarkdown,
  worse,
  VALUE_GUIDANCE,
  type GuidanceOptions,
  type Located,
  type OutlineEntry,
  type PlanDocument,
  type PlanModel,
  type Point,
  type PointState,
  type Problem,
  type SectionKind,
  type Span,
} from '../api/index.js';

/** A 0-based range, end character exclusive: [startLine, startCharacter, endLine, endCharacter]. */
export type Range0 = [number, number, number, number];

export type DiagnosticSeverityName = 'error' | 'warning' | 'information';

export interface DiagnosticData {
  range: Range0;
  severity: DiagnosticSeverityName;
  message: string;
  source: 'testbed-lint';
  code: { value: string; target: string };
  related: { message: string; range: Range0 }[];
}

const SEVERITY: Record<Problem['severity'], DiagnosticSeverityName> = { error: 'error', warning: 'warning', info: 'information' };

/** The editor's view of a problem: 0-based range, mapped severity, rule id linked to its doc. */
export function toDiagnosticData(p: Problem): DiagnosticData {
  return {
    range: [p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1],
    severity: SEVERITY[p.severity],
    message: p.message,
    source: 'testbed-lint',
    code: { value: p.ruleId, target: p.docsUrl },
    related: (p.related ?? []).map((r) => ({ message: r.message, range: [r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1] })),
  };
}

const within = (s: Span, offset: number) => offset >= s.start && offset <= s.end;

/** Hover text at an offset: the guidance of a section heading or key, or the allowed values of an enum value. */
export function hoverAt(doc: PlanDocument, offset: number, guidance: GuidanceOptions = {}): { markdown: string; span: Span } | undefined {
  const section = doc.outline.find((o: OutlineEntry) => o.kind !== undefined && within(o.anchor, offset));
  if (section?.kind) return { markdown: sectionGuidanceMarkdown(doc.plan, section.kind as SectionKind, guidance), span: section.anchor };
  const plan: PlanModel = doc.plan;
  // The `customer:` key (front matter or YAML) is where the customer is chosen: the selection guidance applies.
  if (plan.customer && within(plan.customer.anchor, offset)) return { markdown: sectionGuidanceMarkdown(plan, 'selection', guidance), span: plan.customer.anchor };
  const values: [keyof typeof VALUE_GUIDANCE, Located<string> | undefined][] = [
    ['tier', plan.customer?.tier],
    ['status', plan.status],
    ...(plan.iterations?.entries ?? []).map((e): [keyof typeof VALUE_GUIDANCE, Located<string> | undefined] => ['order', e.order]),
    ...(plan.metrics?.entries ?? []).map((e): [keyof typeof VALUE_GUIDANCE, Located<string> | undefined] => ['perspective', e.perspective]),
    ...(plan.journey?.entries ?? []).map((e): [keyof typeof VALUE_GUIDANCE, Located<string> | undefined] => ['stage', e.stage]),
  ];
  for (const [key, v] of values) if (v && within(v.span, offset)) return { markdown: valueGuidanceMarkdown(key), span: v.span };
  return keyHoverAt(doc, offset);
}

const ENTRY_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = Object.fromEntries(SECTIONS.filter((s) => s.entry).map((s) => [s.key, s.entry!.fields]));

/** A field's guidance for hover: what it holds, its allowed values with their meanings, and a note. */
export function fieldGuidanceMarkdown(f: FieldSpec, name = f.key): string {
  const what = f.guidance ?? f.prompt;
  const lines = [`**${name}**${what ? `: ${what}` : ''}`];
  const meanings = f.meanings ?? {};
  const values = f.type === 'bool' ? ['true', 'false'] : (f.values ?? []);
  if (f.type === 'date') lines.push('', 'A date written YYYY-MM-DD.');
  if (values.length > 0) {
    lines.push('', f.type === 'word' ? 'Well-known values (others are allowed):' : 'Allowed values:', '');
    for (const v of values) lines.push(meanings[v] ? `- \`${v}\`: ${meanings[v]}` : `- \`${v}\``);
  } else if (Object.keys(meanings).length > 0) {
    lines.push('');
    for (const [v, m] of Object.entries(meanings)) lines.push(`- \`${v}\`: ${m}`);
  }
  if (f.note) lines.push('', f.note);
  return lines.join('\n');
}

/**
 * Hover on a key: a YAML key (YAML plan or front matter) or, in a Markdown list section, a label (`- Order:`) or a
 * table header cell. The field is found by its place (the parent mapping, the section), so `name` under `customer`
 * and under `metrics` each show their own guidance.
 */
function keyHoverAt(doc: PlanDocument, offset: number): { markdown: string; span: Span } | undefined {
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl === -1 ? text.length : nl).replace(/\r$/, '');
  const fm = doc.plan.frontMatter?.contentSpan;
  const inYaml = doc.form === 'yaml' || (fm !== undefined && offset >= fm.start && offset <= fm.end);
  if (inYaml) {
    const m = /^(\s*)(-\s+)?([A-Za-z][\w-]*)[ \t]*:/.exec(line);
    if (!m) return undefined;
    const start = lineStart + m[1]!.length + (m[2]?.length ?? 0);
    const span = { start, end: start + m[3]!.length };
    if (!within(span, offset)) return undefined;
    const indent = m[1]!.length + (m[2]?.length ?? 0);
    let fields: readonly FieldSpec[] = PLAN_FIELDS;
    if (indent > 0) {
      const above = text.slice(fm && doc.form !== 'yaml' ? fm.start : 0, lineStart).split('\n').reverse();
      const parent = above.map((l) => /^(\s*)([A-Za-z][\w-]*):\s*(#.*)?\r?$/.exec(l)).find((p) => p && p[1]!.length < indent);
      fields = !parent ? [] : parent[2] === 'customer' ? CUSTOMER_FIELDS : (ENTRY_FIELDS[parent[2]!] ?? []);
    }
    const f = fields.find((x) => x.key === m[3]);
    return f ? { markdown: fieldGuidanceMarkdown(f), span } : undefined;
  }
  const section = doc.outline.find((o) => o.kind !== undefined && within(o.span, offset))?.kind;
  const fields = SECTIONS.find((s) => s.kind === section)?.entry?.fields;
  if (!fields) return undefined;
  const label = /^([ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?)([A-Za-z][A-Za-z -]{0,30}?)(?:\*\*|__)?[ \t]*:/.exec(line);
  if (label) {
    const start = lineStart + label[1]!.length;
    const span = { start, end: start + label[2]!.length };
    const f = fields.find((x) => x.labels?.includes(label[2]!.trim().toLowerCase()));
    return f && within(span, offset) ? { markdown: fieldGuidanceMarkdown(f, label[2]!.trim()), span } : undefined;
  }
  // A table header: a row followed by its separator line.
  const next = nl === -1 ? '' : (text.slice(nl + 1).split('\n')[0] ?? '');
  if (!/^[ \t]*\|/.test(line) || !/^[ \t]*\|?[ \t:|]*-[ \t:|-]*\r?$/.test(next)) return undefined;
  let cellStart = line.lastIndexOf('|', offset - lineStart - 1) + 1;
  let cellEnd = line.indexOf('|', offset - lineStart);
  if (cellStart <= 0 || cellEnd === -1) return undefined;
  const raw = line.slice(cellStart, cellEnd);
  const name = raw.replace(/[*_`]/g, '').trim();
  cellStart += raw.indexOf(raw.trim());
  cellEnd = cellStart + raw.trim().length;
  const f = fields.find((x) => x.columns?.includes(name.toLowerCase().replace(/\s+/g, ' ')));
  return f ? { markdown: fieldGuidanceMarkdown(f, name), span: { start: lineStart + cellStart, end: lineStart + cellEnd } } : undefined;
}

/** The mark of a point's state: ✓ no finding, ℹ notes (info) only, ⚠ a warning, ✗ an error. */
export const MARK: Readonly<Record<PointState, string>> = { pass: '✓', info: 'ℹ', warning: '⚠', error: '✗' };

type Counts = { error: number; warning: number; info: number };

/** Each point's worst state and counts, and the counts of the other rules' findings. */
export function pointFindings(problems: readonly Problem[]): { points: Record<Point, { state: PointState; counts: Counts }>; other: Counts } {
  const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
  const points: Record<Point, { state: PointState; counts: Counts }> = {
    customer: { state: 'pass', counts: zero() },
    iterations: { state: 'pass', counts: zero() },
    counterparts: { state: 'pass', counts: zero() },
  };
  const other = zero();
  for (const p of problems) {
    const point = pointOf(p.ruleId);
    if (!point) {
      other[p.severity]++;
      continue;
    }
    points[point].state = worse(points[point].state, p.severity);
    points[point].counts[p.severity]++;
  }
  return { points, other };
}

/** The three points at a glance for a status bar, each marked by its worst finding (see MARK). */
export function threePoints(problems: readonly Problem[]): string {
  const { points } = pointFindings(problems);
  return `Testbed: customer ${MARK[points.customer.state]} iterations ${MARK[points.iterations.state]} counterparts ${MARK[points.counterparts.state]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 error, 2 warnings", or "no findings". */
export function countsText(c: Counts): string {
  const parts = [c.error ? plural(c.error, 'error', 'errors') : '', c.warning ? plural(c.warning, 'warning', 'warnings') : '', c.info ? plural(c.info, 'note', 'notes') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

/** The status bar's tooltip (Markdown): each point with its mark and counts, the other findings, and the legend. */
export function threePointsTooltip(problems: readonly Problem[], labels: Readonly<Record<Point, string>>): string {
  const { points, other } = pointFindings(problems);
  const lines = ['**Testbed Lint: the three points of this plan**', ''];
  for (const point of ['customer', 'iterations', 'counterparts'] as const) lines.push(`${MARK[points[point].state]} ${labels[point]}: ${countsText(points[point].counts)}  `);
  if (other.error + other.warning + other.info > 0) lines.push(`Other findings: ${countsText(other)}  `);
  lines.push('', `${MARK.pass} no findings · ${MARK.info} notes only · ${MARK.warning} warnings · ${MARK.error} errors. Click for this plan's findings, to go to one.`);
  return lines.join('\n');
}

/**
 * Where and what to insert for a new iteration entry dated `today`, as a snippet (`${1:...}` tab stops), in the
 * style the log already uses and in its direction (newest first or last). The words are the core writer's prompts
 * (`entrySnippet`), the same to-dos the iteration-log fix writes, so an entry left unfilled keeps being reported.
 * Undefined where the log is missing or written as a table or bullets.
 */
export function iterationSnippet(doc: PlanDocument, today: string): { offset: number; snippet: string } | undefined {
  const log = doc.plan.iterations;
  if (!log || (log.style !== 'headings' && log.style !== 'yaml' && log.style !== 'none')) return undefined;
  const eol = doc.eol;
  const entries = log.entries;
  const days = entries.map((e) => e.date?.day).filter((d): d is number => d !== undefined);
  const newestFirst = days.length >= 2 && days[0]! > days[days.length - 1]!;
  const lineStartOf = (offset: number) => doc.text.lastIndexOf('\n', offset - 1) + 1;
  const afterLineOf = (offset: number) => {
    const nl = doc.text.indexOf('\n', Math.max(offset - 1, 0));
    return nl === -1 ? doc.text.length : nl + 1;
  };
  // The writer's lines end with `$0`: here the cursor ends after the entry, where the snippet is inserted.
  const lines = entrySnippet(doc.form, 'iterations', today).filter((l) => l !== '$0');
  if (doc.form === 'yaml') {
    if (log.style === 'none' && entries.length === 0) return undefined;
    const first = entries[0];
    const indent = first ? /^[ \t]*/.exec(doc.text.slice(lineStartOf(first.span.start)))![0] : '  ';
    const snippet = lines.map((l) => indent + l).join(eol) + eol;
    const offset = newestFirst && first ? lineStartOf(first.span.start) : afterLineOf(entries[entries.length - 1]!.span.end);
    return { offset, snippet };
  }
  if (log.style === 'none' && entries.length > 0) return undefined;
  const body = lines.join(eol);
  if (newestFirst && entries[0]) return { offset: lineStartOf(entries[0].span.start), snippet: body + eol + eol };
  // After the section's content: make sure there is a blank line before the new heading.
  let end = log.span.end;
  while (end > log.span.start && /\s/.test(doc.text[end - 1]!)) end--;
  return { offset: end, snippet: eol + eol + body + (end === doc.text.length ? eol : '') };
}
