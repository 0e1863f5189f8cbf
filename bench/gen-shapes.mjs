#!/usr/bin/env node
// gen-shapes.mjs — plans that each stress one construct the readers handle (issues 12 and 18), at a size in bytes.
//
//   node bench/gen-shapes.mjs OUTDIR [--bytes 590000] [--scales 1,2,4,8] [--only table,nested,...] [--list]
//
// Writes OUTDIR/<shape>-x<scale>.md (or .testbed.yaml for the YAML plans) for each shape and scale, each about
// bytes × scale long in UTF-8. Each is a plausible plan (front matter, title, the sections a writer would use) in
// which one construct fills one section, or the whole file, so its cost as it grows is what the run shows.
// `--list` prints the shapes and what each covers. The list, with what each covers, is SHAPES below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FRONT_FIELDS = `kind: testbed-plan
title: Scale test
owner: Sam Ortiz
owner-department: sales
status: running
start: 2025-01-13
review: 2026-01-12
aims: [customer-profitability]
customer:
  name: Northside
  tier: standard
  size: small
  new-processes: true
  champion: Dr. Lee
  risk: low
`;
const FRONT = `---\n${FRONT_FIELDS}---\n\n# Scale test\n\n`;

const WORDS = [
  'the',
  'ward',
  'stock',
  'weekly',
  'pharmacy',
  'nurses',
  'replenishment',
  'counts',
  'cabinet',
  'supply',
  'process',
  'customer',
];
const word = (i) => WORDS[i % WORDS.length];
const ROLES = ['the CFO', 'the head nurse', 'the pharmacist', 'the buyer', 'the ward clerk'];
const DEPTS = ['Finance', 'IT', 'Logistics', 'Supply chain', 'Quality'];

/** Calls `line(i)` until the text reaches `bytes`; returns the joined text. */
function fill(head, bytes, line, tail = '') {
  const parts = [head];
  // Why: bytes of UTF-8, as the file will have (the entries' "—" is one character but three bytes).
  let n = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; n < bytes; i++) {
    const l = line(i);
    parts.push(l);
    n += Buffer.byteLength(l);
  }
  parts.push(tail);
  return parts.join('');
}

/** An iteration entry as an H3 heading with labelled bullets (dates cycle through 2025 so they stay valid). */
const day = (i) => `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

/**
 * Each shape: what it covers (`covers`), the file's extension (`ext`, default .md) and `make(bytes)`, the text.
 * The first six are issue 12's; the rest (issue 18) cover every other construct the readers tell apart: the block
 * kinds the splitter, the piece planner and the simple reader treat differently, inline constructs, HTML, directive
 * comments, line endings, front matter, and YAML block and flow collections with anchors.
 */
export const SHAPES = {
  table: {
    covers: 'a GFM pipe table (one Counterparts table, about 200,000 rows at 8x)',
    make: (bytes) =>
      fill(
        `${FRONT}## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n`,
        bytes,
        (i) => `| D${i % 997} | C${i % 89} | 2025-01-06 | b |\n`,
      ),
  },
  nested: {
    covers: 'list nesting, as deep as the size allows (about 2,100 levels at 8x; over 100 is reported, not parsed)',
    make: (bytes) => fill(`${FRONT}## Customer selection\n\n`, bytes, (d) => `${'  '.repeat(d)}- level ${d}\n`),
  },
  items: {
    covers: 'a tight bullet list of plain one-line items (about 140,000 under Scale-up at 8x)',
    make: (bytes) => fill(`${FRONT}## Scale-up\n\n`, bytes, (i) => `- item ${i} of our rollout plan\n`),
  },
  entries: {
    covers: 'iteration entries as H3 headings with labelled bullets (about 79,000 at 8x), ATX headings',
    make: (bytes) =>
      fill(
        `${FRONT}## Iteration log\n\n`,
        bytes,
        (i) => `### 2025-02-03 — E${i}\n\n- Change: c${i % 10}\n- Source: customer\n\n`,
      ),
  },
  sections: {
    covers: 'short ATX H2 sections (about 230,000 at 8x), each a block of its own',
    make: (bytes) => fill(FRONT, bytes, (i) => `## S${i}\n\nText ${i % 10}.\n\n`),
  },
  paragraph: {
    covers: 'one long paragraph of prose (soft line breaks) in Customer selection',
    make: (bytes) =>
      fill(`${FRONT}## Customer selection\n\n`, bytes, (i) => `${word(i)}${i % 12 === 11 ? '\n' : ' '}`, '\n'),
  },
  'setext-headings': {
    covers:
      'setext headings (=== and ---) as sections, between thematic breaks (***, ___, - - -): no ATX heading to split at',
    make: (bytes) =>
      fill(`${FRONT}Customer selection\n------------------\n\nChosen for its new processes.\n\n`, bytes, (i) =>
        i % 2 === 0
          ? `Note ${i}\n=======\n\nThe ${word(i)} counts were ${i % 7} days late.\n\n${['***', '___', '- - -'][i % 3]}\n\n`
          : `Part ${i}\n--------\n\nThe ${word(i)} ran ${i % 5} times.\n\n`,
      ),
  },
  'ordered-list': {
    covers: 'a tight ordered list (1. and nested 1) sub-lists) under Scale-up',
    make: (bytes) =>
      fill(`${FRONT}## Scale-up\n\n`, bytes, (i) => {
        const item = `${i + 1}. step ${i} of the rollout\n`;
        // The sub-list is indented to the item's content, which moves with the number's width.
        const pad = ' '.repeat(String(i + 1).length + 2);
        return i % 5 === 4 ? `${item}${pad}1) check the ${word(i)} first\n${pad}2) then the ${word(i + 1)}\n` : item;
      }),
  },
  'loose-list': {
    covers: 'a loose bullet list (* and + markers, blank lines, items of two paragraphs) under Scale-up',
    make: (bytes) =>
      fill(`${FRONT}## Scale-up\n\n`, bytes, (i) => {
        const marker = Math.floor(i / 500) % 2 ? '+' : '*';
        return `${marker} Planning step ${i}: the ${word(i)} moves to the regional desk.\n\n  It is funded from the ${word(i + 3)} savings.\n\n`;
      }),
  },
  blockquotes: {
    covers:
      'block quotes of customer statements, several lines each, with nested quotes (a quoted reply thread, 1 to 4 deep)',
    make: (bytes) =>
      fill(`${FRONT}## Customer selection\n\nWhat they told us:\n\n`, bytes, (i) => {
        const depth = 1 + (i % 4);
        const lines = [];
        for (let d = 1; d <= depth; d++) {
          const q = '> '.repeat(d);
          lines.push(
            `${q}The ${word(i + d)} ran out twice this week,`,
            `${q}said ${ROLES[(i + d) % ROLES.length]} on ward ${i % 9}.`,
            '>'.repeat(d),
          );
        }
        lines.pop();
        return `${lines.join('\n')}\n\n`;
      }),
  },
  'fenced-code': {
    covers: 'many fenced code blocks (``` and ~~~, info strings, # lines inside that are no headings) in Scale-up',
    make: (bytes) =>
      fill(`${FRONT}## Scale-up\n\n`, bytes, (i) =>
        i % 2
          ? `The depot config for ward ${i}:\n\n\`\`\`yaml\n# ward ${i}\nward: ${i}\nrun: weekly\n\`\`\`\n\n`
          : `The count script:\n\n~~~sh\n# counts for cabinet ${i}\ncount --ward ${i % 9}\n~~~\n\n`,
      ),
  },
  'fenced-log': {
    covers: 'one fenced code block that fills the file (a pasted export), with # lines inside',
    make: (bytes) =>
      fill(
        `${FRONT}## Customer selection\n\nThe ward's stock log, as exported:\n\n\`\`\`text\n`,
        bytes,
        (i) =>
          i % 50 === 0
            ? `# ward ${i % 9} totals\n`
            : `2025-02-03T08:${String(i % 60).padStart(2, '0')}:00Z ward=${i % 9} item=IV-set qty=${i % 40}\n`,
        '```\n',
      ),
  },
  'indented-code': {
    covers: 'indented code blocks (four spaces) between paragraphs in Scale-up',
    make: (bytes) =>
      fill(
        `${FRONT}## Scale-up\n\n`,
        bytes,
        (i) => `Order ${i} as the depot sends it:\n\n    ORDER ${i} WARD ${i % 9}\n    ITEM IV-SET QTY ${i % 40}\n\n`,
      ),
  },
  'inline-basic': {
    covers: 'paragraphs of the inline Markdown the simple reader takes: code spans, emphasis, strong, inline links',
    make: (bytes) =>
      fill(
        `${FRONT}## Customer selection\n\n`,
        bytes,
        (i) =>
          `We keep the \`site_${i}\` field: *the ${word(i)}* team reads it, **every week**, see [the notes](https://intranet.example.com/n/${i}).\n\n`,
      ),
  },
  'inline-rich': {
    covers:
      'images, autolinks, hard breaks (two spaces and backslash), entities, backslash escapes and ~ in paragraphs',
    make: (bytes) =>
      fill(
        `${FRONT}## Customer selection\n\n`,
        bytes,
        (i) =>
          `![ward ${i}](img/w${i}.png "Ward ${i}") was counted &amp; signed&nbsp;off &#169; 2025,  \n` +
          `see <https://intranet.example.com/w/${i}> or <ops${i}@example.com>\\\nat 50\\% of ~${i % 9} items \\*not\\* all.\n\n`,
      ),
  },
  'reference-links': {
    covers: 'reference links (full, collapsed, shortcut) and their definitions ([x]: url "title") in one section',
    make: (bytes) =>
      fill(
        `${FRONT}## Customer selection\n\n`,
        bytes,
        (i) =>
          `See [the visit][v${i}], [w${i}][] and [note ${i}] for ward ${i % 9}.\n\n` +
          `[v${i}]: https://intranet.example.com/v/${i} "Visit ${i}"\n[w${i}]: <https://intranet.example.com/w/${i}>\n` +
          `[note ${i}]: https://intranet.example.com/n/${i}\n\n`,
      ),
  },
  'html-blocks': {
    covers:
      'HTML blocks of every kind: <div> and <details> (6), comments, <pre>/<script>/<style> (1), <?…?>, <!DOCTYPE>, CDATA, a custom tag (7)',
    make: (bytes) =>
      fill(`${FRONT}## Customer selection\n\nChosen for its new processes.\n\n`, bytes, (i) => {
        const blocks = [
          `<div class="note">\nWard ${i} counts\n</div>\n\n`,
          `<details>\n<summary>Ward ${i}</summary>\n\nThe ${word(i)} list.\n\n</details>\n\n`,
          `<!--\nReviewer note ${i}: check the ${word(i)} figures.\n-->\n\n`,
          `<pre>\nward ${i}\n\n# not a heading\n</pre>\n\n`,
          `<script type="application/json">\n{"ward": ${i}}\n</script>\n\n`,
          `<style>\n.w${i} { color: red; }\n</style>\n\n`,
          `<?xml-stylesheet href="w${i}.css"?>\n\n`,
          `<!DOCTYPE ward-${i}>\n\n`,
          `<![CDATA[\nward ${i} < 10\n]]>\n\n`,
          `<ward-card id="w${i}">\n</ward-card>\n\n`,
        ];
        return `${blocks[i % blocks.length]}The ${word(i)} was counted.\n\n`;
      }),
  },
  'html-inline': {
    covers: 'inline HTML in paragraphs: tags with attributes, <br>, closing tags and inline comments',
    make: (bytes) =>
      fill(
        `${FRONT}## Customer selection\n\n`,
        bytes,
        (i) =>
          `Press <kbd>Ctrl</kbd>+<kbd>S</kbd> on ward <span title="w${i}">${i % 9}</span>,<br>\nthen CO<sub>2</sub> <!-- check ${i} --> is logged.\n\n`,
      ),
  },
  'html-directives': {
    covers:
      'directive comments in the Markdown body, every kind (disable-file, disable/enable, disable-next-line, disable-line, with -- reasons) over H3 entries',
    make: (bytes) =>
      fill(
        `${FRONT}<!-- testbed-lint-disable-file iteration-stale -- an old log -->\n\n## Iteration log\n\n`,
        bytes,
        (i) => {
          const body = `- Change: c${i % 10}\n- Source: customer\n\n`;
          const kinds = [
            `<!-- testbed-lint-disable-next-line iteration-feedback -->\n### ${day(i)} — E${i}\n\n${body}`,
            `### ${day(i)} — E${i} <!-- testbed-lint-disable-line iteration-feedback -- on the phone -->\n\n${body}`,
            `<!-- testbed-lint-disable iteration-feedback, iteration-order -->\n\n### ${day(i)} — E${i}\n\n${body}` +
              '<!-- testbed-lint-enable iteration-feedback, iteration-order -->\n\n',
            `### ${day(i)} — E${i}\n\n${body}`,
          ];
          return kinds[i % kinds.length];
        },
      ),
  },
  'labelled-bullets': {
    covers:
      'Counterparts and Metrics as labelled bullets (**Department**: contact, since date. Benefit: …), read by the bullet entry reader',
    make: (bytes) =>
      fill(
        `${FRONT}## Counterparts\n\n`,
        bytes,
        (i) =>
          `- **${DEPTS[i % DEPTS.length]} ${i}**: Dana Reyes, since ${day(i)}. Benefit: cost-to-serve data for ward ${i % 9}\n`,
        `\n## Metrics\n\n- Ward stock-outs per month (customer, worst)\n`,
      ),
  },
  'table-inline': {
    covers:
      'an iteration log table whose cells hold emphasis, code, links and escaped pipes (cells the simple reader leaves to micromark)',
    make: (bytes) =>
      fill(
        `${FRONT}## Iteration log\n\n| Date | Change | Feedback | Source | Order |\n|---|---|---|---|---|\n`,
        bytes,
        (i) =>
          `| ${day(i)} | moved the \`w${i}\` count to *Friday* | [notes](https://x.example/${i}) a \\| b | customer | second |\n`,
      ),
  },
  'crlf-entries': {
    covers: 'the entries shape with CRLF line endings (a plan saved on Windows)',
    make: (bytes) =>
      fill(
        `${FRONT.replace(/\n/g, '\r\n')}## Iteration log\r\n\r\n`,
        bytes,
        (i) => `### ${day(i)} — E${i}\r\n\r\n- Change: c${i % 10}\r\n- Source: customer\r\n\r\n`,
      ),
  },
  'front-matter': {
    covers:
      'a front matter that fills the file: YAML fields, block and flow sequences, nested mappings, comments with directives',
    make: (bytes) =>
      fill(
        `---\n# testbed-lint-disable plan-unknown-key\n${FRONT_FIELDS}x-history:\n`,
        bytes,
        (i) =>
          `  - date: ${day(i)}\n    by: ${ROLES[i % ROLES.length]}\n    wards: [${i % 9}, ${(i + 1) % 9}]\n    note: "moved the ${word(i)} count" # ${i}\n`,
        '---\n\n# Scale test\n\n## Customer selection\n\nChosen for its new processes.\n',
      ),
  },
  'yaml-block': {
    ext: '.testbed.yaml',
    covers:
      'a YAML plan: a long block sequence of block mappings, with plain, quoted, literal (|) and folded (>-) scalars',
    make: (bytes) =>
      fill(`${FRONT_FIELDS}iterations:\n`, bytes, (i) => {
        const date = `  - date: ${day(i)}\n`;
        if (i % 3 === 0)
          return `${date}    change: moved the ${word(i)} count to Friday\n    feedback: "the ${word(i + 1)} was late, said ${ROLES[i % ROLES.length]}"\n    source: customer\n`;
        if (i % 3 === 1)
          return `${date}    change: |\n      moved the ${word(i)} count\n      to Friday\n    feedback: >-\n      the ${word(i + 2)} was late\n      on ward ${i % 9}\n    source: 'customer'\n`;
        return `${date}    change: added a top-up run\n    feedback: nurses liked it\n    source: customer\n`;
      }),
  },
  'yaml-flow': {
    ext: '.testbed.yaml',
    covers:
      'a YAML plan whose iterations are one flow sequence of flow mappings, one per line, with flow sequences inside',
    make: (bytes) =>
      fill(
        `${FRONT_FIELDS}iterations: [\n`,
        bytes,
        (i) =>
          `  { date: ${day(i)}, change: "moved the ${word(i)} count", feedback: nurses liked it, source: customer, x-wards: [${i % 9}, ${(i + 1) % 9}] },\n`,
        ']\n',
      ),
  },
  'yaml-anchors': {
    ext: '.testbed.yaml',
    covers:
      'a YAML plan with anchors and aliases: a feedback anchored every 10 entries and aliased by the next nine (within the yaml limits: no alias of an alias)',
    make: (bytes) =>
      fill(`${FRONT_FIELDS}iterations:\n`, bytes, (i) => {
        const head = `  - date: ${day(i)}\n    change: moved the ${word(i)} count\n`;
        const a = i - (i % 10);
        return i % 10 === 0
          ? `${head}    feedback: &fb${i} the ${word(i + 1)} was late, said ${ROLES[i % ROLES.length]}\n    source: &src${i} customer\n`
          : `${head}    feedback: *fb${a}\n    source: *src${a}\n`;
      }),
  },
  'yaml-directives': {
    ext: '.testbed.yaml',
    covers:
      'directive comments in a YAML plan, every kind (# testbed-lint-disable-next-line, -line, disable/enable, -file), over a block sequence',
    make: (bytes) =>
      fill(`# testbed-lint-disable-file iteration-stale -- an old log\n${FRONT_FIELDS}iterations:\n`, bytes, (i) => {
        const rest = `    change: c${i % 10}\n    source: customer\n`;
        const kinds = [
          `  # testbed-lint-disable-next-line iteration-feedback\n  - date: ${day(i)}\n${rest}`,
          `  - date: ${day(i)} # testbed-lint-disable-line iteration-feedback -- on the phone\n${rest}`,
          `  # testbed-lint-disable iteration-feedback, iteration-order\n  - date: ${day(i)}\n${rest}` +
            '  # testbed-lint-enable iteration-feedback, iteration-order\n',
          `  - date: ${day(i)}\n${rest}`,
        ];
        return kinds[i % kinds.length];
      }),
  },
};

/** The file name of `shape` at `scale`. */
export const fileOf = (shape, scale) => `${shape}-x${scale}${SHAPES[shape]?.ext ?? '.md'}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  if (argv.includes('--list')) {
    for (const [name, s] of Object.entries(SHAPES)) process.stdout.write(`${name}\t${s.covers}\n`);
    process.exit(0);
  }
  const out = argv[0];
  if (!out) throw new Error('usage: gen-shapes.mjs OUTDIR [--bytes N] [--scales 1,2,4,8] [--only a,b] | --list');
  const opt = (name, d) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? d : argv[i + 1];
  };
  const bytes = Number(opt('bytes', '590000'));
  const scales = opt('scales', '1,2,4,8').split(',').map(Number);
  const only = opt('only', Object.keys(SHAPES).join(',')).split(',');
  for (const shape of only)
    if (!SHAPES[shape]) throw new Error(`unknown shape ${shape} (known: ${Object.keys(SHAPES).join(', ')})`);
  mkdirSync(out, { recursive: true });
  for (const shape of only)
    for (const s of scales) writeFileSync(join(out, fileOf(shape, s)), SHAPES[shape].make(bytes * s));
}
