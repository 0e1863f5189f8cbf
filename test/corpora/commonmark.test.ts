// Peer corpus: every example of the CommonMark spec, embedded as the body of plan sections.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lintDetailed } from '../../src/api/index.js';
import { readSimpleBlock } from '../../src/core/parse/simple.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { expectValidRanges, TODAY } from '../property/arbitraries.js';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: { markdown: string; section: string; number: number }[] };

const HEAD = '---\nkind: testbed-plan\ntitle: Corpus\nstatus: running\nstart: 2026-01-01\n---\n\n# Corpus\n\n';
const PLACEMENTS: Record<string, (md: string) => string> = {
  'iteration log': (md) =>
    `${HEAD}## Iteration log\n\n### 2026-02-01 — entry\n\n${md}\n## Counterparts\n\n- **Finance**: Dana, since 2026-01-01. Benefit: data\n`,
  counterparts: (md) =>
    `${HEAD}## Customer selection\n\nSmall and new.\n\n## Counterparts\n\n${md}\n## Metrics\n\n| Metric | Perspective | Aggregate |\n|---|---|---|\n| x | customer | worst |\n`,
};
/** Per lint; the slowest example takes a few ms, so this only catches a hang or a blow-up. */
const MAX_MS = 2000;

describe('CommonMark spec examples as plan section bodies', () => {
  it('lint without throwing or crashing, with valid ranges, in bounded time', { timeout: 120_000 }, () => {
    let linted = 0;
    let crashes = 0;
    let slowest = { ms: 0, example: 0, placement: '' };
    const failures: string[] = [];
    for (const ex of spec.tests) {
      for (const [placement, wrap] of Object.entries(PLACEMENTS)) {
        const text = wrap(ex.markdown);
        const started = performance.now();
        let r;
        try {
          r = lintDetailed(text, { filePath: `cm-${ex.number}.testbed.md`, today: TODAY });
        } catch (error) {
          failures.push(`example ${ex.number} in ${placement}: threw ${String(error)}`);
          continue;
        }
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms, example: ex.number, placement };
        linted++;
        crashes += r.crashes.length;
        if (r.crashes.length > 0)
          failures.push(
            `example ${ex.number} in ${placement}: rule crash ${r.crashes.map((c) => `${c.ruleId}: ${String(c.error)}`).join('; ')}`,
          );
        expectValidRanges(text, r);
      }
    }
    console.log(
      `commonmark: ${spec.tests.length} examples x ${Object.keys(PLACEMENTS).length} placements linted (${linted}), ${crashes} crashes, ${failures.length} failures, slowest ${slowest.ms.toFixed(1)} ms (example ${slowest.example} in ${slowest.placement})`,
    );
    expect(failures).toEqual([]);
    expect(slowest.ms).toBeLessThan(MAX_MS);
  });
});

describe('CommonMark spec examples read without the parser', () => {
  it('give exactly the nodes micromark gives whenever the simple-block reader takes them', () => {
    const fromMd = (md: string) =>
      JSON.stringify(
        fromMarkdown(md, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }).children,
      );
    let read = 0;
    const failures: number[] = [];
    for (const ex of spec.tests) {
      for (const md of [ex.markdown, `## Entry\n\n${ex.markdown}`]) {
        const nodes = readSimpleBlock(md, 0, md.length, 1);
        if (!nodes) continue;
        read++;
        if (JSON.stringify(nodes) !== fromMd(md)) failures.push(ex.number);
      }
    }
    expect(failures).toEqual([]);
    // The reader takes the plain examples (paragraphs, headings, bullets), not only the trivial wrapper.
    expect(read).toBeGreaterThan(20);
  });
});
