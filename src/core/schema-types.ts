// The plan schema's vocabulary: the value types, the spec shapes of fields, entries and sections, and the enum
// values the spec defines. schema.ts defines the sections with them, schema-fields.ts the fields.
import type { ReadLang } from './lang.js';

/** The sections of a plan, in their usual order (also where a fix inserts a missing one). */
export type SectionKind = 'selection' | 'iterations' | 'counterparts' | 'journey' | 'metrics' | 'scaleUp';

/**
 * How a value is read and checked.
 * - `text`: any text. `date`: YYYY-MM-DD. `bool`: true/false.
 * - `enum`: one of `values` (reported otherwise; YAML suggests the lower-cased spelling).
 * - `word`: a lower-cased word; `values` are the well-known ones, others are allowed (`aggregate`).
 * - `enum-list`: a YAML list of `values`.
 */
export type ValueType = 'text' | 'date' | 'bool' | 'enum' | 'word' | 'enum-list';

export interface FieldSpec {
  /** The model's property (`newProcesses`). */
  name: string;
  /** The YAML key (`new-processes`). */
  key: string;
  type: ValueType;
  values?: readonly string[];
  /** Markdown table headers that hold the field (lower case; the first is the one the writer uses). */
  columns?: readonly string[];
  /** Markdown labels (`- Change: ...`, lower case). */
  labels?: readonly string[];
  /** Enums only: no lower-cased replacement is offered for a wrong case (`kind`). */
  strictCase?: boolean;
  /** Dates only: whether an invalid date is a plan-schema issue (iteration dates are iteration-dated's). */
  reportInvalid?: boolean;
  /** What the value means, for hover and completion. */
  guidance?: string;
  /** What the allowed values mean, for hover and completion. */
  meanings?: Readonly<Record<string, string>>;
  /** A note shown after the values in hover. */
  note?: string;
  /** The value a new plan starts with (template, snippet); text fields without one start as `TBD`. */
  initial?: string;
  /** A new plan's prompt for the value, as a comment after it (enums: their allowed values). */
  prompt?: string;
  /** Comment lines a new plan shows above the key. */
  above?: readonly string[];
  /** Left out of a new plan (optional detail). */
  optional?: boolean;
  /** A plan in another language: the label and header the writer uses (`änderung`; schema-lang.ts). */
  written?: string;
  /** A plan in another language: its enum words for the values, folded (`kunde` → customer; schema-lang.ts). */
  aliases?: Readonly<Record<string, string>>;
}

export interface EntrySpec {
  /** The name of one entry, as unknown-key messages say where a key was found (`iteration`). */
  name: string;
  fields: readonly FieldSpec[];
  /** A Markdown table holds these entries when its header names one of these fields. */
  tableNeeds: readonly string[];
  /** The field an entry is pointed at by, when present (`department`). */
  anchorField?: string;
  /** Set on the schema of a plan in another language, or any (schema-lang.ts): its labels may have any letters. */
  lang?: Exclude<ReadLang, 'en'>;
}

export interface SectionSpec {
  kind: SectionKind;
  /** The Markdown heading the writer uses. */
  heading: string;
  /** Headings read as this section (normalised: lower case, single spaces, no hyphens). */
  synonyms: readonly string[];
  /** The YAML key. */
  key: string;
  /** `text`: prose (YAML scalar); `rationale`: prose (YAML mapping with `rationale`); `list`: entries. */
  shape: 'text' | 'rationale' | 'list';
  entry?: EntrySpec;
  /** What the framework asks for, in one sentence. */
  asks: string;
  /** Why, in two or three plain sentences. */
  why: string;
}

export const STATUSES = ['draft', 'proposed', 'running', 'scaling', 'closed'] as const;
export const AIMS = ['customer-profitability', 'business-processes', 'strategic-positioning'] as const;
export const SIZES = ['small', 'medium', 'large'] as const;
export const RISKS = ['low', 'medium', 'high'] as const;
export const SOURCES = ['customer', 'internal'] as const;
export const ORDERS = ['first', 'second', 'third'] as const;
export const PERSPECTIVES = ['customer', 'internal'] as const;
export const STAGES = ['find', 'access', 'use', 'support'] as const;
/** Well-known aggregates; others are allowed (the spec's list ends with "..."). */
export const AGGREGATES = [
  'worst',
  'max',
  'min',
  'p99',
  'p95',
  'p90',
  'median',
  'average',
  'mean',
  'total',
  'count',
] as const;
