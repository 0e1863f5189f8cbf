// The one Markdown reader: the body of a plan, split at its top-level headings, each block read into mdast (by the
// simple reader or by micromark) and handed over node by node. An editor's session keeps blocks between lints.
import type { RootContent, Table, TableRow } from 'mdast';
import type { Span } from '../types.js';
import { readBlock } from './block.js';
import { PIECE_BYTES, planBlock, type Source } from './pieces.js';
import type { ParseSession } from './session.js';
import { splitPoints } from './split.js';
import { STREAM_PIECES, streamBlock } from './stream.js';

/** What the reader hands its nodes to, in document order. */
export interface BlockVisitor {
  /** A top-level node: a heading, paragraph, list, table, code, html, blockquote or thematic break. */
  node(node: RootContent): void;
  /**
   * More body rows of `table`, the node given last. Why: a long table is handed over a piece of rows at a time and
   * each piece let go once read, so its rows are never all held. The table's `children` hold the rows read with it;
   * its position always reaches the last row given.
   */
  rows(table: Table, rows: TableRow[]): void;
}

export interface ReadOptions {
  /** Where the body starts (after the front matter). */
  from: number;
  /** The 1-based line of an offset. */
  lineOf: (offset: number) => number;
  /** The editor's session for this document: blocks an edit did not touch are reused, not read again. */
  session?: ParseSession;
}

export interface ReadResult {
  /** Blocks that nest too deeply to read (no nodes were given for them). */
  unreadable: Span[];
}

/**
 * An editor's session streams a block from this size on and does not keep it. Why: kept, a pasted 4.7 MB table held
 * about 580 MB in the lint worker, whose garbage collection slowed every other lint; read again on each lint of that
 * plan it takes about 1.3 s in the background worker and less than half the memory.
 */
const SESSION_STREAM_BYTES = 1024 * 1024;

/** Reads the Markdown body of `text` from `options.from`, handing every top-level node to `visit` as it is read. */
export function readBlocks(text: string, visit: BlockVisitor, options: ReadOptions): ReadResult {
  const { from, lineOf, session } = options;
  const src: Source = { text, lineOf };
  // Why: a one-shot lint's tree is never moved, so its nodes may share point objects (smaller long plans).
  const share = session === undefined;
  const streamFrom = session ? SESSION_STREAM_BYTES : STREAM_PIECES * PIECE_BYTES;
  const inner = session ? session.begin(text, from) : splitPoints(text, from, text.length);
  const unreadable: Span[] = [];
  for (let i = -1; i < inner.length; i++) {
    const start = i < 0 ? from : inner[i]!;
    const end = i + 1 < inner.length ? inner[i + 1]! : text.length;
    if (end <= start) continue;
    const block = { start, end, line: lineOf(start) };
    const kept = session?.reuse(text, start, end, block.line);
    if (kept) {
      if (kept.unreadable) unreadable.push({ start, end });
      for (const node of kept.nodes) visit.node(node);
      continue;
    }
    // Why: a long table goes to the visitor piece by piece, so its rows are never all held at once.
    const plan = end - start > streamFrom ? planBlock(text, start, end) : undefined;
    if (plan && streamBlock(src, block, plan, visit, share)) {
      session?.skip();
      continue;
    }
    const nodes = readBlock(src, block, { plan, share });
    if (!nodes) unreadable.push({ start, end });
    session?.keep({ base: start, line: block.line, length: end - start, nodes: nodes ?? [], unreadable: !nodes });
    for (const node of nodes ?? []) visit.node(node);
  }
  session?.end(text, from, inner);
  return { unreadable };
}
