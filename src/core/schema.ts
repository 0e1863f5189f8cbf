// The plan schema: every section and field of a testbed plan, defined once. Both readers, validation, the
// key lists, the section order, hover guidance, the writer (fixes, template, snippets) and the docs read it.
// Adding a field: a FieldSpec here, its property on the model type (model.ts), and the rules that use it.

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
}

export interface EntrySpec {
  /** The name of one entry, as unknown-key messages say where a key was found (`iteration`). */
  name: string;
  fields: readonly FieldSpec[];
  /** A Markdown table holds these entries when its header names one of these fields. */
  tableNeeds: readonly string[];
  /** The field an entry is pointed at by, when present (`department`). */
  anchorField?: string;
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
export const AGGREGATES = ['worst', 'max', 'min', 'p99', 'p95', 'p90', 'median', 'average', 'mean', 'total', 'count'] as const;

const text = (name: string, key = name, more: Partial<FieldSpec> = {}): FieldSpec => ({ name, key, type: 'text', ...more });

/** The customer mapping's fields (front matter or YAML `customer:`). */
export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  text('name', 'name', { prompt: "the customer's name" }),
  text('tier', 'tier', {
    initial: 'standard',
    prompt: 'not premier, key or strategic',
    meanings: {
      standard: 'an ordinary account: a good testbed',
      'premier, key, strategic, platinum, ...': 'a premier account: reported by customer-not-premier',
    },
    note: 'Any text is allowed; premier tiers are a red flag for the sales group, so pick a small, new account.',
  }),
  { name: 'size', key: 'size', type: 'enum', values: SIZES, initial: 'small', guidance: "the customer's size; a small account is the better testbed" },
  { name: 'newProcesses', key: 'new-processes', type: 'bool', initial: 'true', prompt: 'are their processes still to be designed?' },
  text('champion', 'champion', { prompt: 'the person on their side eager to innovate, e.g. "Dr. Lee, CEO"' }),
  { name: 'risk', key: 'risk', type: 'enum', values: RISKS, optional: true, guidance: 'how much is at stake with this customer if the testbed goes wrong; a low-risk account is the better testbed' },
];

/** The plan's own keys: the front matter in Markdown, the top level in YAML. */
export const PLAN_FIELDS: readonly FieldSpec[] = [
  { name: 'kind', key: 'kind', type: 'enum', values: ['testbed-plan'], strictCase: true, initial: 'testbed-plan', prompt: '' },
  text('title'),
  text('owner', 'owner', { prompt: 'who runs the testbed day to day' }),
  text('ownerDepartment', 'owner-department', { prompt: 'your department, e.g. sales or customer service' }),
  {
    name: 'status',
    key: 'status',
    type: 'enum',
    values: STATUSES,
    initial: 'draft',
    guidance: 'where the testbed stands; it decides which rules apply and how strictly',
    meanings: {
      draft: 'being written; fewer rules apply',
      proposed: 'waiting for approval',
      running: 'live with the customer; the iteration log must be kept up to date',
      scaling: 'findings are being rolled out; a scale-up plan is required',
      closed: 'finished; a scale-up plan is required',
    },
  },
  { name: 'start', key: 'start', type: 'date', reportInvalid: true, guidance: 'the day the testbed started with the customer (YYYY-MM-DD)' },
  { name: 'review', key: 'review', type: 'date', reportInvalid: true, prompt: 'a testbed needs a year or so before the important findings show' },
  {
    name: 'aims',
    key: 'aims',
    type: 'enum-list',
    values: AIMS,
    initial: '[business-processes]',
    above: [`What the testbed aims at for the customer: any of ${AIMS.join(', ')}.`],
  },
  {
    name: 'customer',
    key: 'customer',
    type: 'text',
    above: [
      'One customer. A small, new account with processes still to be designed and an eager champion fits best;',
      'avoid premier accounts, which raise a red flag for the sales group.',
    ],
  },
];

export const ITERATION_FIELDS: readonly FieldSpec[] = [
  { name: 'date', key: 'date', type: 'date', reportInvalid: false, columns: ['date', 'when'], labels: ['date'], guidance: 'the day the change was made (YYYY-MM-DD), not later than today' },
  text('title', 'title', { columns: ['title', 'iteration', 'summary'] }),
  text('change', 'change', { columns: ['change', 'changes', 'what changed'], labels: ['change', 'changes', 'what changed'], guidance: 'what we now do differently for the customer' }),
  text('feedback', 'feedback', {
    columns: ['feedback', 'customer feedback', 'experience'],
    labels: ['feedback', 'customer feedback', 'experience'],
    guidance: 'what the customer said or experienced that led to the change, or "No feedback this round."',
  }),
  {
    name: 'source',
    key: 'source',
    type: 'enum',
    values: SOURCES,
    columns: ['source'],
    labels: ['source'],
    guidance: 'where the change came from',
    meanings: { customer: "prompted by the customer's feedback or experience", internal: 'started inside the firm' },
  },
  {
    name: 'order',
    key: 'order',
    type: 'enum',
    values: ORDERS,
    columns: ['order'],
    labels: ['order'],
    guidance: 'how deep the change goes; second- and third-order changes matter most',
    meanings: {
      first: 'a change to the offer itself (a feature, a price)',
      second: "a change to a process, in the customer's or our own organisation",
      third: 'a change to how the firm works: planning, structure, incentives',
    },
  },
];

export const COUNTERPART_FIELDS: readonly FieldSpec[] = [
  text('department', 'department', { columns: ['department', 'function', 'team', 'dept', 'dept.'], guidance: 'the department outside sales, such as finance, IT or operations' }),
  text('contact', 'contact', { columns: ['contact', 'name', 'person', 'counterpart'], guidance: 'the person in that department' }),
  {
    name: 'since',
    key: 'since',
    type: 'date',
    reportInvalid: true,
    columns: ['since', 'involved since', 'joined', 'from', 'in since'],
    labels: ['since', 'involved since', 'joined', 'from', 'in since'],
    guidance: 'the day the department became involved; from the start is best',
  },
  text('benefit', 'benefit', {
    columns: ['benefit', 'benefits', 'their benefit', 'benefit to them', 'what they gain'],
    labels: ['benefit', 'benefits'],
    guidance: 'the direct benefit the department gets from the testbed',
  }),
];

export const METRIC_FIELDS: readonly FieldSpec[] = [
  text('name', 'name', { columns: ['metric', 'name', 'measure', 'kpi'] }),
  {
    name: 'perspective',
    key: 'perspective',
    type: 'enum',
    values: PERSPECTIVES,
    columns: ['perspective', 'view'],
    labels: ['perspective'],
    guidance: 'whose view the metric takes',
    meanings: { customer: 'measured as the customer experiences it (outside in)', internal: 'measured inside the firm' },
  },
  {
    name: 'aggregate',
    key: 'aggregate',
    type: 'word',
    values: AGGREGATES,
    columns: ['aggregate', 'aggregation', 'statistic'],
    labels: ['aggregate'],
    guidance: 'how the measurements are summed up; customers remember their worst day, so track the worst case (worst, max, p95)',
  },
  text('moment', 'moment', {
    columns: ['moment', 'moment of truth'],
    labels: ['moment', 'moment of truth'],
    guidance: "the moment of truth on the customer's journey this metric measures",
  }),
];

export const JOURNEY_FIELDS: readonly FieldSpec[] = [
  {
    name: 'stage',
    key: 'stage',
    type: 'enum',
    values: STAGES,
    columns: ['stage', 'step'],
    guidance: "the step of the customer's journey",
    meanings: {
      find: 'the customer finds and chooses the offer',
      access: 'the customer gets hold of it: ordering, delivery, set-up',
      use: 'the customer uses it day to day',
      support: 'the customer gets help when something goes wrong',
    },
  },
  text('moment', 'moment', { columns: ['moment', 'moment of truth'], labels: ['moment'], guidance: 'where the customer meets us and judges the quality' }),
  text('today', 'today', { columns: ['today', 'now', 'current'], labels: ['today', 'now'], guidance: 'what the customer experiences now' }),
  text('target', 'target', { columns: ['target', 'goal'], labels: ['target', 'goal'], guidance: 'what the customer should experience' }),
];

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
      'A regional phone company\'s broadband testbed was killed by finance because no department head saw a direct benefit: bring each department in from the start, finance above all, and say what it gains.',
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

/** The section kinds in their usual order. */
export const SECTION_ORDER: readonly SectionKind[] = SECTIONS.map((s) => s.kind);

/** The section a heading names, matched case-insensitively, ignoring numbering, hyphens and a trailing colon. */
export function sectionOfHeading(heading: string): SectionKind | undefined {
  const n = heading
    .toLowerCase()
    .replace(/^\s*(\d+[.)]?\s+)/, '')
    .replace(/[-‐–—_]/g, ' ')
    .replace(/[:.]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return SECTIONS.find((s) => s.synonyms.includes(n))?.kind;
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
export function valueMeanings(key: string): { values: { value: string; meaning: string }[]; note?: string } | undefined {
  const all = [...PLAN_FIELDS, ...CUSTOMER_FIELDS, ...SECTIONS.flatMap((s) => s.entry?.fields ?? [])];
  const f = all.find((x) => x.key === key && x.meanings);
  if (!f?.meanings) return undefined;
  return { values: Object.entries(f.meanings).map(([value, meaning]) => ({ value, meaning })), note: f.note };
}
