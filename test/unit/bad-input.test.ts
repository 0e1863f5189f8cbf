// Bad input to the core: nothing throws, every range lies inside the document, syntax errors are located.
import { describe, expect, it } from 'vitest';
import { fixText, lint, lintDetailed, type Problem } from '../../src/api/index.js';

const TODAY = '2026-06-01';

function sane(text: string, filePath: string): Problem[] {
  const r = lintDetailed(text, { filePath, today: TODAY });
  expect(r.crashes).toEqual([]);
  for (const p of r.problems) {
    expect(p.span.start).toBeGreaterThanOrEqual(0);
    expect(p.span.end).toBeLessThanOrEqual(text.length);
    expect(p.span.start).toBeLessThanOrEqual(p.span.end);
    expect(p.line <= p.endLine).toBe(true);
  }
  return r.problems;
}

const ids = (ps: Problem[]) => [...new Set(ps.map((p) => p.ruleId))].sort();

describe('bad input', () => {
  it('a YAML plan whose top level is not a mapping gets its missing-section fixes as suggestions, never applied', () => {
    // Found by the property test (seed 39372039): after `|` an appended key is part of the block scalar.
    for (const text of ['|', '- a\n', '>\n  folded\n']) {
      const ps = sane(text, 'p.testbed.yaml');
      expect(ps.find((p) => p.ruleId === 'plan-schema')?.message).toMatch(/use a mapping of keys/);
      expect(ps.filter((p) => p.fix)).toEqual([]);
      expect(ps.find((p) => p.ruleId === 'counterparts-listed')?.suggestions?.length).toBe(1);
      expect(fixText(text, { filePath: 'p.testbed.yaml', today: TODAY }).text).toBe(text);
    }
  });

  it('an empty file is a plan with everything missing, reported at line 1', () => {
    for (const f of ['e.testbed.md', 'e.testbed.yaml']) {
      const ps = sane('', f);
      expect(ids(ps)).toContain('customer-named');
      expect(ps.every((p) => p.line === 1 && p.column === 1)).toBe(true);
      expect(ps.some((p) => p.ruleId === 'plan-syntax')).toBe(false);
    }
  });

  it('broken front matter: plan-syntax at the right place, and the other rules still run', () => {
    const t = '---\nkind: testbed-plan\ntitle: Pilot\nstatus: [running\ncustomer:\n  name: TBD\n---\n\n# Pilot\n';
    const ps = sane(t, 'p.testbed.md');
    const syn = ps.filter((p) => p.ruleId === 'plan-syntax');
    expect(syn.length).toBeGreaterThan(0);
    expect(syn[0]!.line).toBeGreaterThanOrEqual(4);
    expect(syn[0]!.line).toBeLessThanOrEqual(7);
    expect(ids(ps)).toEqual(expect.arrayContaining(['counterparts-listed', 'iteration-log']));
  });

  it('broken YAML plan: plan-syntax with line and column, and the keys before it are still read', () => {
    const t = 'kind: testbed-plan\ntitle: Pilot\ncustomer:\n  name: Northside\n tier: key\n';
    const ps = sane(t, 'p.testbed.yaml');
    const syn = ps.find((p) => p.ruleId === 'plan-syntax')!;
    expect([syn.line, syn.column, syn.message]).toEqual([
      5,
      1,
      'YAML syntax error: All mapping items must start at the same column; fix the YAML so the rest of the plan can be read.',
    ]);
    expect(ps.some((p) => p.ruleId === 'customer-named')).toBe(false);
  });

  it('wrong types and impossible dates are plan-schema errors at the value', () => {
    const t = 'kind: testbed-plan\ntitle: Pilot\nstart: 2026-02-30\nreview: 12\n';
    const ps = sane(t, 'p.testbed.yaml').filter((p) => p.ruleId === 'plan-schema');
    expect(ps.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:8 Unexpected value "2026-02-30" for `start`; use a real calendar date (YYYY-MM-DD).',
      '4:9 Unexpected value "12" for `review`; use a real calendar date (YYYY-MM-DD).',
    ]);
  });

  it('NUL bytes, control characters and random binary do not crash', () => {
    const bin = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    for (const f of ['b.testbed.md', 'b.testbed.yaml']) {
      sane(bin, f);
      sane('---\nkind: testbed-plan\0\ntitle: \u0001\u0002\n---\n# \0\n', f);
    }
  });

  it('CRLF line endings give the same positions as LF', () => {
    const lf =
      '---\nkind: testbed-plan\ntitle: Pilot\nstatus: Running\n---\n\n## Iteration log\n\n### 2026-13-01 — x\n\n- Change: y\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const pos = (ps: Problem[]) => ps.map((p) => `${p.ruleId} ${p.line}:${p.column}-${p.endLine}:${p.endColumn}`);
    expect(pos(sane(crlf, 'p.testbed.md'))).toEqual(pos(sane(lf, 'p.testbed.md')));
  });

  it('a YAML alias bomb is bounded', () => {
    const bomb = [
      'kind: testbed-plan',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'title: *e',
    ].join('\n');
    const started = Date.now();
    sane(bomb, 'bomb.testbed.yaml');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('deeply nested lists and block quotes do not overflow the stack', () => {
    const nested =
      '---\nkind: testbed-plan\n---\n## Counterparts\n' +
      Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n') +
      '\n' +
      '>'.repeat(1000) +
      ' deep\n';
    sane(nested, 'n.testbed.md');
  });

  it('a long line and many sections are linted', () => {
    const t =
      '---\nkind: testbed-plan\ntitle: ' +
      'x'.repeat(200_000) +
      '\n---\n' +
      '## Iteration log\n\n### 2026-01-01 — a\n\n- Change: b\n'.repeat(200);
    const ps = sane(t, 'long.testbed.md');
    expect(ps.length).toBeGreaterThan(0);
  });

  it('hostile keys do not pollute objects', () => {
    sane(
      'kind: testbed-plan\n__proto__: {polluted: 1}\nconstructor: 1\nprototype: 2\ncustomer:\n  __proto__: {polluted: 1}\n',
      'h.testbed.yaml',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ps = lint('kind: testbed-plan\n__proto__: 1\n', { filePath: 'h.testbed.yaml', today: TODAY });
    expect(ps.filter((p) => p.ruleId === 'plan-unknown-key').map((p) => p.message)).toEqual([
      'Unknown key `__proto__` in the plan; remove it, or prefix it with `x-` to keep it as your own metadata.',
    ]);
  });
});
