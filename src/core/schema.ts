// The plan schema: every section and field of a testbed plan, defined once. Both readers, validation, the
// key lists, the section order, hover guidance, the writer (fixes, template, snippets) and the docs read it.
// Adding a field: a FieldSpec here, its property on the model type (model.ts), and the rules that use it.

import {
  COUNTERPART_FIELDS,
  CUSTOMER_FIELDS,
  ITERATION_FIELDS,
  JOURNEY_FIELDS,
  METRIC_FIELDS,
  PLAN_FIELDS,
} from './schema-fields.js';
import type { FieldSpec, SectionKind, SectionSpec } from './schema-types.js';
import type { ReadLang } from './lang.js';
import { buildSectionsByLang, knownWords, sectionOfHeadingIn } from './schema-lang.js';

export * from './schema-types.js';
export * from './schema-fields.js';

export const SECTIONS: readonly SectionSpec[] = [
  {
    kind: 'selection',
    heading: 'Customer selection',
    synonyms: ['customer selection', 'choosing the customer', 'testbed customer', 'why this customer'],
    key: 'selection',
    shape: 'rationale',
    asks: 'Say why this customer was chosen: a small or low-risk account, processes still to be designed, and an eager champion.',
    why:
      'A testbed needs room to try things that may fail, so a premier account is the wrong place: it raises a red flag for the sales group. ' +
      'Baxter, the hospital-supply company, picked a small, newly built community hospital: new staff, processes still to be designed, and a young CEO eager to innovate as its champion.',
  },
  {
    kind: 'iterations',
    heading: 'Iteration log',
    synonyms: ['iteration log', 'iterations', 'change log', 'changelog', 'learning log'],
    key: 'iterations',
    shape: 'list',
    entry: { name: 'iteration', fields: ITERATION_FIELDS, tableNeeds: ['date', 'change'] },
    asks: 'Log every change as you go: its date, what changed, and the customer feedback that prompted it.',
    why:
      'A testbed learns by changing the offer in small steps with the customer, not by executing a fixed plan. ' +
      'The important findings take a year or so to show, and the later, second- and third-order changes (to processes and to how the firm works) matter most, ' +
      'so plan the review a year or so out (review-horizon). ' +
      'Write down what the customer said, in their words: a score such as "CSAT 4.2/5" shows how much they liked it, not what they want changed (feedback-qualitative). ' +
      'And if every change is retraining, a new script or coaching for front-line staff, look behind the front line: the real problem often lies with logistics, IT or another back-end function (iteration-front-line-only).',
  },
  {
    kind: 'counterparts',
    heading: 'Counterparts',
    synonyms: ['counterparts', 'departments involved', 'stakeholders'],
    key: 'counterparts',
    shape: 'list',
    entry: { name: 'counterpart', fields: COUNTERPART_FIELDS, tableNeeds: ['department'], anchorField: 'department' },
    asks: 'Name the counterparts from other departments, involved from the start, and the direct benefit each department gets.',
    why:
      'A testbed run by sales alone stalls when it needs finance, IT or operations to change. ' +
      "A regional phone company's broadband testbed was killed by finance because no department head saw a direct benefit: bring each department in from the start, finance above all, and say what it gains.",
  },
  {
    kind: 'journey',
    heading: 'Customer journey',
    synonyms: ['customer journey', 'journey', 'moments of truth'],
    key: 'journey',
    shape: 'list',
    entry: { name: 'journey stage', fields: JOURNEY_FIELDS, tableNeeds: ['stage', 'moment'] },
    asks: "Name the moments of truth on the customer's journey (finding, accessing, using, getting support): what the customer experiences there today, and the target.",
    why:
      'Customers judge a service at the few moments where they meet the firm, its moments of truth: when they find and choose it, get hold of it, use it, and need help. ' +
      'At Baxter it was the nurse opening the ward cabinet and finding what the patients need; for a broadband customer, the day the line is connected and the day it drops. ' +
      'Name them, say what the customer experiences there today and what they should, and tie a customer metric to each (journey-moments), ' +
      'so the testbed measures what the customer experiences there, not what is easy to count, like calls "answered in 30 seconds".',
  },
  {
    kind: 'metrics',
    heading: 'Metrics',
    synonyms: ['metrics', 'success measures', 'measures'],
    key: 'metrics',
    shape: 'list',
    entry: { name: 'metric', fields: METRIC_FIELDS, tableNeeds: ['name'], anchorField: 'name' },
    asks: "Measure from the outside in: at least one metric from the customer's perspective, tracking the worst experience, not only the average.",
    why:
      "Internal metrics such as tickets closed can improve while the customer's experience gets worse. " +
      'Customers remember their worst day, so a p95 or worst-case delivery time says more than an average.',
  },
  {
    kind: 'scaleUp',
    heading: 'Scale-up',
    synonyms: ['scale up', 'scaling', 'rollout', 'roll out'],
    key: 'scale-up',
    shape: 'text',
    asks: 'Say how planning, resource allocation and compensation will change to scale what the testbed found.',
    why:
      "Findings from one customer spread only when the firm's planning, budgets and incentives change with them. " +
      'Without that, a successful testbed stays a one-off pilot.',
  },
];

/** The section of `kind`. */
export function sectionSpec(kind: SectionKind): SectionSpec {
  return SECTIONS.find((s) => s.kind === kind)!;
}

/** The section of `kind` as a plan in `lang` is read and written (its labels and headers in that language). */
export function sectionSpecIn(kind: SectionKind, lang: ReadLang): SectionSpec {
  return SECTIONS_BY_LANG[lang].find((s) => s.kind === kind)!;
}

/** The section kinds in their usual order. */
export const SECTION_ORDER: readonly SectionKind[] = SECTIONS.map((s) => s.kind);

/** The sections as a plan in each language is read: its headings, labels and enum words beside the English ones. */
export const SECTIONS_BY_LANG: Record<ReadLang, readonly SectionSpec[]> = buildSectionsByLang(SECTIONS);

/** Each language's own heading and label words, for detecting a plan's language. */
export const KNOWN_WORDS = knownWords([
  ...SECTIONS.flatMap((s) => [
    ...s.synonyms,
    ...(s.entry?.fields ?? []).flatMap((f) => [...(f.labels ?? []), ...(f.columns ?? [])]),
  ]),
]);

/**
 * The section a heading names, matched case-insensitively, ignoring numbering, hyphens and a trailing colon; in a
 * plan in another language (`lang`) its headings are read too.
 */
export function sectionOfHeading(heading: string, lang: ReadLang = 'en'): SectionKind | undefined {
  const n = heading
    .toLowerCase()
    .replace(/^\s*(\d+[.)]?\s+)/, '')
    .replace(/[-‐–—_]/g, ' ')
    .replace(/[:.]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return SECTIONS.find((s) => s.synonyms.includes(n))?.kind ?? sectionOfHeadingIn(n, lang);
}

/** The section a top-level YAML key holds. */
export function sectionOfKey(key: string): SectionKind | undefined {
  return SECTIONS.find((s) => s.key === key)?.kind;
}

/** The field of `fields` whose YAML key is `key`. */
export function fieldByKey(fields: readonly FieldSpec[], key: string): FieldSpec | undefined {
  return fields.find((f) => f.key === key);
}

/** The field of `fields` a Markdown label names (`what changed` → change). */
export function fieldByLabel(fields: readonly FieldSpec[], label: string): FieldSpec | undefined {
  return fields.find((f) => f.labels?.includes(label));
}

/** The YAML keys of the front matter (Markdown) and of a YAML plan's top level. */
export const FRONT_MATTER_KEYS: readonly string[] = PLAN_FIELDS.map((f) => f.key);
export const YAML_PLAN_KEYS: readonly string[] = [...FRONT_MATTER_KEYS, ...SECTIONS.map((s) => s.key)];
export const CUSTOMER_KEYS: readonly string[] = CUSTOMER_FIELDS.map((f) => f.key);
export const SELECTION_KEYS: readonly string[] = ['rationale'];
const entryKeys = (kind: SectionKind): readonly string[] => sectionSpec(kind).entry!.fields.map((f) => f.key);
export const ITERATION_KEYS = entryKeys('iterations');
export const COUNTERPART_KEYS = entryKeys('counterparts');
export const METRIC_KEYS = entryKeys('metrics');
export const JOURNEY_KEYS = entryKeys('journey');

/** The fields whose allowed values have meanings to show (hover, completion), by YAML key. */
export function valueMeanings(
  key: string,
): { values: { value: string; meaning: string }[]; note?: string } | undefined {
  const all = [...PLAN_FIELDS, ...CUSTOMER_FIELDS, ...SECTIONS.flatMap((s) => s.entry?.fields ?? [])];
  const f = all.find((x) => x.key === key && x.meanings);
  if (!f?.meanings) return undefined;
  return { values: Object.entries(f.meanings).map(([value, meaning]) => ({ value, meaning })), note: f.note };
}
