// Team rules' patterns run in linear time (issue 21): a team rule `not-pattern: "(a+)+$"` (catastrophic backtracking
// in a backtracking engine) on a counterpart's benefit of 10,000, 20,000 and 50,000 characters, linted through the
// public API (dist/core.js: re2js inside), median of the rounds. For contrast, JavaScript's own RegExp on the same
// pattern at a few dozen characters, where its time doubles with each character. Not part of `npm test`.
// Usage: npm run build && node bench/team-patterns.mjs [--rounds 15]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { lint, rules } = require('../dist/core.js');

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;
const off = Object.fromEntries(rules.map((r) => [r.meta.id, 'off']));
const teamRules = [
  {
    id: 'no-runaway',
    message: 'A benefit ending in a run of a',
    given: 'counterparts[*].benefit',
    then: { 'not-pattern': '(a+)+$' },
  },
];

/** A YAML plan whose one counterpart's benefit is `n` characters of `a`, then `tail` (`!`: no match, the worst case). */
const plan = (n, tail) =>
  `kind: testbed-plan\ntitle: Runaway\ncounterparts:\n  - department: Finance\n    benefit: ${'a'.repeat(n - tail.length)}${tail}\n`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(text, withRule) {
  const config = { rules: off, ...(withRule ? { teamRules } : {}) };
  const t = performance.now();
  const found = lint(text, { filePath: 'p.testbed.yaml', today: '2026-06-01', config });
  return { ms: performance.now() - t, found: found.length };
}

time(plan(1000, '!'), true); // warm-up: the module's first use compiles the engine and the rules
console.log(`team rule not-pattern "(a+)+$" on one value, median of ${rounds} rounds (node ${process.version})`);
console.log('| value length | value | lint with the rule (ms) | lint without it (ms) | findings |');
console.log('|---:|---|---:|---:|---:|');
for (const n of [10_000, 20_000, 50_000])
  for (const [tail, what] of [
    ['!', 'a…a! (no match)'],
    ['', 'a…a (match)'],
  ]) {
    const text = plan(n, tail);
    time(text, true); // one untimed run at this size first
    const withRule = [];
    const without = [];
    let found = 0;
    for (let i = 0; i < rounds; i++) {
      const a = time(text, true);
      found = a.found;
      withRule.push(a.ms);
      without.push(time(text, false).ms);
    }
    console.log(
      `| ${n.toLocaleString('en')} | ${what} | ${median(withRule).toFixed(1)} | ${median(without).toFixed(1)} | ${found} |`,
    );
  }

console.log('\nFor contrast, JavaScript RegExp /(a+)+$/ (a backtracking engine) on a run of a and a final "!":');
console.log('| value length | RegExp (ms) |');
console.log('|---:|---:|');
for (const n of [20, 22, 24, 26]) {
  const s = `${'a'.repeat(n - 1)}!`;
  const t = performance.now();
  /(a+)+$/.test(s);
  console.log(`| ${n} | ${(performance.now() - t).toFixed(1)} |`);
}
