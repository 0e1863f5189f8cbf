// Long tables and lists are parsed in pieces and merged, and long tables handed over a piece of rows at a time; what
// the reader hands over (rows merged back into their tables) must equal micromark's whole parse, node for node.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api/index.js';
import { ParseSession, parsePlan } from '../../src/core/parse/index.js';
import { MAX_NESTING, parsePieces, planBlock } from '../../src/core/parse/pieces.js';
import { LineIndex } from '../../src/core/positions.js';
import { readNodes, readTree, wholeTree } from '../helpers/read-nodes.js';

const SEED = Number(process.env.TESTBED_SEED ?? 424242);

/** Lines chosen to end, continue or fake a table or a list at a cut. */
const LINES = [
  '| Finance | Dana | 2026-01-05 | cost data |',
  '| IT | Lee | 2026-01-06 | `a|b` |',
  '| a \\| b | **c** |',
  '|',
  '| x',
  '||',
  '|||x|',
  '| a  b |',
  '|-|',
  '| é ü |',
  '|  |  |',
  '| x |  ',
  '| 1. | - |',
  'lazy | row',
  '- **IT**: Lee, since 2026-01-06. Benefit: EDI',
  '- item',
  '- item',
  '- Two words: here',
  '- a  b',
  '- x ',
  '- x\t',
  '-  two spaces',
  '- é',
  '* star item',
  '+ plus',
  '1. one',
  '2) two',
  '3. three',
  '  continued in the item',
  '    indented code or nested',
  '  - nested item',
  'lazy continuation',
  '',
  '',
  '> quote',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<div>',
  '---',
  '***',
  '- - -',
  '===',
  '[ref]: /url',
  '[ref]',
  '\t- tab item',
  '-',
  '- ',
  '1.',
  '<pre>',
  '</pre>',
];

/** Runs of plain rows or items: a block is cut every 16 KB, so tricky lines land next to cuts. */
const ROW = (i: number) => `| D${i} | C${i} | 2026-01-0${(i % 9) + 1} | b${i} |`;
const runArb = (item: boolean) =>
  fc
    .integer({ min: 1, max: 700 })
    .map((n) => Array.from({ length: n }, (_, i) => (item ? `- item ${i}` : ROW(i))).join('\n'));

const docArb = fc
  .tuple(
    fc.constantFrom(
      '| Department | Contact | Since | Benefit |\n|---|---|---|---|\n',
      '- first\n',
      '1. first\n',
      '| a |\n|:-:|\n',
    ),
    fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...LINES), weight: 3 },
        { arbitrary: runArb(false), weight: 1 },
        { arbitrary: runArb(true), weight: 1 },
      ),
      { maxLength: 30 },
    ),
    fc.boolean(),
  )
  .map(([head, lines, crlf]) => {
    const t = `---\nkind: testbed-plan\n---\n## Counterparts\n\n${head}${lines.join('\n')}\n## Metrics\n- x\n`;
    return crlf ? t.replace(/\n/g, '\r\n') : t;
  });

describe('parsing long tables and lists in pieces', () => {
  it('cuts a long table and a long list, and the result equals a whole parse', { timeout: 600_000 }, () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `| D${i} | C | 2026-01-0${(i % 9) + 1} | b |`).join('\n');
    const items = Array.from({ length: 2000 }, (_, i) => `- item ${i}`).join('\n');
    const t = `## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n${rows}\n\n${items}\n`;
    const plan = planBlock(t, 0, t.length);
    // Cut every 16 KB: the ~50 KB table a few times, then at the blank line before the list, then the ~24 KB list.
    const kinds = plan.cuts.map((c) => c.kind).join(' ');
    expect(kinds).toMatch(/^(table ){2,}blank( list)+$/);
    // The pieces merge as planned (no fallback to a whole parse): one table of 1,501 rows, one list of 2,000 items.
    const lines = new LineIndex(t);
    const nodes = parsePieces(
      { text: t, lineOf: (o) => lines.lineAt(o) },
      { start: 0, end: t.length, cuts: plan.cuts },
    );
    expect(nodes?.map((n) => [n.type, 'children' in n ? n.children.length : 0])).toEqual([
      ['heading', 1],
      ['table', 1501],
      ['list', 2000],
    ]);
    expect(readTree(t)).toBe(wholeTree(t));
    expect(readTree(t, new ParseSession())).toBe(wholeTree(t));
  });

  /** The block's nodes parsed in pieces at its planned cuts; undefined when a piece fell back to a whole parse. */
  const inPieces = (t: string) => {
    const lines = new LineIndex(t);
    const plan = planBlock(t, 0, t.length);
    const nodes = parsePieces(
      { text: t, lineOf: (o) => lines.lineAt(o) },
      { start: 0, end: t.length, cuts: plan.cuts },
    );
    return { kinds: [...new Set(plan.cuts.map((c) => c.kind))], nodes };
  };
  const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

  it.each([
    [
      'a loose list (merged into one list, spread)',
      (i: number) => `* Step ${i}: the stock moves.\n\n  Funded from savings ${i}.\n\n`,
    ],
    [
      'setext headings and thematic breaks',
      (i: number) => `Part ${i}\n------\n\nText ${i}.\n\nNote\n===\n\n${i % 3 ? '***' : '- - -'}\n\n`,
    ],
    ['nested block quotes', (i: number) => `> Quote ${i},\n> said the buyer.\n>\n> > nested ${i}\n\n`],
    [
      'fenced code with # lines',
      (i: number) => `Config ${i}:\n\n~~~sh\n# count ${i}\n\n  x\n~~~\n\n\`\`\`yaml\n# w\n\`\`\`\n\n`,
    ],
    ['indented code', (i: number) => `Order ${i}:\n\n    ORDER ${i}\n\n    ITEM ${i}\n\n`],
    [
      'HTML blocks of every kind',
      (i: number) => `<details>\n\n</details>\n\n<!--\nnote ${i}\n\n-->\n\n<pre>\n\n# no\n</pre>\n\nText ${i}.\n\n`,
    ],
    [
      'inline HTML, images, autolinks and escapes',
      (i: number) => `![w](i.png) <kbd>x</kbd> <https://e.org/${i}> \\*no\\*  \nsee &amp; ${i}\n\n`,
    ],
    [
      'an ordered list, loose, with a list of other marker after it',
      (i: number) => `${i + 1}. step ${i}\n\n${i % 50 === 49 ? '1) other\n\n' : ''}`,
    ],
  ])('cuts %s at blank lines, and the pieces equal a whole parse', (_name, f) => {
    const t = `## Section\n\n${repeat(600, f)}After.\n`;
    const { kinds, nodes } = inPieces(t);
    expect(kinds).toContain('blank');
    expect(nodes).toBeDefined();
    expect(JSON.stringify(nodes)).toBe(wholeTree(t));
    expect(readTree(t)).toBe(wholeTree(t));
    expect(readTree(t, new ParseSession())).toBe(wholeTree(t));
  });

  it('merges a loose list cut at a blank line into one list, as a whole parse does', () => {
    const t = repeat(1000, (i) => `- item ${i}\n\n`);
    const { nodes } = inPieces(t);
    expect(nodes?.map((n) => [n.type, n.type === 'list' && n.spread, 'children' in n && n.children.length])).toEqual([
      ['list', true, 1000],
    ]);
  });

  it('does not cut where a blank line is only a no-break space, or where a fence the planner missed stays open', () => {
    const nbsp = `${repeat(500, (i) => `Line ${i} of one paragraph\n\u00a0\n`)}end\n`;
    expect(JSON.stringify(inPieces(nbsp).nodes)).toBe(wholeTree(nbsp));
    expect(inPieces(nbsp).kinds).toEqual([]);
    // `  ~~~` in an item opens a fence the planner takes as top level; the `~~~` after the item then opens a real one
    // that the planner takes as closing: the piece that ends inside it is caught, and the block parsed whole.
    const missed = `- a\n  ~~~\n\nText.\n\n~~~\n${repeat(1000, (i) => `code ${i}\n\n`)}~~~\n\nAfter.\n`;
    expect(inPieces(missed).kinds).toContain('blank');
    expect(inPieces(missed).nodes).toBeUndefined();
    expect(readTree(missed)).toBe(wholeTree(missed));
  });

  it('cuts a long tight ordered list with nested `1)` lists and merges it without a whole parse', () => {
    const t = `## Scale-up\n\n${repeat(1500, (i) => `${i + 1}. step ${i} of the rollout\n${i % 5 === 4 ? '    1) check first\n    2) then\n' : ''}`)}`;
    const { kinds, nodes } = inPieces(t);
    expect(kinds).toEqual(['list']);
    expect(nodes?.map((n) => [n.type, 'children' in n && n.children.length])).toEqual([
      ['heading', 1],
      ['list', 1500],
    ]);
    expect(JSON.stringify(nodes)).toBe(wholeTree(t));
  });

  it('does not split or cut inside a fence that follows a tag line (HTML block or paragraph text)', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ROW(i)).join('\n');
    for (const t of [
      `---\nkind: testbed-plan\n---\n## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n- item\n</pre>\n~~~\n${rows}\n\n## Metrics\n- x\n`,
      '</div>\n~~~\n~~~\n## Iteration log\n',
    ]) {
      expect(readTree(t)).toBe(wholeTree(t));
    }
  });

  it(
    'gives the same tree as a whole parse for tricky documents, one-shot and in a session (property)',
    { timeout: 600_000 },
    () => {
      fc.assert(
        fc.property(docArb, (t) => {
          const whole = wholeTree(t);
          return readTree(t) === whole && readTree(t, new ParseSession()) === whole;
        }),
        { seed: SEED, numRuns: 80 },
      );
    },
  );

  it(`reports nesting deeper than ${MAX_NESTING} levels once, on the block's first line, without parsing it`, () => {
    const nested = Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    const text = `---\nkind: testbed-plan\ntitle: T\n---\n\n# T\n\n## Counterparts\n\n- **IT**: Lee\n\n## Scale-up\n${nested}\n`;
    const started = performance.now();
    const problems = lint(text, { filePath: 'n.testbed.md', today: '2026-06-01' }).filter(
      (p) => p.ruleId === 'plan-syntax',
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [
        12,
        1,
        'Markdown that cannot be read: this part is nested too deeply to read; flatten it so the rules can check this part of the plan.',
      ],
    ]);
    const ok = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(
      lint(text.replace(nested, ok), { filePath: 'n.testbed.md', today: '2026-06-01' }).some(
        (p) => p.ruleId === 'plan-syntax',
      ),
    ).toBe(false);
  });
});

/** What the rules see of a plan, from a one-shot parse or an editor's session. */
function model(text: string, session?: ParseSession) {
  const d = parsePlan(text, 'p.testbed.md', undefined, session);
  return JSON.stringify({
    plan: d.plan,
    outline: d.outline,
    directives: d.directives,
    syntax: d.syntaxIssues,
    schema: d.schemaIssues,
    keys: d.unknownKeys,
    tail: d.unclosedTail,
  });
}

const HEADERS = [
  '| Department | Contact | Since | Benefit |\n|---|---|---|---|',
  '| Date | Change | Feedback |\n|---|---|---|',
  '| Notes | More |\n|---|---|',
  '| a | b |\n|---|---|---|',
  '| Department |\n|:-:|',
];
const SECTION_HEADS = [
  '## Counterparts',
  '## Iteration log',
  '## Iteration log\n\n### 2026-02-01 — Pilot\n- Change: x',
  '## Customer selection',
  '## Unknown part',
  '## Metrics',
];
/**
 * A plan of sections holding tables whose runs of plain rows are broken by lines that end, continue or fake a table;
 * some tables are long enough (over 64 KB) for a one-shot read to hand them over a piece of rows at a time.
 */
const streamArb = fc
  .array(
    fc.tuple(
      fc.constantFrom(...SECTION_HEADS),
      fc.array(
        fc.tuple(
          fc.constantFrom(...HEADERS),
          fc.array(
            fc.oneof(
              { arbitrary: runArb(false), weight: 4 },
              { arbitrary: fc.constantFrom(...LINES, '<!-- testbed-lint-disable -->'), weight: 1 },
            ),
            { maxLength: 12 },
          ),
        ),
        { maxLength: 3 },
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map(
    (sections) =>
      `---\nkind: testbed-plan\nstart: 2026-01-01\n---\n${sections.map(([h, tables]) => `${h}\n\n${tables.map(([head, rows]) => `${head}\n${rows.join('\n')}`).join('\n\n')}\n`).join('')}`,
  );

describe('a one-shot read hands long tables over piece by piece', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `| D${i} | C${i} | 2026-01-0${(i % 9) + 1} | b |`).join('\n');
  const t = `---\nkind: testbed-plan\n---\n## Counterparts\n\nThe departments:\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n${rows}\n\nAfter the table.\n`;

  it('gives the table with its first rows, then rows alone 16 KB at a time, then what follows', () => {
    const { calls } = readNodes(t);
    expect(calls.slice(0, 2)).toEqual(['heading', 'paragraph']);
    expect(calls[2]).toMatch(/^table\d+$/);
    expect(calls.length).toBeGreaterThan(6);
    expect(calls.slice(3, -1).every((c) => /^rows\d+$/.test(c) && Number(c.slice(4)) < 600)).toBe(true);
    expect(calls.at(-1)).toBe('paragraph');
    // A session keeps blocks under 1 MB whole: the table comes in one node.
    expect(readNodes(t, new ParseSession()).calls).toEqual(['heading', 'paragraph', 'table3001', 'paragraph']);
    const streamed = parsePlan(t, 'p.testbed.md');
    expect(streamed.plan.counterparts?.entries).toHaveLength(3000);
    expect(streamed.plan.counterparts?.table?.span).toEqual({
      start: t.indexOf('| Department'),
      end: t.indexOf('\n\nAfter'),
    });
    expect(model(t)).toBe(model(t, new ParseSession()));
  });

  it(
    'reads the same model streamed (one-shot) as whole (a session), for tables broken by tricky lines (property)',
    { timeout: 600_000 },
    () => {
      fc.assert(
        fc.property(streamArb, (t) => {
          const session = new ParseSession();
          const whole = model(t, session);
          return model(t) === whole && model(t, session) === whole;
        }),
        { seed: SEED, numRuns: 80 },
      );
    },
  );

  it(
    'a session streams a table over 1 MB on every lint and reads the same model as a one-shot lint, also after an edit',
    { timeout: 300_000 },
    () => {
      const big = Array.from({ length: 36_000 }, (_, i) => ROW(i)).join('\n');
      const text = `---\nkind: testbed-plan\n---\n## Iteration log\n\n### 2026-02-01 — Pilot\n- Change: x\n\n## Counterparts\n\n${HEADERS[0]}\n${big}\n| IT | \`code\` | 2026-01-01 | x |\n${big}\n\n## Metrics\n- x\n`;
      expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
      const session = new ParseSession();
      expect(readNodes(text, session).calls.filter((c) => c.startsWith('rows')).length).toBeGreaterThan(100);
      expect(model(text, session)).toBe(model(text));
      const at = text.indexOf('| D500 |');
      const edited = `${text.slice(0, at)}| X | y | 2026-01-01 | z |\n${text.slice(at)}`;
      expect(model(edited, session)).toBe(model(edited));
      expect(session.parsedLastTime).toBe(1);
    },
  );
});
