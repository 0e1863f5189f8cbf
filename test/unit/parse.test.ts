import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/parse/index.js';
import { sectionKind } from '../../src/core/parse/markdown.js';
import type { Span } from '../../src/core/types.js';

const EX = join(__dirname, '../../examples');
const at = (text: string, s: Span | undefined) => (s ? text.slice(s.start, s.end) : undefined);

describe('Markdown plans', () => {
  const text = readFileSync(join(EX, 'clean.testbed.md'), 'utf8');
  const doc = parsePlan(text, 'clean.testbed.md');
  const p = doc.plan;

  it('reads the front matter with file offsets', () => {
    expect(doc.syntaxIssues).toEqual([]);
    expect(doc.schemaIssues).toEqual([]);
    expect(p.title?.value).toBe('Vendor-managed inventory with Northside Community Hospital');
    expect(at(text, p.titleAnchor)).toBe('title: Vendor-managed inventory with Northside Community Hospital');
    expect(doc.lines.positionAt(p.status!.span.start)).toEqual({ line: 6, column: 9 });
    expect(p.start?.day).toBeDefined();
    expect(p.aims?.items.map((a) => a.value)).toEqual(['customer-profitability', 'business-processes']);
    expect(p.customer?.newProcesses?.value).toBe(true);
    expect(at(text, p.customer?.champion?.span)).toBe('Dr. Lee, CEO');
  });

  it('reads heading-style iteration entries with labelled bullets', () => {
    const its = p.iterations!;
    expect(its.style).toBe('headings');
    expect(at(text, its.anchor)).toBe('## Iteration log');
    expect(its.entries.map((e) => [e.date?.value, e.title?.value, e.source?.value, e.order?.value])).toEqual([
      ['2025-02-03', 'Weekly replenishment pilot', 'customer', 'first'],
      ['2025-04-14', 'Weekend top-up run', 'customer', 'second'],
      ['2025-09-22', 'Consignment stock for the pharmacy', 'customer', 'third'],
    ]);
    expect(at(text, its.entries[0]!.change?.span)).toBe('we restock ward cabinets weekly from our own counts');
    expect(at(text, its.entries[0]!.date?.span)).toBe('2025-02-03');
  });

  it('reads table-style counterparts and metrics with cell spans', () => {
    const cps = p.counterparts!.entries;
    expect(cps.map((c) => c.department?.value)).toEqual(['Supply chain', 'Finance', 'IT', 'Logistics']);
    expect(at(text, cps[1]!.since?.span)).toBe('2025-01-06');
    expect(at(text, cps[1]!.benefit?.span)).toBe('Cost-to-serve data for the account');
    expect(p.metrics!.entries.map((m) => [m.name?.value, m.perspective?.value, m.aggregate?.value])).toEqual([
      ['Ward stock-outs per month', 'customer', 'worst'],
      ['Time from order to shelf', 'customer', 'p95'],
      ['Cost to serve per ward', 'internal', 'average'],
    ]);
  });

  it('reads prose sections with word counts', () => {
    expect(p.selection!.words).toBeGreaterThan(30);
    expect(p.scaleUp!.text!.value).toMatch(/^Planning: hospital accounts/);
    expect(doc.outline.map((o) => o.kind)).toEqual([
      'selection',
      'iterations',
      'counterparts',
      'journey',
      'metrics',
      'scaleUp',
    ]);
  });

  it('reads table-style iteration logs and labelled-bullet counterparts and metrics', () => {
    const t = [
      '---',
      'kind: testbed-plan',
      'title: T',
      '---',
      '',
      '## Learning log',
      '',
      '| Order | Date | Change | Feedback | Source |',
      '|---|---|---|---|---|',
      '| Second | 2026-02-01 | weekly restock | weekend stock-outs | Customer |',
      '',
      '## Stakeholders',
      '',
      '- **Finance**: Dana Reyes, since 2026-01-10. Benefit: cost-to-serve data',
      '- **IT:** integration lead, involved since 2026-1-5',
      '',
      '## Success measures',
      '',
      '- **Ward stock-outs:** customer, worst; baseline 4',
      '- **Cost**: perspective: internal, aggregate: average',
    ].join('\n');
    const d = parsePlan(t, 'x.md');
    const e = d.plan.iterations!.entries[0]!;
    expect(d.plan.iterations!.style).toBe('table');
    expect([e.date?.value, e.change?.value, e.feedback?.value, e.source?.value, e.order?.value]).toEqual([
      '2026-02-01',
      'weekly restock',
      'weekend stock-outs',
      'customer',
      'second',
    ]);
    const [fin, it2] = d.plan.counterparts!.entries;
    expect([fin!.department?.value, fin!.contact?.value, fin!.since?.value, fin!.benefit?.value]).toEqual([
      'Finance',
      'Dana Reyes',
      '2026-01-10',
      'cost-to-serve data',
    ]);
    expect([it2!.department?.value, it2!.contact?.value, it2!.since?.value, it2!.since?.day]).toEqual([
      'IT',
      'integration lead',
      '2026-1-5',
      undefined,
    ]);
    expect(d.schemaIssues.map((s) => [s.key, s.replacement])).toEqual([['counterparts[1].since', '2026-01-05']]);
    expect(d.plan.metrics!.entries.map((m) => [m.name?.value, m.perspective?.value, m.aggregate?.value])).toEqual([
      ['Ward stock-outs', 'customer', 'worst'],
      ['Cost', 'internal', 'average'],
    ]);
  });

  it('takes the first H1 as the title when the front matter has none', () => {
    const d = parsePlan('---\nkind: testbed-plan\n---\n\n# The *real* title\n', 'x.md');
    expect(d.plan.title?.value).toBe('The real title');
    expect(d.lines.positionAt(d.plan.titleAnchor.start)).toEqual({ line: 5, column: 1 });
  });

  it('matches section headings case-insensitively, with synonyms', () => {
    expect(sectionKind('Why this customer')).toBe('selection');
    expect(sectionKind('2. ITERATIONS:')).toBe('iterations');
    expect(sectionKind('Scale up')).toBe('scaleUp');
    expect(sectionKind('Roll-out')).toBe('scaleUp');
    expect(sectionKind('Departments involved')).toBe('counterparts');
    expect(sectionKind('Next steps')).toBeUndefined();
  });
});

describe('YAML plans', () => {
  const text = readFileSync(join(EX, 'clean.testbed.yaml'), 'utf8');
  const doc = parsePlan(text, 'clean.testbed.yaml');

  it('reads the same model as the Markdown form', () => {
    const md = parsePlan(readFileSync(join(EX, 'clean.testbed.md'), 'utf8'), 'clean.testbed.md').plan;
    const p = doc.plan;
    expect(doc.syntaxIssues).toEqual([]);
    expect(doc.schemaIssues).toEqual([]);
    const shape = (pl: typeof p) => ({
      title: pl.title?.value,
      status: pl.status?.value,
      start: pl.start?.day,
      its: pl.iterations?.entries.map((e) => [
        e.date?.day,
        e.change?.value,
        e.feedback?.value,
        e.source?.value,
        e.order?.value,
      ]),
      cps: pl.counterparts?.entries.map((c) => [c.department?.value, c.since?.day, c.benefit?.value]),
      ms: pl.metrics?.entries.map((m) => [m.name?.value, m.perspective?.value, m.aggregate?.value]),
    });
    expect(shape(p)).toEqual(shape(md));
    expect(p.selection!.words).toBe(md.selection!.words);
    expect(at(text, p.iterations!.anchor)).toBe('iterations');
  });

  it('reports wrong types, bad enums and impossible dates as schema issues at the value', () => {
    const t =
      'kind: testbed-plan\ntitle: [a, b]\nstatus: Running\nstart: 2026-02-30\ncustomer:\n  size: tiny\n  new-processes: yes\naims: strategic-positioning\n';
    const d = parsePlan(t, 'p.yaml');
    expect(d.schemaIssues.map((s) => [s.key, at(t, s.span), s.replacement])).toEqual([
      ['title', '[a, b]', undefined],
      ['status', 'Running', 'running'],
      ['start', '2026-02-30', undefined],
      ['customer.size', 'tiny', undefined],
      ['customer.new-processes', 'yes', 'true'],
      ['aims', 'strategic-positioning', undefined],
    ]);
  });

  it('reports unknown keys with suggestions, and lets x- keys pass', () => {
    const t = 'kind: testbed-plan\nowner_department: x\nx-cost-center: 1\ncustomer:\n  nmae: A\n__proto__: 1\n';
    const d = parsePlan(t, 'p.yaml');
    expect(d.unknownKeys.map((k) => [k.key, k.where, k.suggestion])).toEqual([
      ['owner_department', 'plan', 'owner-department'],
      ['nmae', 'customer', 'name'],
      ['__proto__', 'plan', undefined],
    ]);
    expect(({} as Record<string, unknown>).nmae).toBeUndefined();
  });

  it('keeps reading after a syntax error', () => {
    const t = 'kind: testbed-plan\ntitle: "unclosed\nowner: Sam\n';
    const d = parsePlan(t, 'p.yaml');
    expect(d.syntaxIssues).toHaveLength(1);
    expect(d.lines.positionAt(d.syntaxIssues[0]!.span.start)).toEqual({ line: 2, column: 8 });
    expect(d.plan.kind?.value).toBe('testbed-plan');
  });

  it('reads a plan that is not a mapping as one schema issue', () => {
    const d = parsePlan('- a\n- b\n', 'p.yaml');
    expect(d.schemaIssues.map((s) => s.expected)).toEqual(['a mapping of keys (key: value)']);
  });
});
