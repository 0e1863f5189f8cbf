#!/usr/bin/env node
// gen-shapes.mjs — the plan shapes that stress one structure each (issue 12), at a size in bytes.
//
//   node bench/gen-shapes.mjs OUTDIR [--bytes 600000] [--scales 1,2,4,8] [--only table,nested,...]
//
// Writes OUTDIR/<shape>-x<scale>.md for each shape and scale, each about bytes × scale long.
// Shapes (at about 4.7 MB, i.e. --bytes 590000 × 8, they match the table):
//   table      one Counterparts table (about 200,000 rows at 4.7 MB)
//   nested     one list nested as deep as the size allows (about 2,100 levels at 4.7 MB)
//   items      list items under one heading (about 150,000 at 4.7 MB)
//   entries    iteration entries as H3 headings with labelled bullets (about 90,000 at 4.7 MB)
//   sections   short H2 sections (about 200,000 at 4.7 MB)
//   paragraph  one long paragraph of prose in the Customer selection section
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FRONT = `---
kind: testbed-plan
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
---

# Scale test

`;

const WORDS = ['the', 'ward', 'stock', 'weekly', 'pharmacy', 'nurses', 'replenishment', 'counts', 'cabinet', 'supply', 'process', 'customer'];

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

export const SHAPES = {
  table: (bytes) => fill(`${FRONT}## Counterparts\n\n| Department | Contact | Since | Benefit |\n|---|---|---|---|\n`, bytes, (i) => `| D${i % 997} | C${i % 89} | 2025-01-06 | b |\n`),
  nested: (bytes) => {
    const parts = [`${FRONT}## Customer selection\n\n`];
    let n = parts[0].length;
    for (let d = 0; n < bytes; d++) {
      const l = `${'  '.repeat(d)}- level ${d}\n`;
      parts.push(l);
      n += l.length;
    }
    return parts.join('');
  },
  items: (bytes) => fill(`${FRONT}## Scale-up\n\n`, bytes, (i) => `- item ${i} of our rollout plan\n`),
  entries: (bytes) => fill(`${FRONT}## Iteration log\n\n`, bytes, (i) => `### 2025-02-03 — E${i}\n\n- Change: c${i % 10}\n- Source: customer\n\n`),
  sections: (bytes) => fill(FRONT, bytes, (i) => `## S${i}\n\nText ${i % 10}.\n\n`),
  paragraph: (bytes) => fill(`${FRONT}## Customer selection\n\n`, bytes, (i) => `${WORDS[i % WORDS.length]}${i % 12 === 11 ? '\n' : ' '}`, '\n'),
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const out = argv[0];
  if (!out) throw new Error('usage: gen-shapes.mjs OUTDIR [--bytes N] [--scales 1,2,4,8] [--only a,b]');
  const opt = (name, d) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? d : argv[i + 1];
  };
  const bytes = Number(opt('bytes', '590000'));
  const scales = opt('scales', '1,2,4,8').split(',').map(Number);
  const only = opt('only', Object.keys(SHAPES).join(',')).split(',');
  mkdirSync(out, { recursive: true });
  for (const shape of only) for (const s of scales) writeFileSync(join(out, `${shape}-x${s}.md`), SHAPES[shape](bytes * s));
}
