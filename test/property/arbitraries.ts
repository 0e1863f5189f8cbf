// Generators for property tests: a plan's structure (rendered as Markdown and as YAML) and random mutations of its text.
import fc from 'fast-check';
import { expect } from 'vitest';
import { LineIndex, type LintResult, type Problem } from '../../src/api/index.js';

export const TODAY = '2026-06-01';

/** Runs per property (env PROPERTY_RUNS, default 2000). */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
export const FIXED_SEED = 20261123;
/**
 * The seed every property runs with: fixed, so `npm test` and CI meet the same cases on every run. `npm run fuzz`
 * (scripts/fuzz.mjs) sets PROPERTY_SEED to a new random seed on each round; set it by hand to replay one.
 */
export const SEED = process.env.PROPERTY_SEED !== undefined ? Number(process.env.PROPERTY_SEED) : FIXED_SEED;

/** Runs a property with SEED, `runs` runs; a failure prints the seed to replay it with. */
export function check<T>(name: string, arb: fc.Arbitrary<T>, predicate: (v: T) => void, runs = RUNS): void {
  try {
    fc.assert(fc.property(arb, predicate), { seed: SEED, numRuns: Math.max(1, runs) });
  } catch (error) {
    console.log(`property "${name}" failed with seed ${SEED} (replay: PROPERTY_SEED=${SEED})`);
    throw error;
  }
}

// ---------- plan structure

export interface GenIteration {
  date: string;
  title: string;
  change?: string;
  feedback?: string;
  source?: string;
  order?: string;
}

export interface GenCounterpart {
  department: string;
  contact?: string;
  since?: string;
  benefit?: string;
}

export interface GenMetric {
  name: string;
  perspective?: string;
  aggregate?: string;
}

export interface GenPlan {
  kind: boolean;
  title?: string;
  owner?: string;
  ownerDepartment?: string;
  status?: string;
  start?: string;
  review?: string;
  aims?: string[];
  customer?: { name?: string; tier?: string; size?: string; newProcesses?: boolean; champion?: string; risk?: string };
  extraKey?: string;
  selection?: string;
  iterations?: GenIteration[];
  counterparts?: { style: 'table' | 'bullets'; entries: GenCounterpart[] };
  metrics?: { style: 'table' | 'bullets'; entries: GenMetric[] };
  scaleUp?: string;
}

const WORDS = [
  'ward',
  'stock',
  'nurses',
  'weekly',
  'pilot',
  'portal',
  'invoice',
  'buyers',
  'planning',
  'resource',
  'allocation',
  'compensation',
  'pharmacy',
  'orders',
  'delivery',
  'customer',
  'faster',
];
const word = fc.constantFrom(...WORDS);
const phrase = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const name = fc.oneof(phrase(1, 4), fc.constantFrom('TBD', 'TODO', 'xxx', 'Northside Community Hospital', 'Dr Lee'));
const date = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-5') },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const DEPARTMENTS = [
  'Finance',
  'IT',
  'Logistics',
  'Supply chain',
  'Sales',
  'Marketing',
  'Customer support',
  'Controlling',
  'Procurement',
  'Operations',
];

const iteration: fc.Arbitrary<GenIteration> = fc.record(
  {
    date,
    title: phrase(1, 4),
    change: maybe(fc.oneof(phrase(1, 8), fc.constant('TBD'))),
    feedback: maybe(phrase(1, 8)),
    source: maybe(fc.constantFrom('customer', 'internal', 'partner', 'custmer', 'Intrnal')),
    order: maybe(fc.constantFrom('first', 'second', 'third', 'fourth', 'secnd', 'fird', '**thrd**')),
  },
  { requiredKeys: ['date', 'title'] },
);

const counterpart: fc.Arbitrary<GenCounterpart> = fc.record(
  {
    department: fc.constantFrom(...DEPARTMENTS),
    contact: maybe(phrase(1, 3)),
    since: maybe(date),
    benefit: maybe(phrase(1, 6)),
  },
  { requiredKeys: ['department'] },
);

const metric: fc.Arbitrary<GenMetric> = fc.record(
  {
    name: phrase(1, 4),
    perspective: maybe(fc.constantFrom('customer', 'internal')),
    aggregate: maybe(fc.constantFrom('worst', 'p95', 'average', 'total')),
  },
  { requiredKeys: ['name'] },
);

export const planArb: fc.Arbitrary<GenPlan> = fc.record(
  {
    kind: fc.boolean(),
    title: phrase(1, 6),
    owner: phrase(1, 2),
    ownerDepartment: fc.constantFrom(...DEPARTMENTS),
    status: fc.constantFrom('draft', 'proposed', 'running', 'scaling', 'closed', 'Running', 'paused'),
    start: date,
    review: date,
    aims: fc.uniqueArray(
      fc.constantFrom('customer-profitability', 'business-processes', 'strategic-positioning', 'growth'),
      { maxLength: 3 },
    ),
    customer: fc.record({
      name: maybe(name),
      tier: maybe(fc.constantFrom('standard', 'premier', 'Key Account', 'tier 1')),
      size: maybe(fc.constantFrom('small', 'medium', 'large', 'huge')),
      newProcesses: maybe(fc.boolean()),
      champion: maybe(phrase(1, 3)),
      risk: maybe(fc.constantFrom('low', 'medium', 'high')),
    }),
    extraKey: fc.constantFrom('onwer', 'x-team', 'stauts', 'budget'),
    selection: phrase(0, 40),
    iterations: fc.array(iteration, { maxLength: 4 }),
    counterparts: fc.record({
      style: fc.constantFrom('table' as const, 'bullets' as const),
      entries: fc.array(counterpart, { maxLength: 4 }),
    }),
    metrics: fc.record({
      style: fc.constantFrom('table' as const, 'bullets' as const),
      entries: fc.array(metric, { maxLength: 3 }),
    }),
    scaleUp: phrase(1, 20),
  },
  { requiredKeys: ['kind'] },
);

function frontMatterLines(p: GenPlan): string[] {
  const out: string[] = [];
  if (p.kind) out.push('kind: testbed-plan');
  if (p.title !== undefined) out.push(`title: ${p.title}`);
  if (p.owner !== undefined) out.push(`owner: ${p.owner}`);
  if (p.ownerDepartment !== undefined) out.push(`owner-department: ${p.ownerDepartment}`);
  if (p.status !== undefined) out.push(`status: ${p.status}`);
  if (p.start !== undefined) out.push(`start: ${p.start}`);
  if (p.review !== undefined) out.push(`review: ${p.review}`);
  if (p.aims !== undefined) out.push(`aims: [${p.aims.join(', ')}]`);
  if (p.customer !== undefined) {
    const c = p.customer;
    out.push('customer:');
    if (c.name !== undefined) out.push(`  name: ${c.name}`);
    if (c.tier !== undefined) out.push(`  tier: ${c.tier}`);
    if (c.size !== undefined) out.push(`  size: ${c.size}`);
    if (c.newProcesses !== undefined) out.push(`  new-processes: ${c.newProcesses}`);
    if (c.champion !== undefined) out.push(`  champion: ${c.champion}`);
    if (c.risk !== undefined) out.push(`  risk: ${c.risk}`);
  }
  if (p.extraKey !== undefined) out.push(`${p.extraKey}: something`);
  return out;
}

/** The plan as a Markdown file: front matter, H1, and H2 sections. */
export function toMarkdown(p: GenPlan): string {
  const out = ['---', ...frontMatterLines(p), '---', ''];
  if (p.title !== undefined) out.push(`# ${p.title}`, '');
  if (p.selection !== undefined) out.push('## Customer selection', '', ...(p.selection ? [p.selection, ''] : []));
  if (p.iterations !== undefined) {
    out.push('## Iteration log', '');
    for (const it of p.iterations) {
      out.push(`### ${it.date} — ${it.title}`, '');
      if (it.change !== undefined) out.push(`- Change: ${it.change}`);
      if (it.feedback !== undefined) out.push(`- Feedback: ${it.feedback}`);
      if (it.source !== undefined) out.push(`- Source: ${it.source}`);
      if (it.order !== undefined) out.push(`- Order: ${it.order}`);
      out.push('');
    }
  }
  if (p.counterparts !== undefined) {
    out.push('## Counterparts', '');
    const es = p.counterparts.entries;
    if (p.counterparts.style === 'table' && es.length > 0) {
      out.push('| Department | Contact | Since | Benefit |', '|---|---|---|---|');
      for (const c of es) out.push(`| ${c.department} | ${c.contact ?? ''} | ${c.since ?? ''} | ${c.benefit ?? ''} |`);
      out.push('');
    } else if (es.length > 0) {
      for (const c of es) {
        const parts = [c.contact, c.since !== undefined ? `since ${c.since}` : undefined]
          .filter((x) => x !== undefined)
          .join(', ');
        out.push(
          `- **${c.department}**: ${parts}${parts ? '.' : ''}${c.benefit !== undefined ? ` Benefit: ${c.benefit}` : ''}`.trimEnd(),
        );
      }
      out.push('');
    }
  }
  if (p.metrics !== undefined) {
    out.push('## Metrics', '');
    const es = p.metrics.entries;
    if (p.metrics.style === 'table' && es.length > 0) {
      out.push('| Metric | Perspective | Aggregate |', '|---|---|---|');
      for (const m of es) out.push(`| ${m.name} | ${m.perspective ?? ''} | ${m.aggregate ?? ''} |`);
      out.push('');
    } else if (es.length > 0) {
      for (const m of es) {
        const parts = [
          m.perspective !== undefined ? `perspective: ${m.perspective}` : undefined,
          m.aggregate !== undefined ? `aggregate: ${m.aggregate}` : undefined,
        ].filter((x) => x !== undefined);
        out.push(`- **${m.name}**: ${parts.join(', ')}`.trimEnd());
      }
      out.push('');
    }
  }
  if (p.scaleUp !== undefined) out.push('## Scale-up', '', p.scaleUp, '');
  return out.join('\n');
}

/** The same plan as a YAML file. */
export function toYaml(p: GenPlan): string {
  const out = frontMatterLines(p);
  if (p.selection !== undefined) out.push('selection:', ...(p.selection ? [`  rationale: ${p.selection}`] : []));
  if (p.iterations !== undefined) {
    out.push(p.iterations.length ? 'iterations:' : 'iterations: []');
    for (const it of p.iterations) {
      out.push(`  - date: ${it.date}`, `    title: ${it.title}`);
      if (it.change !== undefined) out.push(`    change: ${it.change}`);
      if (it.feedback !== undefined) out.push(`    feedback: ${it.feedback}`);
      if (it.source !== undefined) out.push(`    source: ${it.source}`);
      if (it.order !== undefined) out.push(`    order: ${it.order}`);
    }
  }
  if (p.counterparts !== undefined) {
    out.push(p.counterparts.entries.length ? 'counterparts:' : 'counterparts: []');
    for (const c of p.counterparts.entries) {
      out.push(`  - department: ${c.department}`);
      if (c.contact !== undefined) out.push(`    contact: ${c.contact}`);
      if (c.since !== undefined) out.push(`    since: ${c.since}`);
      if (c.benefit !== undefined) out.push(`    benefit: ${c.benefit}`);
    }
  }
  if (p.metrics !== undefined) {
    out.push(p.metrics.entries.length ? 'metrics:' : 'metrics: []');
    for (const m of p.metrics.entries) {
      out.push(`  - name: ${m.name}`);
      if (m.perspective !== undefined) out.push(`    perspective: ${m.perspective}`);
      if (m.aggregate !== undefined) out.push(`    aggregate: ${m.aggregate}`);
    }
  }
  if (p.scaleUp !== undefined) out.push(`scale-up: ${p.scaleUp}`);
  return out.join('\n') + '\n';
}

// ---------- mutations

const NASTY = [
  '\0',
  '\t',
  '"',
  "'",
  '\u00e9',
  'e\u0301',
  '\u200b',
  '\u202e',
  '\ud83d\ude00',
  '\ud83d',
  '\ude00',
  '\u2028',
  '\r',
  '\ufeff',
  '|',
  '---',
  '## ',
  '- ',
  ':',
  '&a',
  '*a',
  '#',
  '<!--',
  '`',
  '\\',
];

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete' | 'duplicate' | 'indent' | 'dedent' | 'tabs'; line: number }
  | { op: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const, 'dedent' as const, 'tabs' as const),
    line: fc.nat(),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })),
  }),
);

export function mutate(text: string, m: Mutation): string {
  if (m.op === 'truncate') return text.slice(0, m.at % (text.length + 1));
  if (m.op === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const lines = text.split('\n');
  const i = m.line % lines.length;
  switch (m.op) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, lines[i]!);
      break;
    case 'indent':
      lines[i] = '   ' + lines[i];
      break;
    case 'dedent':
      lines[i] = lines[i]!.replace(/^\s+/, '');
      break;
    case 'tabs':
      lines[i] = lines[i]!.replace(/ {2}/g, '\t');
      break;
  }
  return lines.join('\n');
}

export interface Doc {
  text: string;
  filePath: string;
}

/** A generated plan in either form, with 0-4 mutations, then maybe CRLF line endings and a BOM. */
export const docArb: fc.Arbitrary<Doc> = fc
  .record({
    plan: planArb,
    yaml: fc.boolean(),
    mutations: fc.array(mutation, { maxLength: 4 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ plan, yaml, mutations, crlf, bom }) => {
    let text = yaml ? toYaml(plan) : toMarkdown(plan);
    for (const m of mutations) text = mutate(text, m);
    if (crlf) text = text.replace(/\r?\n/g, '\r\n');
    if (bom) text = '\ufeff' + text;
    return { text, filePath: yaml ? 'p.testbed.yaml' : 'p.testbed.md' };
  });

// ---------- checks

/** Every range lies inside the text, start <= end, and the line/column agree with the offsets. */
export function expectValidRanges(text: string, result: Pick<LintResult, 'problems'>): void {
  // Why: positions exclude a leading BOM (editors do not show it); spans count it. A lone CR is a line break, as
  // CommonMark and YAML read it (the core lints it as an LF of the same length).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineIndex(text.slice(bom).replace(/\r(?!\n)/g, '\n'));
  const pos = (o: number) => lines.positionAt(o - bom);
  const inside = (s: { start: number; end: number }) => {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(bom);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(text.length);
  };
  for (const p of result.problems) {
    inside(p.span);
    expect({ line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn }).toEqual({
      line: pos(p.span.start).line,
      column: pos(p.span.start).column,
      endLine: pos(p.span.end).line,
      endColumn: pos(p.span.end).column,
    });
    for (const f of [...(p.fix ? [p.fix] : []), ...(p.suggestions ?? [])]) for (const e of f.edits) inside(e.span);
    for (const r of p.related ?? []) {
      inside(r.span);
      expect([r.line, r.column]).toEqual([pos(r.span.start).line, pos(r.span.start).column]);
    }
  }
}

/** ruleId/messageId multiset; the one message that names the form's own syntax (section vs key) counts as the same finding. */
export const brief = (ps: readonly Problem[]) =>
  ps
    .map(
      (p) =>
        `${p.ruleId}/${p.messageId === 'missingKey' && p.ruleId === 'iteration-log' ? 'missingSection' : p.messageId}`,
    )
    .sort();
