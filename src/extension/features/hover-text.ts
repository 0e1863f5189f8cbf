// The hover's text at an offset of a plan: the guidance of a section heading or key (a YAML key, a Markdown label or
// table header), or the allowed values of an enum value. Pure: no vscode import.
import {
  CUSTOMER_FIELDS,
  PLAN_FIELDS,
  SECTIONS,
  type FieldSpec,
  sectionGuidanceMarkdown,
  valueGuidanceMarkdown,
  VALUE_GUIDANCE,
  type GuidanceOptions,
  type Located,
  type OutlineEntry,
  type PlanDocument,
  type PlanModel,
  type Span,
} from '../../api/index.js';

const within = (s: Span, offset: number) => offset >= s.start && offset <= s.end;

/** Hover text at an offset: the guidance of a section heading or key, or the allowed values of an enum value. */
export function hoverAt(
  doc: PlanDocument,
  offset: number,
  guidance: GuidanceOptions = {},
): { markdown: string; span: Span } | undefined {
  const section = doc.outline.find((o: OutlineEntry) => o.kind !== undefined && within(o.anchor, offset));
  if (section?.kind)
    return { markdown: sectionGuidanceMarkdown(doc.plan, section.kind, guidance), span: section.anchor };
  const plan: PlanModel = doc.plan;
  // The `customer:` key (front matter or YAML) is where the customer is chosen: the selection guidance applies.
  if (plan.customer && within(plan.customer.anchor, offset))
    return { markdown: sectionGuidanceMarkdown(plan, 'selection', guidance), span: plan.customer.anchor };
  const values: [keyof typeof VALUE_GUIDANCE, Located<string> | undefined][] = [
    ['tier', plan.customer?.tier],
    ['status', plan.status],
    ...(plan.iterations?.entries ?? []).map((e): [keyof typeof VALUE_GUIDANCE, Located<string> | undefined] => [
      'order',
      e.order,
    ]),
    ...(plan.metrics?.entries ?? []).map((e): [keyof typeof VALUE_GUIDANCE, Located<string> | undefined] => [
      'perspective',
      e.perspective,
    ]),
    ...(plan.journey?.entries ?? []).map((e): [keyof typeof VALUE_GUIDANCE, Located<string> | undefined] => [
      'stage',
      e.stage,
    ]),
  ];
  for (const [key, v] of values)
    if (v && within(v.span, offset)) return { markdown: valueGuidanceMarkdown(key), span: v.span };
  return keyHoverAt(doc, offset);
}

const ENTRY_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = Object.fromEntries(
  SECTIONS.filter((s) => s.entry).map((s) => [s.key, s.entry!.fields]),
);

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
      const above = text
        .slice(fm && doc.form !== 'yaml' ? fm.start : 0, lineStart)
        .split('\n')
        .reverse();
      const parent = above
        .map((l) => /^(\s*)([A-Za-z][\w-]*):\s*(#.*)?\r?$/.exec(l))
        .find((p) => p && p[1]!.length < indent);
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
  return f
    ? { markdown: fieldGuidanceMarkdown(f, name), span: { start: lineStart + cellStart, end: lineStart + cellEnd } }
    : undefined;
}
