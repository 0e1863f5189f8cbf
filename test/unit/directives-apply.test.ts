// Inline disable comments applied to a plan's problems: every kind in one plan, and the per-rule tables of
// applyDirectives against the rule it replaced (each comment asked about each problem).
import { describe, expect, it } from 'vitest';
import type { Directive, DirectiveKind } from '../../src/core/document.js';
import { applyDirectives } from '../../src/core/engine.js';
import { lint, rules, type LintConfig, type Problem } from '../../src/api/index.js';

const TODAY = '2026-06-01';

describe('inline disable comments of every kind over many entries', () => {
  it('silences exactly the entries they name, in Markdown and in YAML', () => {
    const off = Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const]));
    const config: LintConfig = { rules: { ...off, 'iteration-feedback': 'warning' } };
    const front = '---\nkind: testbed-plan\ntitle: T\n---\n\n# T\n\n';
    const entry = (i: number) => `### 2025-02-0${1 + (i % 9)} — E${i}\n\n- Change: c${i}\n- Source: customer\n\n`;
    const md = [
      `${front}## Iteration log\n\n`,
      `<!-- testbed-lint-disable-next-line iteration-feedback -->\n${entry(0)}`,
      entry(1).replace(' — E1', ' — E1 <!-- testbed-lint-disable-line iteration-feedback -- by phone -->'),
      `<!-- testbed-lint-disable iteration-feedback, iteration-order -->\n\n${entry(2)}${entry(3)}`,
      '<!-- testbed-lint-enable iteration-feedback -->\n\n',
      entry(4),
      `<!-- testbed-lint-disable-next-line iteration-order -->\n${entry(5)}`,
      entry(6),
    ].join('');
    const headingLine = (i: number) => md.slice(0, md.indexOf(` — E${i}`)).split('\n').length;
    const lines = lint(md, { filePath: 'p.md', config, today: TODAY }).map((p) => p.line);
    expect(lines).toEqual([4, 5, 6].map(headingLine));

    const yamlEntry = (i: number) => `  - date: 2025-02-0${1 + i}\n    change: c${i}\n    source: customer\n`;
    const yaml = [
      'kind: testbed-plan\ntitle: T\niterations:\n',
      `  # testbed-lint-disable-next-line iteration-feedback\n${yamlEntry(0)}`,
      yamlEntry(1).replace('\n', ' # testbed-lint-disable-line iteration-feedback\n'),
      `  # testbed-lint-disable\n${yamlEntry(2)}  # testbed-lint-enable\n`,
      yamlEntry(3),
    ].join('');
    const dateLine = (i: number) => yaml.slice(0, yaml.indexOf(`date: 2025-02-0${1 + i}`)).split('\n').length;
    expect(lint(yaml, { filePath: 'p.yaml', config, today: TODAY }).map((p) => p.line)).toEqual([dateLine(3)]);
  });
});

/** The rule as it was: each comment, in order, asked about each problem. */
function reference(problems: Problem[], directives: readonly Directive[], known: ReadonlySet<string>): Problem[] {
  const sorted = [...directives].sort((a, b) => a.span.start - b.span.start);
  const covers = (d: Directive, id: string) =>
    d.ids.length === 0 || d.ids.filter((i) => known.has(i.value)).some((i) => i.value === id);
  return problems.filter((p) => {
    if (sorted.some((d) => p.span.start >= d.span.start && p.span.end <= d.span.end)) return true;
    let off = false;
    for (const d of sorted) {
      if (!covers(d, p.ruleId)) continue;
      if (d.kind === 'disable-file') return false;
      if (d.kind === 'disable-line' && d.line === p.line) return false;
      if (d.kind === 'disable-next-line' && d.line + 1 === p.line) return false;
      if (d.kind === 'disable' && d.span.start <= p.span.start) off = true;
      if (d.kind === 'enable' && d.span.start <= p.span.start) off = false;
    }
    return !off;
  });
}

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('applyDirectives', () => {
  it('keeps the same problems as asking every comment about every problem (2,000 random plans)', () => {
    const kinds: DirectiveKind[] = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'];
    const ids = ['rule-a', 'rule-b', 'rule-c', 'not-a-rule'];
    const known = new Set(['rule-a', 'rule-b', 'rule-c']);
    for (let seed = 1; seed <= 2000; seed++) {
      const r = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      // Lines of 10 characters: a comment or a problem at offset o is on line o / 10 + 1; comments may overlap.
      const directives: Directive[] = Array.from({ length: Math.floor(r() * 8) }, () => {
        const start = Math.floor(r() * 200);
        const id = () => ({ value: pick(ids), span: { start, end: start } });
        const named = Array.from({ length: 1 + Math.floor(r() * 2) }, id);
        const span = { start, end: start + 1 + Math.floor(r() * 25) };
        return { kind: pick(kinds), ids: r() < 0.1 ? [] : named, span, line: Math.floor(start / 10) + 1 };
      });
      const problems = Array.from({ length: 1 + Math.floor(r() * 12) }, (_, k) => {
        const start = Math.floor(r() * 210);
        const span = { start, end: start + Math.floor(r() * 6) };
        const p = { ruleId: pick(ids.slice(0, 3)), span, line: Math.floor(start / 10) + 1, message: `p${k}` };
        return p as unknown as Problem;
      });
      const got = applyDirectives(problems, directives, known).map((p) => p.message);
      expect(got, `seed ${seed}`).toEqual(reference(problems, directives, known).map((p) => p.message));
    }
  });
});
