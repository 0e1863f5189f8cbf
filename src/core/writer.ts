// The one writer of plan text: a section or an entry, in either form (Markdown, YAML) and each entry style
// (H3 heading, table row, bullet, YAML item), with the prompts defined once. Rules' fixes, `init`'s template,
// the editor's commands and the snippets (scripts/generate.mjs) all write through it.
import type { PlanDocument } from './document.js';
import { indentAt, insertLinesAfter } from './edits.js';
import type { EntryBase, ListSection, PlanForm } from './model.js';
import { CUSTOMER_FIELDS, PLAN_FIELDS, sectionSpec, sectionSpecIn, type FieldSpec } from './schema.js';
import type { Lang, PlanWords, SectionKind } from './template-lang.js';
import type { TextEdit } from './types.js';

/** Field values of a new entry, by the schema's field name; undefined or missing: left empty. */
export type EntryValues = Readonly<Record<string, string | undefined>>;

/**
 * The prompts the writer puts where the user has to write. Each starts with TODO, so it counts as a
 * placeholder and the rules keep reporting it until someone replaces it with their own words.
 */
export const PROMPTS = {
  iterationTitle: 'TODO: name the change',
  change: 'TODO: what we now do differently for the customer',
  feedback: 'TODO: what the customer said or experienced that prompted it',
  financeContact: 'TODO: name a contact in finance',
  financeBenefit: 'TODO: what finance gains from the testbed',
  department: 'TODO: name the department',
  contact: 'TODO: name a contact there',
  benefit: 'TODO: what this department gains from the testbed',
  metricName: 'TODO: what the customer experiences, e.g. ward stock-outs per month',
  moment: 'TODO: where the customer meets us, e.g. the nurse opens the ward cabinet',
  journeyToday: 'TODO: what the customer experiences there now',
  journeyTarget: 'TODO: what the customer should experience there',
  /** One paragraph, written over two lines. */
  rationale: [
    'TODO: Why this customer? Say whether it is small or low-risk, whether its processes are new,',
    'who its eager champion is, and why it is not a premier account.',
  ],
  /** One line per topic. */
  scaleUp: [
    'Planning: TODO how will account plans, forecasts and the budget cycle change to include the innovation?',
    'Resource allocation: TODO which budget, people and capacity will move to it, and from where?',
    'Compensation: TODO how will incentives, targets or bonuses reward the people who spread it?',
  ],
} as const;

const normPrompt = (v: string) => v.trim().replace(/\s+/g, ' ').toLowerCase();
/** The single-line prompts, normalised (the multi-line ones are read by their own rules). */
const PROMPT_TEXTS: ReadonlySet<string> = new Set(
  Object.values(PROMPTS)
    .filter((v): v is Extract<(typeof PROMPTS)[keyof typeof PROMPTS], string> => typeof v === 'string')
    .map(normPrompt),
);

/**
 * Whether a value is one of the writer's own prompts, left as a fix, the template or a snippet wrote it. On a
 * draft such a value is a to-do, not a mistake: `--fix` on a fresh draft must not turn a passing plan into a failing one.
 */
export function isWriterPrompt(value: string): boolean {
  return PROMPT_TEXTS.has(normPrompt(value));
}

/** A new iteration entry dated `day`, its words still prompts (a heading gets the title prompt; YAML needs no title). */
export function newIteration(day: string): EntryValues {
  return { date: day, change: PROMPTS.change, feedback: PROMPTS.feedback };
}

/** A new counterpart for `department` (finance by default), involved `since`, its contact and benefit prompts. */
export function newCounterpart(department: string, since: string): EntryValues {
  return { department, contact: PROMPTS.financeContact, since, benefit: PROMPTS.financeBenefit };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const orList = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]!}`;

/** The Markdown label of a field (`Change`) and its table header (`Department`). */
export const labelOf = (f: FieldSpec): string => cap(f.written ?? f.labels?.[0] ?? f.columns?.[0] ?? f.key);
export const headerOf = (f: FieldSpec): string => cap(f.written ?? f.columns?.[0] ?? f.key);

/** The fields of `kind`'s entries, as a plan in `lang` names them (labels, headers). */
export function fieldsOf(kind: SectionKind, lang: Lang = 'en'): readonly FieldSpec[] {
  const e = sectionSpecIn(kind, lang).entry;
  if (!e) throw new RangeError(`${kind} holds no entries`);
  return e.fields;
}

/** The fields a written entry shows: those with a value, and enums (empty, with their allowed words as a hint). */
function shown(kind: SectionKind, values: EntryValues, lang: Lang = 'en'): FieldSpec[] {
  return fieldsOf(kind, lang).filter((f) => values[f.name] !== undefined || f.type === 'enum');
}

// ---------- Markdown

/** One entry in the headings style: `### date — title`, then a labelled line per field. */
export function headingEntryLines(kind: SectionKind, values: EntryValues, lang: Lang = 'en'): string[] {
  const fields = shown(kind, values, lang).filter((f) => f.name !== 'date' && f.name !== 'title');
  // Why: an enum left empty (or an empty snippet tab stop, `${2}`) shows its allowed words as a hint, not a default.
  const hints = fields
    .filter((f) => f.type === 'enum' && (values[f.name] === undefined || /^\$\{\d+\}$/.test(values[f.name]!)))
    .map((f) => `${labelOf(f)}: ${orList(f.values!)}.`);
  return [
    `### ${values.date ?? ''} — ${values.title ?? PROMPTS.iterationTitle}`,
    '',
    ...fields.map((f) => `- ${labelOf(f)}:${values[f.name] ? ` ${values[f.name]}` : ''}`),
    ...(hints.length > 0 ? ['', `<!-- ${hints.join(' ')} -->`] : []),
  ];
}

/** A table's header and separator lines: one column per field of the section. */
export function tableHeaderLines(kind: SectionKind, lang: Lang = 'en'): string[] {
  const fields = fieldsOf(kind, lang);
  return [`| ${fields.map(headerOf).join(' | ')} |`, `|${fields.map(() => '---').join('|')}|`];
}

/** A row's shape: its indentation and whether it starts and ends with a pipe. */
export interface RowShape {
  indent: string;
  leading: boolean;
  trailing: boolean;
}

const FULL_ROW: RowShape = { indent: '', leading: true, trailing: true };

/** A table row for `columns` (each column's field name, or undefined for a column the schema does not know). */
export function tableRow(
  columns: readonly (string | undefined)[],
  values: EntryValues,
  shape: RowShape = FULL_ROW,
): string {
  const cells = columns.map((c) => (c !== undefined ? values[c] : undefined) ?? '');
  let body = cells.map((c) => (c ? ` ${c} ` : '  ')).join('|');
  if (!shape.leading) body = body.trimStart();
  if (!shape.trailing) body = body.trimEnd();
  return shape.indent + (shape.leading ? '|' : '') + body + (shape.trailing ? '|' : '');
}

/** A whole table: header, separator and one row per entry. */
export function tableLines(kind: SectionKind, rows: readonly EntryValues[]): string[] {
  const columns = fieldsOf(kind).map((f) => f.name);
  return [...tableHeaderLines(kind), ...rows.map((r) => tableRow(columns, r))];
}

/** A bullet's text after its label, per section: how people write these entries in prose. */
function bulletBody(kind: SectionKind, v: EntryValues): string {
  switch (kind) {
    case 'counterparts':
      return `${v.contact ?? ''}, since ${v.since ?? ''}. Benefit: ${v.benefit ?? ''}`;
    case 'metrics':
      return [v.perspective, v.aggregate].filter(Boolean).join(', ');
    default:
      return v.moment ?? '';
  }
}

/** The field a bullet is labelled with. */
const bulletLabel = (kind: SectionKind, v: EntryValues) =>
  (kind === 'counterparts' ? v.department : kind === 'metrics' ? v.name : v.stage) ?? '';

// ---------- YAML

/** A YAML scalar for text: plain when safe, else double-quoted (JSON strings are valid YAML). */
export function yamlScalar(text: string): string {
  const t = text.replace(/\r?\n/g, ' ');
  return /^[\p{L}\p{N}][\p{L}\p{N} .,'()&/+-]*$/u.test(t) && !/ #|: /.test(t) ? t : JSON.stringify(t);
}

/** One YAML list item: `prefix` before the first key (`  - `), the other keys aligned below it. */
export function yamlItemLines(kind: SectionKind, values: EntryValues, prefix: string): string[] {
  const keys = ' '.repeat(prefix.length);
  return shown(kind, values).map((f, i) => {
    const v = values[f.name];
    const hint = f.type === 'enum' ? ` # ${orList(f.values!)}` : '';
    const value = v === undefined ? ` ${hint}` : ` ${f.type === 'date' ? v : yamlScalar(v)}${hint}`;
    return `${i === 0 ? prefix : keys}${f.key}:${value}`;
  });
}

// ---------- sections

/** The lines of a whole new section holding `entries` (list sections) or its prompt (text sections). */
export function sectionLines(form: PlanForm, kind: SectionKind, entries: readonly EntryValues[] = []): string[] {
  const s = sectionSpec(kind);
  if (form === 'yaml') {
    if (s.shape === 'rationale') return [`${s.key}:`, '  rationale: >-', ...PROMPTS.rationale.map((l) => `    ${l}`)];
    if (s.shape === 'text') return [`${s.key}: |-`, ...PROMPTS.scaleUp.map((l) => `  ${l}`)];
    return [`${s.key}:`, ...entries.flatMap((e) => yamlItemLines(kind, e, '  - '))];
  }
  const head = [`## ${s.heading}`, ''];
  if (s.shape === 'rationale') return [...head, ...PROMPTS.rationale];
  if (s.shape === 'text') return [...head, ...PROMPTS.scaleUp.map((l) => `- ${l}`)];
  if (kind === 'iterations') return [...head, ...entries.flatMap((e) => headingEntryLines(kind, e))];
  return [...head, ...tableLines(kind, entries)];
}

// ---------- adding an entry to a section that exists

const EMPTY_YAML_VALUE = /^(|~|null|Null|NULL|\[\s*\]|''|"")$/;

/**
 * Edits that add one entry to an existing list section, in the style its entries already have: after the last
 * entry, or, in an empty section, as a row of its (empty) table, else in the section's usual style. Undefined
 * where adding would mean rewriting what the user wrote (a YAML value that is not empty, an unusual bullet).
 */
export function addEntry(
  doc: PlanDocument,
  kind: SectionKind,
  section: ListSection<EntryBase>,
  values: EntryValues,
): TextEdit[] | undefined {
  const last = section.entries[section.entries.length - 1];
  if (last) return afterEntry(doc, kind, section, last, values);
  if (doc.form === 'yaml') return fillYamlList(doc, kind, section, values);
  const table = section.table;
  if (table) return [insertLinesAfter(doc, table.span.end, [tableRow(table.columns, values)])];
  const lines = kind === 'iterations' ? headingEntryLines(kind, values) : tableLines(kind, [values]);
  // Why: at the end of the section, so an introduction written under the heading stays first.
  return [insertLinesAfter(doc, doc.lines.trimSpan(section.span).end, ['', ...lines])];
}

/** A YAML list key with an empty value (nothing, `~`, `null`, `[]`, `''`): the value cleared and a first item added. */
function fillYamlList(
  doc: PlanDocument,
  kind: SectionKind,
  section: ListSection<EntryBase>,
  values: EntryValues,
): TextEdit[] | undefined {
  const v = section.value ?? { start: section.anchor.end, end: section.anchor.end };
  const value = doc.text.slice(v.start, v.end);
  const edits: TextEdit[] = [];
  if (value !== '') {
    const between = doc.text.slice(section.anchor.end, v.start);
    if (!/^[ \t]*:[ \t]*$/.test(between) || !EMPTY_YAML_VALUE.test(value)) return undefined;
    const from = section.anchor.end + between.indexOf(':') + 1;
    edits.push({ span: { start: from, end: v.end }, text: '' });
  }
  edits.push(
    insertLinesAfter(doc, section.span.end, yamlItemLines(kind, values, `${indentAt(doc, section.anchor.start)}  - `)),
  );
  return edits;
}

function afterEntry(
  doc: PlanDocument,
  kind: SectionKind,
  section: ListSection<EntryBase>,
  last: EntryBase,
  values: EntryValues,
): TextEdit[] | undefined {
  const t = doc.text;
  const lineStart = doc.lines.lineStart(doc.lines.positionAt(last.span.start).line);
  const before = t.slice(lineStart, last.span.start);
  const end = doc.lines.trimSpan(last.span).end;
  switch (last.style) {
    case 'yaml': {
      if (!/^[ \t]*-[ \t]+$/.test(before)) return undefined;
      return [insertLinesAfter(doc, end, yamlItemLines(kind, values, before))];
    }
    case 'row': {
      const table = section.table;
      if (!table || last.span.start < table.span.start || last.span.end > table.span.end) return undefined;
      const line = doc.lines.lineText(doc.lines.positionAt(last.span.start).line);
      const trimmed = line.trim();
      const shape = {
        indent: /^[ \t]*/.exec(line)![0],
        leading: trimmed.startsWith('|'),
        trailing: trimmed.endsWith('|'),
      };
      return [insertLinesAfter(doc, end, [tableRow(table.columns, values, shape)])];
    }
    case 'bullet':
      return bulletAfter(doc, kind, section, last, before, values);
    case 'heading':
      return [insertLinesAfter(doc, end, ['', ...headingEntryLines(kind, values)])];
  }
}

/** A new labelled bullet after `last`, with the same marker, indentation and bold label; a loose list stays loose. */
function bulletAfter(
  doc: PlanDocument,
  kind: SectionKind,
  section: ListSection<EntryBase>,
  last: EntryBase,
  before: string,
  values: EntryValues,
): TextEdit[] | undefined {
  const t = doc.text;
  const m = /^([-*+]|\d+[.)])([ \t]+)/.exec(t.slice(last.span.start, last.span.end));
  if (!m || !/^[ \t]*$/.test(before)) return undefined;
  const marker = /^\d/.test(m[1]!) ? `${Number.parseInt(m[1]!, 10) + 1}${m[1]!.slice(-1)}` : m[1]!;
  const wrap = t.slice(last.anchor.start - 2, last.anchor.start);
  const strong = wrap === '**' || wrap === '__' ? wrap : '';
  const colonInside = strong !== '' && t.startsWith(`:${strong}`, last.anchor.end);
  const name = bulletLabel(kind, values);
  const label = strong ? (colonInside ? `${strong}${name}:${strong}` : `${strong}${name}${strong}:`) : `${name}:`;
  const text = `${before}${marker}${m[2]}${label} ${bulletBody(kind, values)}`;
  const prev = section.entries[section.entries.length - 2];
  const loose = prev !== undefined && /\n[ \t]*\r?\n/.test(t.slice(prev.span.end, last.span.start));
  return [insertLinesAfter(doc, doc.lines.trimSpan(last.span).end, loose ? ['', text] : [text])];
}

/** The values of a new entry of `kind` dated `day` (a snippet: SNIPPET_TODAY), with every prompt shown. */
export function newEntry(kind: SectionKind, day: string): EntryValues {
  switch (kind) {
    case 'iterations':
      return { ...newIteration(day), title: PROMPTS.iterationTitle };
    case 'counterparts':
      // Why: which department joins is the writer's answer; one added now joins now (`day`).
      return { department: PROMPTS.department, contact: PROMPTS.contact, since: day, benefit: PROMPTS.benefit };
    case 'journey':
      return { moment: PROMPTS.moment, today: PROMPTS.journeyToday, target: PROMPTS.journeyTarget };
    default:
      return { name: PROMPTS.metricName, moment: PROMPTS.moment };
  }
}

// ---------- front matter (a new plan's keys)

/**
 * The lines of a new plan's keys (front matter or YAML top level): each field's initial value and prompt. Only what
 * is true of every new plan has a value (`kind`, the title given, `status: draft`, `lang:` when not English); every
 * answer the writer has to give, dates included, is the prompt `TODO`, with the guidance in a comment after it.
 */
export function frontMatterLines(title: string, words?: PlanWords): string[] {
  // Why: an optional key (`lang`) is the writer's to add; a new plan does not ask for it.
  return PLAN_FIELDS.filter((f) => !f.optional).flatMap((f) => {
    const above = (words?.above[f.key] ?? f.above ?? []).map((l) => `# ${l}`);
    if (f.key === 'customer')
      return [
        ...above,
        'customer:',
        ...CUSTOMER_FIELDS.filter((c) => !c.optional).map((c) => `  ${keyLine(c, initialOf(c), words)}`),
      ];
    if (f.key === 'title') return [`title: ${yamlScalar(title)}`, ...(words ? [`lang: ${words.lang}`] : [])];
    return [...above, keyLine(f, initialOf(f), words)];
  });
}

/** The prompt every unanswered value starts as: a placeholder, so the rules ask for it until the writer answers. */
export const VALUE_PROMPT = 'TODO';

const initialOf = (f: FieldSpec) => f.initial ?? VALUE_PROMPT;

/** `key: value # prompt`; an enum's prompt is its allowed values. */
export function keyLine(f: FieldSpec, value: string, words?: PlanWords): string {
  const prompt = words?.prompts[f.key] ?? f.prompt ?? (f.type === 'enum' ? orList(f.values!) : '');
  return `${f.key}: ${value}${prompt ? ` # ${prompt}` : ''}`;
}
