// Property tests of the core over generated plans (both forms) with random mutations; see arbitraries.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFixes, fixText, lint, lintDetailed, LineIndex, type Problem } from '../../src/api/index.js';
import {
  brief,
  check,
  docArb,
  expectValidRanges,
  planArb,
  RUNS,
  SEED,
  TODAY,
  toMarkdown,
  toYaml,
} from './arbitraries.js';

const opts = (filePath: string) => ({ filePath, today: TODAY });
/** Generous: the machine may be shared; the suite's own runtime is reported in the output. */
const TIMEOUT = 180_000;
/** The fix property lints up to 11 times per run; at 2,000 runs the whole property suite takes ~25 s on an idle 2-core machine. */
const FIX_RUNS = Number(process.env.PROPERTY_FIX_RUNS ?? RUNS);

beforeAll(() => {
  console.log(`property tests: ${RUNS} runs per property, seed ${SEED} (replay with PROPERTY_SEED=${SEED})`);
});

/** Lines of a text, without their line breaks. */
const linesOf = (t: string) => t.split('\n').map((l) => l.replace(/\r$/, ''));

/** Whether `needles` appear in `hay` in order (not necessarily adjacent). */
function subsequence(needles: readonly string[], hay: readonly string[]): string | undefined {
  let j = 0;
  for (const n of needles) {
    while (j < hay.length && hay[j] !== n) j++;
    if (j === hay.length) return n;
    j++;
  }
  return undefined;
}

describe('properties of lint over generated and mutated plans', () => {
  it(
    'never throws, reports no rule crash, gives valid ranges, and is deterministic',
    () => {
      check('no crash, valid ranges, deterministic', docArb, ({ text, filePath }) => {
        const r = lintDetailed(text, opts(filePath));
        expect(r.crashes).toEqual([]);
        expectValidRanges(text, r);
        expect(lint(text, opts(filePath))).toEqual(r.problems);
      });
    },
    TIMEOUT,
  );

  it(
    'gives the same findings for the Markdown and YAML forms of the same plan',
    () => {
      check('markdown = yaml', planArb, (plan) => {
        const md = lint(toMarkdown(plan), opts('p.testbed.md'));
        const yaml = lint(toYaml(plan), opts('p.testbed.yaml'));
        expect(brief(yaml)).toEqual(brief(md));
      });
    },
    TIMEOUT,
  );

  it(
    'safe fixes never drop a line of the user, and leave no fixable problem of the rules they fixed',
    () => {
      check(
        'fixes keep lines',
        docArb,
        ({ text, filePath }) => {
          // Replays fixText pass by pass: a line no fix edit touches must survive the pass, in order.
          let current = text;
          const fixedRules = new Set<string>();
          for (let pass = 0; pass < 10; pass++) {
            const problems: Problem[] = lint(current, opts(filePath));
            const withFix = problems.filter((p) => p.fix);
            if (withFix.length === 0) break;
            for (const p of withFix) fixedRules.add(p.ruleId);
            const idx = new LineIndex(current);
            const touched = new Set<number>();
            for (const p of withFix)
              for (const e of p.fix!.edits) {
                const a = idx.positionAt(e.span.start).line;
                const b = idx.positionAt(e.span.end).line;
                for (let l = a; l <= b; l++) touched.add(l);
              }
            const kept = linesOf(current).filter((l, i) => l.trim() !== '' && !touched.has(i + 1));
            const next = applyFixes(current, problems).text;
            expect(subsequence(kept, linesOf(next))).toBeUndefined();
            current = next;
          }
          const r = fixText(text, opts(filePath));
          expect(r.text).toBe(current);
          expect(
            r.problems
              .filter((p) => p.fix && fixedRules.has(p.ruleId))
              .map((p) => `${p.ruleId}/${p.messageId} ${p.line}:${p.column}`),
          ).toEqual([]);
          expectValidRanges(r.text, r);
        },
        FIX_RUNS,
      );
    },
    TIMEOUT,
  );
});
