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

export const STATUSES = ['draft', 'proposed', 'running', 'scaling', 'closed'] as const;
export const AIMS = ['customer-profitability', 'business-processes', 'strategic-positioning'] as const;
export const SIZES = ['small', 'medium', 'large'] as const;
export const RISKS = ['low', 'medium', 'high'] as const;
export const SOURCES = ['customer', 'internal'] as const;
export const ORDERS = ['first', 'second', 'third'] as const;
export const PERSPECTIVES = ['customer', 'internal'] as const;
/** Well-known aggregates; others are allowed (the spec's list ends with "..."). */
export const AGGREGATES = ['worst', 'max', 'min', 'p99', 'p95', 'p90', 'median', 'average', 'mean', 'total', 'count'] as const;

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

export interface IterationEntry {
  /** The entry: its H3 heading line, its table row, or its YAML list item. */
  span: Span;
  /** Where the entry is named: the H3 heading, the table row, or the item's first key. */
  anchor: Span;
  date?: DateField;
  title?: Located<string>;
  change?: Located<string>;
  feedback?: Located<string>;
  /** Lower-cased in Markdown prose; as written in YAML. */
  source?: Located<string>;
  order?: Located<string>;
}

export interface Counterpart {
  span: Span;
  anchor: Span;
  department?: Located<string>;
  contact?: Located<string>;
  since?: DateField;
  benefit?: Located<string>;
}

export interface Metric {
  span: Span;
  anchor: Span;
  name?: Located<string>;
  perspective?: Located<string>;
  aggregate?: Located<string>;
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
}

export interface PlanModel {
  form: PlanForm;
  kind?: Located<string>;
  title?: Located<string>;
  /** Where something missing from the plan is reported: the `title` line, else the first H1, else line 1. */
  titleAnchor: Span;
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
