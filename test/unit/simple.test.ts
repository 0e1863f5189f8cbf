// The simple-block reader builds mdast without micromark; on every block it takes, the nodes must be micromark's.
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import { readSimpleBlock } from '../../src/core/parse/simple.js';

const SEED = Number(process.env.TESTBED_SEED ?? 424242);
const OPTIONS = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

/** micromark's nodes for `md`, and the reader's (undefined when it leaves the block to micromark). */
function both(md: string): { mine: string | undefined; micromark: string } {
  const nodes = readSimpleBlock(md, 0, md.length, 1);
  return { mine: nodes && JSON.stringify(nodes), micromark: JSON.stringify(fromMarkdown(md, OPTIONS).children) };
}

/** Pieces of inline text the reader takes, and near misses of each (rarer, so most blocks are still read). */
const GOOD = [
  'word',
  'two words',
  'Jamal',
  '2026-01-05',
  '42',
  'é',
  'ü x',
  '—',
  '“quoted”',
  '(paren)',
  'a, b.',
  'x: y',
  ';',
  '?',
  "it's",
  '"q"',
  'R&D',
  'a > b',
  'a #b',
  '~',
  '5 * 3',
  'snake_case',
  '[ ]',
  '`code`',
  '`a.b`',
  '` c `',
  '`  `',
  '` x`',
  '`a\\b`',
  '`*x*`',
  '`[x]`',
  '`<b>`',
  '*em*',
  '**strong**',
  '_em_',
  '__strong__',
  '*a b*',
  '*Note:*',
  '**Risk:**',
  '*x.*',
  '(*x*)',
  '*x*.',
  '*(x)*',
  '*x*,',
  '[text](https://example.com/a-b)',
  '[a b](../plans/tb-1.md)',
  '[x](#frag)',
  '([TB-1](../p/tb-1.md))',
  '[x](a_b)',
];
const TRICKY = [
  '``',
  '```',
  '`a``b`',
  '`x',
  'a`',
  '***x***',
  '*x',
  'x*',
  '* x *',
  '*x*y',
  'a*b*',
  'a_b_c',
  '_a_b',
  '*é*',
  '*x*é',
  '**x*',
  '*x**',
  '_x_y',
  '*x_y*',
  '*a*b*',
  '[x](y z)',
  '[x]( y)',
  '[x](<y>)',
  '[x](y "t")',
  '[x](a(b))',
  '[x]',
  '[x][y]',
  '[ ](x)',
  '[]',
  '[x](a&amp;b)',
  '![i](x)',
  '!',
  'a!',
  '[ ]x',
  '&amp;',
  '&#35;',
  '<',
  '<b>',
  '~~x~~',
  '\\',
  '\\*',
  '|',
  'x\ty',
  '😀',
  '\u00a0',
  'a  ',
  '#',
];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...GOOD), weight: 40 },
  { arbitrary: fc.constantFrom(...TRICKY), weight: 1 },
);
const inlineArb = (lines: boolean) =>
  fc
    .array(
      fc.tuple(
        piece,
        fc.oneof(
          { arbitrary: fc.constant(' '), weight: 12 },
          { arbitrary: fc.constant(''), weight: 1 },
          { arbitrary: fc.constant(lines ? '\n' : ' '), weight: 1 },
        ),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.map(([p, sep], i) => p + (i + 1 < parts.length ? sep : '')).join(''));

const cellArb = fc.oneof(
  { arbitrary: fc.constantFrom('a', '`c`', '[l](u)', '', '  x  ', 'two words', '42'), weight: 8 },
  { arbitrary: fc.constantFrom('*e*', 'a_b', '\\|', '`a|b`', '<b>'), weight: 1 },
);
const tableArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc
      .tuple(
        fc.array(cellArb, { minLength: n, maxLength: n }),
        fc.array(fc.constantFrom('---', ' --- ', ':--', '--:', ':-:', ' :---: '), { minLength: n, maxLength: n }),
        fc.array(fc.array(cellArb, { minLength: n, maxLength: n }), { maxLength: 4 }),
        fc.constantFrom('', '', '| x |', 'lazy', '|a|b|c|d|e|'),
      )
      .map(([head, delim, rows, extra]) =>
        [
          `| ${head.join(' | ')} |`,
          `|${delim.join('|')}|`,
          ...rows.map((r) => `| ${r.join(' | ')} |`),
          ...(extra ? [extra] : []),
        ].join('\n'),
      ),
  );
const itemsArb = (marker: fc.Arbitrary<string>) =>
  fc
    .array(fc.tuple(marker, inlineArb(false), fc.array(inlineArb(false), { maxLength: 2 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((items) =>
      items
        .map(([m, t, subs]) => [`${m} ${t}`, ...(m === '-' ? subs.map((x) => `  - ${x}`) : [])].join('\n'))
        .join('\n'),
    );
const ODD = [
  '```',
  '~~~',
  '    code',
  '---',
  '***',
  '===',
  '> q',
  '<div>',
  '  ',
  ' - x',
  '   - x',
  '\t- x',
  '-',
  '- ',
  '+ x',
  '* x',
  '# H',
  'x  ',
  'x ',
  '[a]: /u',
  '  lazy',
  'lazy',
];
const groupArb = fc.oneof(
  { arbitrary: fc.array(inlineArb(true), { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')), weight: 5 },
  { arbitrary: itemsArb(fc.constant('-')), weight: 4 },
  { arbitrary: itemsArb(fc.constantFrom('1.', '2.', '1)', '10.', '0.')), weight: 2 },
  { arbitrary: tableArb, weight: 3 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('```', '```yaml', '````', '``` x'),
        fc.array(fc.constantFrom('status: done', '', '  indented', '`tick`', '```', '````'), { maxLength: 3 }),
        fc.constantFrom('```', '````', ''),
      )
      .map(([o, body, c]) => [o, ...body, c].join('\n')),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(...ODD), weight: 1 },
);

const blockArb = fc
  .tuple(
    fc.constantFrom('', '## Section\n', '### 2026-01-05 — E1\n\n', '# H `c` *e*\n', '## A [link](u) and **b**\n\n'),
    fc.array(fc.tuple(groupArb, fc.constantFrom('\n\n', '\n\n', '\n\n', '\n')), { maxLength: 3 }),
  )
  .map(([head, groups]) => `${head}${groups.map(([g, sep]) => g + sep).join('')}`);

describe('reading simple blocks without the Markdown parser', () => {
  it('reads a plan section with inline code, emphasis, links, nested and ordered lists, a table and a fence as micromark does', () => {
    const md = [
      '## Iteration log',
      '',
      'We keep the `po_number` field. *Note:* see the [kickoff',
      'call](https://intranet.example.com/kickoff) and **Risk:** low; R&D (*x*).',
      '',
      '- [ ] Compared with ([TB-2024-283](../plans/tb-2024-283.md)), wider.',
      '- Order: first',
      '  - Inform `Finance` before the next escalation',
      '  - Book *Quality Assurance*',
      '- Feedback: fine',
      '',
      '1. One',
      '2. Two',
      '',
      '| Metric | Target | Source |',
      '| --- | ---: | :-: |',
      '| Escalations | 20 | `customer.tier` |',
      '| Time |  | [sheet](https://x.example/s) |',
      '',
      '```yaml',
      'status: completed',
      '```',
      '',
    ].join('\n');
    const { mine, micromark } = both(md);
    expect(mine).toBe(micromark);
    expect((JSON.parse(mine!) as { type: string }[]).map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'list',
      'list',
      'table',
      'code',
    ]);
  });

  it('leaves to micromark what it does not read exactly: escapes, HTML, images, references, loose lists, lazy lines', () => {
    for (const md of [
      'a \\* b\n',
      'a <b>x</b>\n',
      '![i](x)\n',
      '[x]\n\n[x]: /u\n',
      '- a\n\n- b\n',
      '- a\nlazy\n',
      '***x***\n',
      '`a\nb`\n',
      'a\n---\n',
      '| a |\n|---|\nlazy\n',
      '1. a\n- b\n',
      '```\nx\n',
    ]) {
      expect(readSimpleBlock(md, 0, md.length, 1), md).toBeUndefined();
    }
  });

  it('gives exactly micromark’s nodes whenever it reads a block (property)', { timeout: 300_000 }, () => {
    // One group (a paragraph, a list, a table, a fence) after a heading, and blocks of a few groups.
    const cases: [fc.Arbitrary<string>, number, number][] = [
      [fc.tuple(fc.constantFrom('', '## S\n', '## S\n\n'), groupArb).map(([h, g]) => `${h}${g}\n`), 6000, 1500],
      [blockArb, 3000, 250],
    ];
    for (const [arb, runs, least] of cases) {
      let read = 0;
      fc.assert(
        fc.property(arb, (md) => {
          const { mine, micromark } = both(md);
          if (mine === undefined) return;
          if (/[\w)]/.test(md.replace(/^#+ .*\n/, ''))) read++;
          expect(mine).toBe(micromark);
        }),
        { seed: SEED, numRuns: runs },
      );
      // The property says something: many generated blocks with content are read without micromark.
      expect(read).toBeGreaterThan(least);
    }
  });
});
