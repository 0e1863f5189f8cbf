// Resource limits and hostile input: big files, deep nesting, alias bombs, and keys that could pollute objects.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fixText,
  formatDay,
  lint,
  lintDetailed,
  parseConfigText,
  parsePlan,
  rules,
  type LintConfig,
  type Problem,
} from '../../src/api/index.js';
import { isStackOverflow } from '../../src/core/arrays.js';
import { FORMATTERS } from '../../src/formatters/index.js';
import { timeAxis } from '../../src/formatters/report.js';
import { expectValidRanges } from '../property/arbitraries.js';

const TODAY = '2026-06-01';
const HEAD = '---\nkind: testbed-plan\ntitle: Big\n---\n\n# Big\n\n';

function timedLint(text: string, filePath: string): { ms: number; problems: Problem[] } {
  const started = performance.now();
  const r = lintDetailed(text, { filePath, today: TODAY });
  const ms = performance.now() - started;
  expect(r.crashes).toEqual([]);
  expectValidRanges(text, r);
  return { ms, problems: r.problems };
}

const log = (what: string, ms: number) => console.log(`limits: ${what}: ${ms.toFixed(0)} ms`);

describe('big files lint in bounded time', () => {
  // Measured on the 2-core dev machine (lint, parser included): 10,000 items ~1.7 s, 20,000 ~3.2 s, 50,000 ~17 s, 100,000 see the
  // report; micromark's parse is most of it and grows about linearly. CI tests 10,000 to keep the suite short.
  it('a Markdown plan with 10,000 counterpart bullets', { timeout: 120_000 }, () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) => `- **Dept ${i}**: Contact ${i}, since 2026-01-01. Benefit: data`,
    );
    const { ms, problems } = timedLint(`${HEAD}## Counterparts\n\n${items.join('\n')}\n`, 'list.testbed.md');
    log('10,000 list items', ms);
    expect(problems.some((p) => p.ruleId === 'counterparts-listed')).toBe(false);
    expect(ms).toBeLessThan(30_000);
  });

  it('a Markdown plan with a 10,000-row counterparts table', { timeout: 120_000 }, () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| Dept ${i} | Contact ${i} | 2026-01-01 | data |`);
    const { ms, problems } = timedLint(
      `${HEAD}## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n${rows.join('\n')}\n`,
      'table.testbed.md',
    );
    log('10,000 table rows', ms);
    expect(problems.some((p) => p.ruleId === 'counterparts-listed')).toBe(false);
    expect(ms).toBeLessThan(30_000);
  });

  it('a YAML plan with 10,000 counterparts', { timeout: 120_000 }, () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) => `  - department: Dept ${i}\n    contact: Contact ${i}\n    since: 2026-01-01\n    benefit: data`,
    );
    const { ms } = timedLint(
      `kind: testbed-plan\ntitle: Big\ncounterparts:\n${items.join('\n')}\n`,
      'big.testbed.yaml',
    );
    log('10,000 YAML counterparts', ms);
    expect(ms).toBeLessThan(30_000);
  });
});

// Why: `a.push(...b)` and `Math.max(...b)` throw RangeError past about 120,000 elements; a 4.7 MB table has 200,000 rows.
describe('collections past the argument limit are read whole', () => {
  const N = 150_000;
  const rows = Array.from({ length: N }, (_, i) => `| D${i} | C${i} |  | b |`);
  const text = `---\nkind: testbed-plan\ntitle: Big\nstatus: running\nstart: 2026-01-01\n---\n\n# Big\n\n## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n${rows.join('\n')}\n`;

  it(
    'a 150,000-row counterparts table: every row is an entry, each missing join date reported on its row',
    { timeout: 120_000 },
    () => {
      const r = lintDetailed(text, { filePath: 'rows.testbed.md', today: TODAY });
      expect(r.crashes).toEqual([]);
      expect(r.problems.filter((p) => p.ruleId === 'plan-syntax')).toEqual([]);
      expect(r.document.plan.counterparts?.entries).toHaveLength(N);
      const early = r.problems.filter((p) => p.ruleId === 'counterpart-early' && p.messageId === 'noDate');
      expect(early).toHaveLength(N);
      const last = early[N - 1]!;
      expect([last.line, last.column, last.endLine]).toEqual([13 + N, 3, 13 + N]);
      expect(last.message).toContain(`D${N - 1}`);
    },
  );

  it('only a call stack running out reads as nesting too deep; any other RangeError is not taken for it', () => {
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
    let overflow: unknown;
    try {
      deep(1e7);
    } catch (error) {
      overflow = error;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    expect(isStackOverflow(Object.assign(new Error('too much recursion'), { name: 'InternalError' }))).toBe(true);
    let length: unknown;
    try {
      new Array(-1);
    } catch (error) {
      length = error;
    }
    expect(length).toBeInstanceOf(RangeError);
    expect(isStackOverflow(length)).toBe(false);
    expect(isStackOverflow(new TypeError('Maximum call stack size exceeded'))).toBe(false);
  });

  it('the stylish and report formatters take 150,000 problems and dates', () => {
    const problems: Problem[] = Array.from({ length: N }, (_, i) => ({
      ruleId: 'counterpart-early',
      severity: 'warning',
      messageId: 'noDate',
      message: 'm',
      span: { start: i, end: i + 1 },
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 2,
      docsUrl: 'u',
    }));
    const out = FORMATTERS.stylish([{ filePath: '/p/a.testbed.md', problems }], {
      cwd: '/p',
      color: false,
      version: '0',
    } as never);
    expect(out.split('\n')[2]).toBe(`  ${' '.repeat(String(N).length - 1)}1:1  warning  m  counterpart-early`);
    const dates = Array.from({ length: N }, (_, i) => formatDay(20_000 + (i % 300)));
    const axis = timeAxis([{ start: '2025-01-01', iterations: { dates } } as never], TODAY);
    expect(formatDay(axis!.start)).toBe('2024-10-01');
  });
});

describe('deep nesting does not overflow the stack', () => {
  // Nested lists are superlinear in micromark (each level re-checks every open container): see the report for the scaling.
  it('a list nested 150 levels deep', { timeout: 120_000 }, () => {
    const nested = Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    const { ms } = timedLint(`${HEAD}## Counterparts\n${nested}\n`, 'nest.testbed.md');
    log('list nested 150 deep', ms);
    expect(ms).toBeLessThan(30_000);
  });

  it('block quotes nested 1,000 deep on one line, and 300 lines of growing depth', { timeout: 120_000 }, () => {
    const one = timedLint(`${HEAD}## Counterparts\n${'>'.repeat(1000)} deep\n`, 'q.testbed.md');
    log('block quote 1,000 deep', one.ms);
    const lines = Array.from({ length: 300 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n');
    const many = timedLint(`${HEAD}## Iteration log\n${lines}\n`, 'q2.testbed.md');
    log('300 block-quote lines of growing depth', many.ms);
    expect(one.ms + many.ms).toBeLessThan(30_000);
  });

  // Was a stack overflow (recursive position shifting); now an explicit stack, and a block the parser cannot read is a
  // plan-syntax problem on that line while the rest of the plan is still linted.
  it('block quotes nested 10,000 deep on one line are reported, not fatal', { timeout: 120_000 }, () => {
    const text = `${HEAD}## Counterparts\n${'>'.repeat(10_000)} deep\n`;
    timedLint(text, 'q.testbed.md');
    const problems = lint(text, { filePath: 'q.testbed.md', today: '2026-06-01' });
    expect(problems.some((p) => p.ruleId === 'customer-named' || p.ruleId === 'plan-syntax')).toBe(true);
  });

  it('Markdown the parser cannot read (its call stack runs out) is a plan-syntax problem, and the rest is linted', () => {
    // Why: a small --stack-size makes the parser run out of stack on 3,000 nested block quotes, as a far deeper file would.
    const core = join(__dirname, '../../dist/core.js');
    if (!existsSync(core)) execFileSync(process.execPath, [join(__dirname, '../../scripts/build.mjs')]);
    const script = `
      const { lint } = require(${JSON.stringify(core)});
      const text = '---\\nkind: testbed-plan\\ntitle: Big\\n---\\n\\n# Big\\n\\n## Counterparts\\n' + '>'.repeat(3000) + ' deep\\n## Metrics\\n- **x:** customer, worst\\n';
      const ps = lint(text, { filePath: 'q.testbed.md', today: '2026-06-01' });
      console.log(JSON.stringify(ps.map((p) => [p.ruleId, p.line, p.column, p.message])));`;
    const out = execFileSync(process.execPath, ['--stack-size=60', '-e', script], { encoding: 'utf8' });
    const problems = JSON.parse(out) as [string, number, number, string][];
    expect(problems.filter(([id]) => id === 'plan-syntax')).toEqual([
      [
        'plan-syntax',
        8,
        1,
        'Markdown that cannot be read: this part is nested too deeply to read; flatten it so the rules can check this part of the plan.',
      ],
    ]);
    expect(problems.some(([id]) => id === 'customer-named')).toBe(true);
  });

  it('YAML nested 1,000 levels deep (flow and block)', () => {
    const flow = `kind: testbed-plan\ncustomer: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    timedLint(flow, 'f.testbed.yaml');
    const block = `kind: testbed-plan\nx-deep:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} v\n`;
    timedLint(block, 'b.testbed.yaml');
    timedLint(`---\n${flow}---\n# x\n`, 'f.testbed.md');
  });
});

/** A real billion-laughs document: 9 levels of 9 aliases (9^9 = 387,420,489 strings when expanded). */
function billionLaughs(indent = ''): string {
  const levels = 'abcdefghi'.split('');
  const lines = [`${indent}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < levels.length; i++)
    lines.push(
      `${indent}${levels[i]}: &${levels[i]} [${Array(9)
        .fill(`*${levels[i - 1]}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

describe('YAML alias bombs are bounded', () => {
  it('a billion-laughs YAML plan whose every field is the bomb', () => {
    const text = `kind: testbed-plan\nx-bomb:\n${billionLaughs('  ')}\ntitle: *i\naims: *i\ncustomer:\n  name: *i\n  tier: *i\n  champion: *i\nselection: *i\niterations: *i\ncounterparts: *i\nmetrics: *i\nscale-up: *i\n`;
    const { ms, problems } = timedLint(text, 'bomb.testbed.yaml');
    log('billion laughs, YAML plan', ms);
    expect(ms).toBeLessThan(5000);
    expect(problems.some((p) => p.ruleId === 'plan-schema')).toBe(true);
  });

  it('a billion-laughs front matter', () => {
    const { ms } = timedLint(
      `---\nx-bomb:\n${billionLaughs('  ')}\nkind: testbed-plan\ntitle: *i\naims: *i\ncustomer: *i\nstatus: *i\n---\n\n# x\n`,
      'bomb.testbed.md',
    );
    log('billion laughs, front matter', ms);
    expect(ms).toBeLessThan(5000);
  });

  it('a billion-laughs config file: the option is reported, not expanded', () => {
    const started = performance.now();
    const text = `x-bomb:\n${billionLaughs('  ')}\nextends: *i\nignores: *i\nrules:\n  customer-not-premier: [warning, { premier-tiers: *i }]\n  customer-rationale: [warning, { min-words: *i }]\n`;
    const r = parseConfigText(text, rules);
    const ms = performance.now() - started;
    log('billion laughs, config file', ms);
    expect(ms).toBeLessThan(5000);
    expect(r.data.rules).toEqual({});
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '1:1 unknown key "x-bomb" (a config file has "extends", "rules", "ignores", "drafts", "language" and "team-rules")',
      '11:10 "extends" takes "recommended", "strict" or a relative path to another config file',
      '12:10 "ignores" must be a list of globs',
      '14:52 rule "customer-not-premier": option "premier-tiers" expands too many aliases (more than 100)',
      '15:46 rule "customer-rationale": option "min-words" expands too many aliases (more than 100)',
    ]);
  });

  it('a config option may still use a small alias', () => {
    const r = parseConfigText(
      'x-tiers: &t [Gold, Top]\nrules:\n  customer-not-premier: [warning, { premier-tiers: *t }]\n',
      rules,
    );
    expect(r.data.rules).toEqual({ 'customer-not-premier': ['warning', { 'premier-tiers': ['Gold', 'Top'] }] });
    expect(r.problems.map((p) => p.message)).toEqual([
      'unknown key "x-tiers" (a config file has "extends", "rules", "ignores", "drafts", "language" and "team-rules")',
    ]);
  });
});

describe('hostile keys do not pollute objects', () => {
  const HOSTILE = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__'];
  const clean = () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  };
  const keyLines = (indent: string) => HOSTILE.map((k) => `${indent}${k}: {polluted: 1}`).join('\n');

  it('in a YAML plan at every level', () => {
    const text = `kind: testbed-plan\n${keyLines('')}\ncustomer:\n${keyLines('  ')}\nselection:\n${keyLines('  ')}\niterations:\n  - date: 2026-01-01\n${keyLines('    ')}\ncounterparts:\n  - department: Finance\n${keyLines('    ')}\nmetrics:\n  - name: x\n${keyLines('    ')}\n`;
    const r = lintDetailed(text, { filePath: 'h.testbed.yaml', today: TODAY });
    expect(r.crashes).toEqual([]);
    clean();
    const unknown = r.problems.filter((p) => p.ruleId === 'plan-unknown-key');
    expect(unknown).toHaveLength(HOSTILE.length * 6);
    const plan = parsePlan(text, 'h.testbed.yaml').plan;
    for (const obj of [
      plan,
      plan.customer,
      plan.selection,
      plan.iterations?.entries[0],
      plan.counterparts?.entries[0],
      plan.metrics?.entries[0],
    ])
      for (const k of HOSTILE) expect(Object.prototype.hasOwnProperty.call(obj, k)).toBe(false);
    expect(Object.getPrototypeOf(plan)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(plan.customer)).toBe(Object.prototype);
  });

  it('in front matter, as keys and as Markdown labels', () => {
    const text = `---\nkind: testbed-plan\n${keyLines('')}\ncustomer:\n${keyLines('  ')}\n---\n\n# x\n\n## Iteration log\n\n### 2026-01-01 — x\n\n- __proto__: polluted\n- constructor: x\n\n## Counterparts\n\n| __proto__ | constructor | prototype |\n|---|---|---|\n| a | b | c |\n\n- **__proto__**: constructor, since prototype. Benefit: toString\n`;
    const r = lintDetailed(text, { filePath: 'h.testbed.md', today: TODAY });
    expect(r.crashes).toEqual([]);
    clean();
    expect(r.problems.filter((p) => p.ruleId === 'plan-unknown-key')).toHaveLength(HOSTILE.length * 2);
    const plan = r.document.plan;
    for (const obj of [plan, plan.customer])
      for (const k of HOSTILE) expect(Object.prototype.hasOwnProperty.call(obj, k)).toBe(false);
  });

  it('in config files: top-level keys, rule ids and option names', () => {
    const text = `${keyLines('')}\nrules:\n${keyLines('  ')}\n  customer-rationale: [error, { __proto__: { polluted: 1 }, constructor: 1, prototype: 2 }]\n`;
    const r = parseConfigText(text, rules);
    clean();
    expect(Object.keys(r.data.rules)).toEqual([]);
    expect(Object.getPrototypeOf(r.data.rules)).toBe(Object.prototype);
    expect(r.problems.filter((p) => p.message.startsWith('unknown key'))).toHaveLength(HOSTILE.length);
    expect(r.problems.filter((p) => p.message.startsWith('unknown rule'))).toHaveLength(HOSTILE.length);
    expect(r.problems.filter((p) => p.message.includes('has no option'))).toHaveLength(3);
  });

  it('in a config given in code (validateLintConfig and lint)', () => {
    const config = JSON.parse(
      '{"rules": {"__proto__": {"polluted": 1}, "constructor": "error", "customer-rationale": ["error", {"__proto__": {"polluted": 1}}]}}',
    ) as LintConfig;
    const r = lintDetailed('kind: testbed-plan\n', { filePath: 'h.testbed.yaml', today: TODAY, config });
    expect(r.crashes).toEqual([]);
    clean();
  });
});

describe('fix-all never loops on a plan it cannot read whole', () => {
  const opts = (filePath: string) => ({ filePath, today: TODAY });
  const MD = '---\nkind: testbed-plan\ntitle: T\n---\n\n# T\n\n';

  it.each([
    ['an HTML comment left open', `${MD}<!-- draft\n\n## Customer selection\n`],
    ['a comment opened as <!-----', '<!-----\nstatus: draft\n---\n\n## Customer selection\n\n## Counterparts\n'],
    ['a code fence left open', `${MD}\`\`\`\n## Counterparts\n`],
    ['a tilde fence closed by a shorter fence', `${MD}~~~~\nx\n~~~\n`],
    ['a <script> block left open', `${MD}<script>\nlet x;\n`],
  ])('%s: section fixes are offered, not applied', (_name, text) => {
    const first = lintDetailed(text, opts('p.testbed.md')).problems;
    const adds = first.filter((p) => ['counterparts-listed', 'iteration-log', 'customer-rationale'].includes(p.ruleId));
    expect(adds.length).toBeGreaterThan(0);
    for (const p of adds) {
      expect(p.fix).toBeUndefined();
      expect(p.suggestions?.length).toBeGreaterThan(0);
    }
    const r = fixText(text, opts('p.testbed.md'));
    expect(r.text.split('\n').filter((l) => l === '## Counterparts').length).toBeLessThanOrEqual(1);
  });

  it('a closed fence or comment at the end still gets its fixes', () => {
    for (const tail of ['```\ncode\n```\n', '<!-- note -->\n', '~~~~\nx\n~~~~~\n', '<!-->\n']) {
      const ps = lintDetailed(`${MD}${tail}`, opts('p.testbed.md')).problems;
      expect(ps.find((p) => p.ruleId === 'counterparts-listed')?.fix).toBeDefined();
    }
  });

  it('a YAML plan with a syntax error: section fixes are offered, not applied, so --fix cannot add a key twice', () => {
    const text = 'kind: testbed-plan\ncustomer:\nname: x\n  size: small\ncounterparts: []\n';
    const p = lintDetailed(text, opts('p.testbed.yaml')).problems.find((x) => x.ruleId === 'counterparts-listed');
    expect(p?.fix).toBeUndefined();
    expect(p?.suggestions?.length).toBeGreaterThan(0);
    expect(fixText(text, opts('p.testbed.yaml')).text).toBe(text);
  });

  it('a key ending in U+FEFF is renamed whole, once', () => {
    const text = '---\ntitle: T\ncustomer:\n  tier\ufeff: standard\n---\n';
    const r = fixText(text, opts('p.testbed.md'));
    expect(r.text).toContain('\n  tier: standard\n');
    expect(r.problems.filter((p) => p.ruleId === 'plan-unknown-key')).toEqual([]);
  });
});
