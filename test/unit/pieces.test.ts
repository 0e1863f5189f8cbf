// Long tables and lists are parsed in pieces and merged; the result must equal a whole parse, node for node.
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api/index.js';
import { BlockCache, parsePlan } from '../../src/core/parse/index.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { MAX_NESTING, parsePieces, planBlock } from '../../src/core/parse/pieces.js';
import { LineIndex } from '../../src/core/positions.js';

const SEED = Number(process.env.TESTBED_SEED ?? 424242);

/** The whole tree without the parser's internal fields: what every reader of the mdast sees. */
function tree(text: string, options: ConstructorParameters<typeof BlockCache>[0]) {
  const d = parsePlan(text, 'p.testbed.md', undefined, new BlockCache(options));
  const strip = (n: Nodes): unknown => ({ ...n, ...('children' in n ? { children: (n.children as Nodes[]).map(strip) } : {}) });
  return JSON.stringify({ nodes: d.mdast!.children.map(strip), plan: d.plan, syntax: d.syntaxIssues });
}

/** Lines chosen to end, continue or fake a table or a list at a cut. */
const LINES = [
  '| Finance | Dana | 2026-01-05 | cost data |', '| IT | Lee | 2026-01-06 | `a|b` |', '| a \\| b | **c** |', '|', '| x', '||', '|||x|', '| a  b |', '|-|', '| é ü |', '|  |  |', '| x |  ', '| 1. | - |', 'lazy | row',
  '- **IT**: Lee, since 2026-01-06. Benefit: EDI', '- item', '- item', '- Two words: here', '- a  b', '- x ', '- x\t', '-  two spaces', '- é', '* star item', '+ plus', '1. one', '2) two', '3. three',
  '  continued in the item', '    indented code or nested', '  - nested item', 'lazy continuation', '', '', '> quote', '```', '~~~',
  '<!--', '-->', '<div>', '---', '***', '- - -', '===', '[ref]: /url', '[ref]', '\t- tab item', '-', '- ', '1.', '<pre>', '</pre>',
];

const docArb = fc
  .tuple(fc.constantFrom('| Department | Contact | Since | Benefit |\n|---|---|---|---|\n', '- first\n', '1. first\n', '| a |\n|:-:|\n'), fc.array(fc.constantFrom(...LINES), { maxLength: 80 }), fc.boolean())
  .map(([head, lines, crlf]) => {
    const t = `---\nkind: testbed-plan\n---\n## Counterparts\n\n${head}${lines.join('\n')}\n## Metrics\n- x\n`;
    return crlf ? t.replace(/\n/g, '\r\n') : t;
  });

describe('parsing long tables and lists in pieces', () => {
  it('cuts a long table and a long list, and the result equals a whole parse', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `| D${i} | C | 2026-01-0${(i % 9) + 1} | b |`).join('\n');
    const items = Array.from({ length: 300 }, (_, i) => `- item ${i}`).join('\n');
    const t = `## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n${rows}\n\n${items}\n`;
    expect(planBlock(t, 0, t.length, 1000).cuts.map((c) => c.kind)).toEqual([...Array(8).fill('table'), ...Array(3).fill('list')]);
    expect(tree(t, { pieceBytes: 1000 })).toBe(tree(t, { split: false }));
    // The pieces merge as planned (no fallback to a whole parse): one table of 301 rows, one list of 300 items.
    const lines = new LineIndex(t);
    const options = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };
    const nodes = parsePieces(t, 0, t.length, planBlock(t, 0, t.length, 1000).cuts, (o) => lines.positionAt(o).line, (s) => fromMarkdown(s, options).children);
    expect(nodes?.map((n) => [n.type, 'children' in n ? n.children.length : 0])).toEqual([['heading', 1], ['table', 301], ['list', 300]]);
  });

  it('does not split or cut inside a fence that follows a tag line (HTML block or paragraph text)', () => {
    for (const t of [
      '---\nkind: testbed-plan\n---\n## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n- item\n</pre>\n~~~\n\n## Metrics\n- x\n',
      '</div>\n~~~\n~~~\n## Iteration log\n',
    ]) {
      expect(tree(t, { pieceBytes: 1 })).toBe(tree(t, { split: false }));
      expect(tree(t, {})).toBe(tree(t, { split: false }));
    }
  });

  it('gives the same tree as a whole parse for tricky documents (property)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(docArb, (t) => tree(t, { pieceBytes: 1 }) === tree(t, { split: false })),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it(`reports nesting deeper than ${MAX_NESTING} levels once, on the block's first line, without parsing it`, () => {
    const nested = Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    const text = `---\nkind: testbed-plan\ntitle: T\n---\n\n# T\n\n## Counterparts\n\n- **IT**: Lee\n\n## Scale-up\n${nested}\n`;
    const started = performance.now();
    const problems = lint(text, { filePath: 'n.testbed.md', today: '2026-06-01' }).filter((p) => p.ruleId === 'plan-syntax');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [12, 1, 'Markdown that cannot be read: this part is nested too deeply to read; flatten it so the rules can check this part of the plan.'],
    ]);
    const ok = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(lint(text.replace(nested, ok), { filePath: 'n.testbed.md', today: '2026-06-01' }).some((p) => p.ruleId === 'plan-syntax')).toBe(false);
  });
});

/** Lines chosen to be read directly (plain headings, paragraphs, bullets) or to look like them and not be. */
const PLAIN_LINES = ['', '', '', 'Text 1.', 'Plain words here', 'Two  spaces inside', 'é accents ü', '- Change: c1', '- Source: customer', '- x', '## S1', '### 2025-02-03 — E1', 'last words ', 'more  ', 'end   '];
const SIMPLE_LINES = [
  '-  two', '- x ', 'trailing ', '#  spaced', '# closing #', '####### seven', '#', '#\tTab', 'a *b*', 'a_b', 'a `c`', 'see [x]', 'a & b', 'a < b', 'a > b', 'a\\b',
  '===', '---', '- - -', '* star', '1. one', '  indented', '    code', '\tTab', 'a | b', '|---|', '> quote', '```', '<!-- c -->', 'x\u00a0', '\u00a0x', 'a~b', 'a!b',
  '😀 emoji', 'a\u0000b', '- é', '-', '- 1', 'word\r',
];

/** What the rules see from a one-shot lint that streams long tables (tiny pieces) and from a whole parse. */
function model(text: string, options: ConstructorParameters<typeof BlockCache>[0]) {
  const d = parsePlan(text, 'p.testbed.md', undefined, new BlockCache(options));
  return JSON.stringify({ plan: d.plan, outline: d.outline, directives: d.directives, syntax: d.syntaxIssues, schema: d.schemaIssues, keys: d.unknownKeys });
}

const ROW = fc.integer({ min: 0, max: 99 }).map((i) => `| D${i} | C${i} | 2026-01-0${(i % 9) + 1} | b${i} |`);
const HEADERS = [
  '| Department | Contact | Since | Benefit |\n|---|---|---|---|', '| Date | Change | Feedback |\n|---|---|---|', '| Notes | More |\n|---|---|',
  '| a | b |\n|---|---|---|', '| Department |\n|:-:|',
];
const SECTION_HEADS = ['## Counterparts', '## Iteration log', '## Iteration log\n\n### 2026-02-01 — Pilot\n- Change: x', '## Customer selection', '## Unknown part', '## Metrics'];
/** A plan of sections holding long tables whose runs of plain rows are broken by lines that end, continue or fake a table. */
const streamArb = fc
  .array(
    fc.tuple(
      fc.constantFrom(...SECTION_HEADS),
      fc.array(fc.tuple(fc.constantFrom(...HEADERS), fc.array(fc.oneof({ arbitrary: ROW, weight: 8 }, { arbitrary: fc.constantFrom(...LINES, '<!-- testbed-lint-disable -->'), weight: 1 }), { maxLength: 60 })), { maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((sections) => `---\nkind: testbed-plan\nstart: 2026-01-01\n---\n${sections.map(([h, tables]) => `${h}\n\n${tables.map(([head, rows]) => `${head}\n${rows.join('\n')}`).join('\n\n')}\n`).join('')}`);

describe('a one-shot lint reads long tables piece by piece', () => {
  it('hands a long table over in pieces of rows, and reads the same model as a whole parse', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `| D${i} | C${i} | 2026-01-0${(i % 9) + 1} | b |`).join('\n');
    const t = `---\nkind: testbed-plan\n---\n## Counterparts\n\nThe departments:\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n${rows}\n\nAfter the table.\n`;
    const batches: string[] = [];
    const cache = new BlockCache({ reuse: false });
    const lines = new LineIndex(t);
    cache.parse(t, t.indexOf('## '), (o) => lines.positionAt(o).line, (nodes) => batches.push(nodes.map((n) => `${n.type}${n.type === 'table' ? n.children.length : ''}`).join(' ')));
    // The first piece (heading, paragraph, the table's first rows), then rows alone, 16 KB at a time, then what follows.
    expect(batches[0]).toMatch(/^heading paragraph table\d+$/);
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.slice(1, -1).every((b) => /^table\d+$/.test(b) && Number(b.slice(5)) < 600)).toBe(true);
    expect(batches.at(-1)).toBe('paragraph');
    const streamed = parsePlan(t, 'p.testbed.md', undefined, new BlockCache({ reuse: false }));
    expect(streamed.plan.counterparts?.entries).toHaveLength(3000);
    expect(streamed.plan.counterparts?.table?.span).toEqual({ start: t.indexOf('| Department'), end: t.indexOf('\n\nAfter') });
    expect(model(t, { reuse: false })).toBe(model(t, { split: false }));
  });

  it('reads the same model as a whole parse for tables broken by tricky lines (property)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(streamArb, fc.constantFrom(1, 20, 64), (t, pieceBytes) => {
        const whole = model(t, { split: false });
        // An editor's session streams long blocks too (here from 64 bytes on) and keeps only the others: read twice.
        const session = new BlockCache({ pieceBytes, sessionStreamBytes: 64 });
        const again = (cache: BlockCache) => {
          const d = parsePlan(t, 'p.testbed.md', undefined, cache);
          return JSON.stringify({ plan: d.plan, outline: d.outline, directives: d.directives, syntax: d.syntaxIssues, schema: d.schemaIssues, keys: d.unknownKeys });
        };
        return model(t, { reuse: false, pieceBytes }) === whole && again(session) === whole && again(session) === whole;
      }),
      { seed: SEED, numRuns: 600 },
    );
  });
});

const simpleArb = fc
  .tuple(fc.constantFrom('## S1\n', '### 2025-02-03 — E1\n\n', '', '#  Heading  \n', '# H #\n'), fc.array(fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_LINES), weight: 12 }, { arbitrary: fc.constantFrom(...SIMPLE_LINES), weight: 1 }), { maxLength: 30 }), fc.constantFrom('', '## Next\n- x\n'))
  .map(([head, lines, tail]) => `---\nkind: testbed-plan\n---\n${head}${lines.join('\n')}\n${tail}`);

describe('reading simple blocks without the Markdown parser', () => {
  it('reads a heading, plain paragraphs and plain bullets as micromark does', () => {
    const text = '---\nkind: testbed-plan\n---\n## Iteration log\n\n### 2025-02-03 — E1\n\n- Change: c1\n- Source: customer\n\n## S2\n\nText 2.\nmore\n\n- a\n';
    expect(tree(text, {})).toBe(tree(text, { simple: false }));
    const cache = new BlockCache();
    parsePlan(text, 'p.testbed.md', undefined, cache);
    expect(cache.parsedLastTime).toBe(3);
    const spaces = '---\nkind: testbed-plan\n---\n## P\n\nwords and \nmore words \n\nText  \n';
    expect(tree(spaces, {})).toBe(tree(spaces, { simple: false }));
  });

  it('gives the same tree as micromark for plain-looking and tricky blocks (property)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(simpleArb, (text) => {
        expect(tree(text, {})).toBe(tree(text, { simple: false }));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
