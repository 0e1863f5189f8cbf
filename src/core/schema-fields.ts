// The plan schema's fields, section by section (see schema.ts for how they are used).
import { AGGREGATES, AIMS, ORDERS, PERSPECTIVES, RISKS, SIZES, SOURCES, STAGES, STATUSES } from './schema-types.js';
import type { FieldSpec } from './schema-types.js';
import { LANGS } from './lang.js';

const text = (name: string, key = name, more: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  key,
  type: 'text',
  ...more,
});

/** The customer mapping's fields (front matter or YAML `customer:`). */
export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  text('name', 'name', { prompt: "the customer's name" }),
  text('tier', 'tier', {
    prompt: 'the account tier as your firm names it; a testbed avoids premier, key or strategic accounts',
    guidance: 'not premier, key or strategic',
    meanings: {
      standard: 'an ordinary account: a good testbed',
      'premier, key, strategic, platinum, ...': 'a premier account: reported by customer-not-premier',
    },
    note: 'Any text is allowed; premier tiers are a red flag for the sales group, so pick a small, new account.',
  }),
  {
    name: 'size',
    key: 'size',
    type: 'enum',
    values: SIZES,
    guidance: "the customer's size; a small account is the better testbed",
  },
  {
    name: 'newProcesses',
    key: 'new-processes',
    type: 'bool',
    prompt: 'true or false: are their processes still to be designed?',
    guidance: 'are their processes still to be designed?',
  },
  text('champion', 'champion', { prompt: 'the person on their side eager to innovate, e.g. "Dr. Lee, CEO"' }),
  {
    name: 'risk',
    key: 'risk',
    type: 'enum',
    values: RISKS,
    optional: true,
    guidance:
      'how much is at stake with this customer if the testbed goes wrong; a low-risk account is the better testbed',
  },
];

/** The plan's own keys: the front matter in Markdown, the top level in YAML. */
export const PLAN_FIELDS: readonly FieldSpec[] = [
  {
    name: 'kind',
    key: 'kind',
    type: 'enum',
    values: ['testbed-plan'],
    strictCase: true,
    initial: 'testbed-plan',
    prompt: '',
  },
  text('title'),
  {
    name: 'lang',
    key: 'lang',
    type: 'enum',
    values: LANGS,
    strictCase: true,
    optional: true,
    guidance:
      "the language the plan is written in (en, de, fr, es); without it, the config's `language:`, else detected",
  },
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
  {
    name: 'start',
    key: 'start',
    type: 'date',
    reportInvalid: true,
    prompt: 'the day the testbed starts with the customer, YYYY-MM-DD',
    guidance: 'the day the testbed started with the customer (YYYY-MM-DD)',
  },
  {
    name: 'review',
    key: 'review',
    type: 'date',
    reportInvalid: true,
    prompt: 'YYYY-MM-DD; a testbed needs a year or so before the important findings show',
    guidance: 'a testbed needs a year or so before the important findings show',
  },
  {
    name: 'aims',
    key: 'aims',
    type: 'enum-list',
    values: AIMS,
    initial: '[]',
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
  {
    name: 'date',
    key: 'date',
    type: 'date',
    reportInvalid: false,
    columns: ['date', 'when'],
    labels: ['date'],
    guidance: 'the day the change was made (YYYY-MM-DD), not later than today',
  },
  text('title', 'title', { columns: ['title', 'iteration', 'summary'] }),
  text('change', 'change', {
    columns: ['change', 'changes', 'what changed'],
    labels: ['change', 'changes', 'what changed'],
    guidance: 'what we now do differently for the customer',
  }),
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
  text('department', 'department', {
    columns: ['department', 'function', 'team', 'dept', 'dept.'],
    guidance: 'the department outside sales, such as finance, IT or operations',
  }),
  text('contact', 'contact', {
    columns: ['contact', 'name', 'person', 'counterpart'],
    guidance: 'the person in that department',
  }),
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
    meanings: {
      customer: 'measured as the customer experiences it (outside in)',
      internal: 'measured inside the firm',
    },
  },
  {
    name: 'aggregate',
    key: 'aggregate',
    type: 'word',
    values: AGGREGATES,
    columns: ['aggregate', 'aggregation', 'statistic'],
    labels: ['aggregate'],
    guidance:
      'how the measurements are summed up; customers remember their worst day, so track the worst case (worst, max, p95)',
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
  text('moment', 'moment', {
    columns: ['moment', 'moment of truth'],
    labels: ['moment'],
    guidance: 'where the customer meets us and judges the quality',
  }),
  text('today', 'today', {
    columns: ['today', 'now', 'current'],
    labels: ['today', 'now'],
    guidance: 'what the customer experiences now',
  }),
  text('target', 'target', {
    columns: ['target', 'goal'],
    labels: ['target', 'goal'],
    guidance: 'what the customer should experience',
  }),
];
