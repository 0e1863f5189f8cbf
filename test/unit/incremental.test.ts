// Block-split parsing equals a whole-document parse, and a session's incremental lint equals a cold lint.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, lint } from '../../src/api/index.js';
import { ParseSession } from '../../src/core/parse/index.js';
import { splitPoints } from '../../src/core/parse/split.js';
import { readTree, wholeTree } from '../helpers/read-nodes.js';

const EX = join(__dirname, '../../examples');
const TODAY = '2026-06-01';
const SEED = Number(process.env.TESTBED_SEED ?? 424242);

/** Fragments chosen to trip a line-based splitter: fences, HTML blocks, setext headings, indented and fake headings. */
const FRAGMENTS = [
  '## Iteration log',
  '### 2026-02-01 — Pilot',
  '- Change: weekly restock',
  '- Feedback: weekend stock-outs',
  '- Order: second',
  '## Counterparts',
  '| Department | Contact | Since | Benefit |',
  '|---|---|---|---|',
  '| Finance | Dana | 2026-01-05 | cost data |',
  '- **IT**: Lee, since 2026-01-06. Benefit: EDI',
  '## Metrics',
  '- **Stock-outs:** customer, worst',
  '```',
  '```yaml',
  '~~~',
  '````',
  '    ## indented code',
  '   ## three-space heading',
  '#hashtag',
  '# Title',
  '<!-- testbed-lint-disable counterpart-early -->',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<pre>',
  '</pre>',
  '<?php',
  '?>',
  'Setext heading',
  '===',
  '---',
  '***',
  '> ## quoted heading',
  '> quote',
  '- item',
  '  ## heading in a list item',
  '1. numbered',
  '',
  '',
  '',
  'A paragraph of text.',
  '## Customer selection',
  'Northside is small and new.',
  '## Scale-up',
  'Planning changes; resource allocation; compensation.',
  '\t## tab',
  '## ',
  '##',
];

const docArb = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), fc.boolean())
  .map(([fm, lines, crlf]) => {
    const t =
      (fm ? '---\nkind: testbed-plan\ntitle: T\nstatus: running\nstart: 2026-01-01\n---\n' : '') +
      lines.join('\n') +
      '\n';
    return crlf ? t.replace(/\n/g, '\r\n') : t;
  });

describe('block splitting', () => {
  it('splits at top-level headings only', () => {
    const t = '# A\ntext\n## B\n```\n## not\n```\n<!--\n## not\n-->\n   ## C\n#tag\n## D\n';
    expect(splitPoints(t, 0, t.length).map((p) => t.slice(p, t.indexOf('\n', p)))).toEqual(['## B', '## D']);
  });

  it('gives the same nodes as a whole-document parse for the examples, one-shot and in a session', () => {
    for (const f of ['clean.testbed.md', 'flawed.testbed.md']) {
      const t = readFileSync(join(EX, f), 'utf8');
      expect(readTree(t)).toBe(wholeTree(t));
      expect(readTree(t, new ParseSession())).toBe(wholeTree(t));
    }
  });

  it('gives the same nodes as a whole-document parse for tricky documents (property)', () => {
    fc.assert(
      fc.property(docArb, (t) => readTree(t) === wholeTree(t)),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('lint sessions', () => {
  const base = readFileSync(join(EX, 'clean.testbed.md'), 'utf8');

  it('re-parses only the block an edit touches', () => {
    const s = createSession();
    s.lint('file:///p.testbed.md', base, { today: TODAY });
    const first = s.parsedBlocks('file:///p.testbed.md');
    const at = base.indexOf('nurses still');
    const edited = base.slice(0, at) + 'X' + base.slice(at);
    expect(s.lint('file:///p.testbed.md', edited, { today: TODAY })).toEqual(
      lint(edited, { filePath: 'file:///p.testbed.md', today: TODAY }),
    );
    expect(first).toBeGreaterThan(3);
    expect(s.parsedBlocks('file:///p.testbed.md')).toBe(1);
    s.close('file:///p.testbed.md');
    expect(s.parsedBlocks('file:///p.testbed.md')).toBe(0);
  });

  it('gives the same problems as a cold lint after any sequence of edits (property)', () => {
    const edit = fc.record({
      pos: fc.nat(),
      del: fc.nat({ max: 40 }),
      ins: fc.constantFrom(
        '',
        'x',
        '\n',
        '\n## Counterparts\n',
        '\n### 2026-03-01 — B\n- Change: y\n',
        '```\n',
        '<!--',
        '-->',
        '| a | b |\n|---|---|\n',
        '- Order: third\n',
        '#',
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const s = createSession();
        let text = base;
        s.lint('u.testbed.md', text, { today: TODAY });
        for (const e of edits) {
          const p = e.pos % (text.length + 1);
          text = text.slice(0, p) + e.ins + text.slice(Math.min(text.length, p + e.del));
          const incremental = s.lint('u.testbed.md', text, { today: TODAY });
          const cold = lint(text, { filePath: 'u.testbed.md', today: TODAY });
          if (JSON.stringify(incremental) !== JSON.stringify(cold)) return false;
        }
        return true;
      }),
      { seed: SEED, numRuns: 120 },
    );
  });
  it('keeps the same tree as a fresh parse after any sequence of edits, split points rescanned only near the edit (property)', () => {
    const frag = fc.constantFrom(...FRAGMENTS.map((f) => `${f}\n`), 'x', '\n', '#', '`', '## ');
    const edit = fc.record({ pos: fc.nat(), del: fc.nat({ max: 30 }), ins: frag });
    fc.assert(
      fc.property(docArb, fc.array(edit, { minLength: 1, maxLength: 10 }), (doc, edits) => {
        const session = new ParseSession();
        let text = doc;
        readTree(text, session);
        for (const e of edits) {
          const p = e.pos % (text.length + 1);
          text = text.slice(0, p) + e.ins + text.slice(Math.min(text.length, p + e.del));
          expect(readTree(text, session)).toBe(readTree(text, new ParseSession()));
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
