// The plan model: what rules see. Both forms (Markdown, YAML) parse into it; every field keeps its source span.
import type { Span } from './types.js';

/** A value with the span of its text in the document. */
export interface Located<T> {
  value: T;
  span: Span;
}

/** A date as written, with its day number when it is a real ISO calendar date. */
export interface DateField extends Located<string> {
  /** Days since 1970-01-01; undefined when the text is not a valid YYYY-MM-DD date. */
  day?: number;
}

export type PlanForm = 'markdown' | 'yaml';

export { AGGREGATES, AIMS, ORDERS, PERSPECTIVES, RISKS, SIZES, SOURCES, STAGES, STATUSES } from './schema.js';
import { STATUSES } from './schema.js';

export type Status = (typeof STATUSES)[number];

export interface CustomerModel {
  /** The `customer:` key: where a missing customer field is reported. */
  anchor: Span;
  name?: Located<string>;
  tier?: Located<string>;
  size?: Located<string>;
  newProcesses?: Located<boolean>;
  champion?: Located<string>;
  risk?: Located<string>;
}

/** A section: in Markdown its H2 heading, in YAML its key. */
export interface SectionBase {
  /** The heading (Markdown) or key (YAML): where something missing inside the section is reported. */
  anchor: Span;
  /** The whole section, heading or key included. */
  span: Span;
}

export interface TextSection extends SectionBase {
  /** The section's prose as plain text (Markdown: all content below the heading), if any. */
  text?: Located<string>;
  /** Words in `text`, counted on the plain text. */
  words: number;
}

/** How an entry is written: an H3 heading with labelled lines, a table row, a (labelled) bullet, a YAML list item. */
export type EntryStyle = 'heading' | 'row' | 'bullet' | 'yaml';

/** What every entry of a list section has. */
export interface EntryBase {
  /** The entry: its H3 heading line, its table row, its bullet, or its YAML list item. */
  span: Span;
  /** Where the entry is named: the H3 heading, the table row or its key cell, the bullet's label, the item's first key. */
  anchor: Span;
  style: EntryStyle;
}

export interface IterationEntry extends EntryBase {
  date?: DateField;
  title?: Located<string>;
  change?: Located<string>;
  feedback?: Located<string>;
  /** Lower-cased in Markdown prose; as written in YAML. */
  source?: Located<string>;
  order?: Located<string>;
}

export interface Counterpart extends EntryBase {
  department?: Located<string>;
  contact?: Located<string>;
  since?: DateField;
  benefit?: Located<string>;
}

export interface Metric extends EntryBase {
  name?: Located<string>;
  perspective?: Located<string>;
  aggregate?: Located<string>;
  /** v2: the moment of truth on the customer's journey the metric measures. */
  moment?: Located<string>;
}

/** v2: a moment of truth on the customer's journey. */
export interface JourneyEntry extends EntryBase {
  /** find, access, use or support (lower-cased). */
  stage?: Located<string>;
  moment?: Located<string>;
  /** What the customer experiences now. */
  today?: Located<string>;
  target?: Located<string>;
}

export interface ListSection<T> extends SectionBase {
  entries: T[];
  /** How the entries were written, for fixes that add one more in the same style. */
  style: 'headings' | 'table' | 'bullets' | 'yaml' | 'none';
  /**
   * Markdown: the first table the section's entries were read from. `columns` gives, in the header's
   * order, the model field each column holds (`department`, `since`, ...), or undefined for other columns.
   */
  table?: { span: Span; columns: (string | undefined)[] };
  /** YAML: the span of the key's value as written (empty for nothing), for fixes that fill an empty list. */
  value?: Span;
  /**
   * Markdown: the first list or table in the section from which no entry could be read (a table with no known
   * column, bullets with no label), so a rule reporting an empty section can say which shape it expected.
   */
  unread?: Span;
}

export interface PlanModel {
  form: PlanForm;
  kind?: Located<string>;
  title?: Located<string>;
  /** Where something missing from the plan is reported: the `title` line, else the first H1, else line 1. */
  titleAnchor: Span;
  /** `lang:` as written (en, de, fr, es; others are plan-schema's). */
  lang?: Located<string>;
  owner?: Located<string>;
  ownerDepartment?: Located<string>;
  /** As written; a value outside STATUSES is reported by plan-schema and read as `draft` by other rules. */
  status?: Located<string>;
  start?: DateField;
  review?: DateField;
  aims?: { anchor: Span; items: Located<string>[] };
  customer?: CustomerModel;
  selection?: TextSection;
  iterations?: ListSection<IterationEntry>;
  counterparts?: ListSection<Counterpart>;
  metrics?: ListSection<Metric>;
  journey?: ListSection<JourneyEntry>;
  scaleUp?: TextSection;
  /** Markdown: where the front matter ends (offset after its closing line), for fixes that add keys. */
  frontMatter?: { span: Span; contentSpan: Span };
}

/** The status that rules act on: a valid `status`, else `draft`. */
export function effectiveStatus(plan: PlanModel): Status {
  const v = plan.status?.value;
  return (STATUSES as readonly string[]).includes(v ?? '') ? (v as Status) : 'draft';
}

/** Live means running, scaling or closed. */
export function isLive(plan: PlanModel): boolean {
  const s = effectiveStatus(plan);
  return s === 'running' || s === 'scaling' || s === 'closed';
}
