// The Markdown reader's nodes through its one interface (readBlocks), and micromark's whole parse to compare them with.
import type { RootContent } from 'mdast';
import { findFrontMatter } from '../../src/core/parse/front-matter.js';
import { micromark, shift } from '../../src/core/parse/pieces.js';
import { readBlocks } from '../../src/core/parse/reader.js';
import type { ParseSession } from '../../src/core/parse/session.js';
import { LineIndex } from '../../src/core/positions.js';

/** Where the body starts: after the front matter's closing line, as the Markdown plan reader reads it. */
export function bodyStart(text: string): number {
  const fm = findFrontMatter(text);
  if (!fm) return 0;
  const nl = text.indexOf('\n', fm.span.end);
  return nl === -1 ? text.length : nl + 1;
}

/** What readBlocks hands over: the nodes and, per call, what was given (`table3` for a table of 3 rows, `rows5`). */
export function readNodes(
  text: string,
  session?: ParseSession,
): { nodes: RootContent[]; calls: string[]; unreadable: number } {
  const lines = new LineIndex(text);
  const nodes: RootContent[] = [];
  const calls: string[] = [];
  const { unreadable } = readBlocks(
    text,
    {
      node: (n) => {
        // A copy: a kept table's rows must not grow in the session's cache.
        nodes.push(n.type === 'table' ? { ...n, children: [...n.children] } : n);
        calls.push(n.type === 'table' ? `table${n.children.length}` : n.type);
      },
      rows: (table, rows) => {
        const last = nodes[nodes.length - 1];
        if (last?.type !== 'table' || last.position?.start.offset !== table.position?.start.offset)
          throw new Error('rows of a table not given last');
        last.children.push(...rows);
        last.position = table.position && { start: table.position.start, end: table.position.end };
        calls.push(`rows${rows.length}`);
      },
    },
    { from: bodyStart(text), lineOf: (o) => lines.lineAt(o), session },
  );
  return { nodes, calls, unreadable: unreadable.length };
}

/** The body's nodes read by readBlocks, long tables' rows merged back, as JSON. */
export function readTree(text: string, session?: ParseSession): string {
  return JSON.stringify(readNodes(text, session).nodes);
}

/** micromark's nodes for the whole body in one call, positioned in the text, as JSON. */
export function wholeTree(text: string): string {
  const from = bodyStart(text);
  const lines = new LineIndex(text);
  const nodes = micromark(text.slice(from));
  for (const n of nodes) shift(n, from, lines.lineAt(from) - 1);
  return JSON.stringify(nodes);
}
