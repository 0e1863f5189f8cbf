// Every fix and every template path, over the realistic fixtures, the examples and a seeded sample of the generated
// corpus (bench/corpus, when present): a fix makes only the finding its title names pass, and writes no value the
// writer did not give (spec v2.1, "The tool never answers for the writer").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lint, planTemplate } from '../../src/api/index.js';
import { FIXED_SEED } from './arbitraries.js';
import { fixEffects, invented } from './fix-effects.js';

const ROOT = join(__dirname, '../..');
/** The compare script's day (scripts/compare-findings.mjs): the examples are months into their testbeds. */
const TODAY = '2026-12-07';
const CORPUS = join(ROOT, 'bench/corpus');
/** How many corpus plans of each form the sample takes. */
const SAMPLE = Number(process.env.FIX_SAMPLE ?? 25);

/** A seeded choice of `n` of `names` (mulberry32), the same on every run. */
function sample(names: readonly string[], n: number, seed: number): string[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...names].sort();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

const files = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(md|ya?ml)$/.test(f))
        .map((f) => join(dir, f))
    : [];

const PLANS = [
  ...files(join(ROOT, 'examples')),
  ...files(join(ROOT, 'test/fixtures/realistic')),
  ...sample(files(join(CORPUS, 'md')), SAMPLE, FIXED_SEED),
  ...sample(files(join(CORPUS, 'yaml')), SAMPLE, FIXED_SEED + 1),
].map((f) => [f.slice(ROOT.length + 1), f] as const);

describe('every fix, applied alone', () => {
  it.each(PLANS)('makes only its own finding pass, and invents no value (%s)', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    for (const e of fixEffects(text, path, TODAY)) {
      expect(e.othersPassing, `${e.ruleId}: "${e.title}" made other rules pass`).toEqual([]);
      expect(e.invented, `${e.ruleId}: "${e.title}" wrote values the writer did not give`).toEqual([]);
      expect(
        e.removed.filter((r) => r.startsWith(`${e.ruleId}: `)),
        `${e.ruleId}: "${e.title}" removed nothing of its own`,
      ).not.toEqual([]);
    }
  });
});

describe('Fix all on examples/flawed.testbed.md', () => {
  it('leaves counterpart-early and the other framework rules as true as before: each fix removes only its own finding', () => {
    const path = join(ROOT, 'examples/flawed.testbed.md');
    const text = readFileSync(path, 'utf8');
    const table = fixEffects(text, path, TODAY).map((e) => ({
      fix: `${e.ruleId}: ${e.title}`,
      removed: e.removed.map((r) => r.split(':')[0]),
      added: e.added.map((r) => r.split(':')[0]),
    }));
    expect(table).toEqual([
      {
        fix: 'journey-moments: Add a Customer journey section',
        // The section's moment is a prompt: the finding now asks for the moment instead of the section.
        removed: ['journey-moments'],
        added: ['journey-moments'],
      },
      {
        fix: 'plan-unknown-key: Rename to `champion`',
        // The champion is read now; the customer still states too few conditions (size: large), said differently.
        removed: ['customer-conditions', 'plan-unknown-key'],
        added: ['customer-conditions'],
      },
      {
        fix: 'counterpart-finance: Add a Finance counterpart',
        removed: ['counterpart-finance'],
        // Finance joins today, 308 days into the testbed: counterpart-early says so; its contact and benefit are to-dos,
        // and counterparts-cross-functional does not count it until someone answers them.
        added: ['counterpart-benefit', 'counterpart-early', 'counterparts-listed'],
      },
    ]);
    const before = lint(text, { filePath: path, today: TODAY });
    const fixed = fixText(text, { filePath: path, today: TODAY });
    const early = (ps: readonly { ruleId: string; message: string }[]) =>
      ps.filter((p) => p.ruleId === 'counterpart-early').map((p) => p.message);
    expect(early(fixed.problems)).toEqual([
      ...early(before),
      'The counterpart for Finance joined on 2026-12-07, 308 days after the plan started; involve each department from the start (by 2026-02-16), so it can shape the testbed.',
    ]);
  });
});

describe('the template, fixed', () => {
  it.each(['markdown', 'yaml'] as const)(
    'gets prompts only (%s): no date but today, no enum value, no name',
    (form) => {
      const file = form === 'yaml' ? 'p.testbed.yaml' : 'p.testbed.md';
      const text = planTemplate(form, { title: 'Pilot', today: TODAY });
      for (const p of lint(text, { filePath: file, today: TODAY }).filter((q) => q.fix))
        expect(invented(text, p.fix!, TODAY), p.fix!.title).toEqual([]);
      const fixed = fixText(text, { filePath: file, today: TODAY });
      expect(fixed.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    },
  );
});
