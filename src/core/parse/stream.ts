// Streams a long table: its rows are handed over a piece at a time as they are read, so they are never all held.
import type { RootContent, Table, TableRow } from 'mdast';
import { type BlockRange, readBlock } from './block.js';
import { type BlockPlan, parsePieces, PIECE_BYTES, planBlock, type Source } from './pieces.js';
import type { BlockVisitor } from './reader.js';
import { readTableRow } from './simple.js';

/** Blocks longer than this many pieces are streamed when no session keeps them (see readBlocks). */
export const STREAM_PIECES = 4;

/** Whether `node` ends on the line before `at` (a line start): a table or list a cut at `at` continues. */
function endsBefore(text: string, node: RootContent, at: number): boolean {
  const prevLine = text.lastIndexOf('\n', at - 2) + 1;
  const end = node.position?.end.offset;
  return end !== undefined && end > prevLine && end < at;
}

/** Hands `rows` of `table` to the visitor, the table's position now ending where they end. */
function giveRows(visit: BlockVisitor, table: Table, rows: TableRow[]): void {
  table.position = { start: table.position!.start, end: { ...rows[rows.length - 1]!.position!.end } };
  visit.rows(table, rows);
}

/**
 * Reads a long block that goes on with a long table after its first piece, handing it to `visit` as it goes: the
 * first piece's nodes, then the table's rows a piece at a time, then what follows the table. Rows the simple reader
 * takes are read directly; from the first row it does not take, the rest of the block is parsed behind the table's
 * header and delimiter rows, so it reads as it would in the whole block. False when the block does not start that
 * way (then nothing was given). `plan` is the block's (planBlock); `share` as readBlock's.
 */
export function streamBlock(
  src: Source,
  block: BlockRange,
  plan: BlockPlan,
  visit: BlockVisitor,
  share: boolean,
): boolean {
  const { text, lineOf } = src;
  const { start, end } = block;
  // Why: blank-line cuts before a long table leave it to be streamed as before (the head is read in pieces).
  const cut = plan.cuts.find((c) => c.kind !== 'blank');
  if (plan.tooDeep || !cut || cut.kind !== 'table' || !cut.prefix) return false;
  const head = readBlock(src, { start, end: cut.from, line: block.line }, { share });
  const table = head?.[head.length - 1];
  if (!head || table?.type !== 'table' || !endsBefore(text, table, cut.from)) return false;
  for (const node of head) visit.node(node);
  const prefix = cut.prefix;
  // The planned cuts in this table: where a piece read by the parser may end with the table still open.
  const tableCuts = plan.cuts.filter((c) => c.kind === 'table' && c.prefix?.start === prefix.start).map((c) => c.from);
  let pos = cut.from;
  let lineNo = lineOf(pos);
  for (;;) {
    // Rows the simple reader takes, a piece at a time.
    const rows: TableRow[] = [];
    let stopped = false;
    while (pos < end) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1 || nl > end) nl = end;
      const row = readTableRow(text, pos, nl, lineNo);
      if (!row) {
        stopped = true;
        break;
      }
      rows.push(row);
      pos = nl + 1;
      lineNo++;
      if (pos - rows[0]!.position!.start.offset! >= PIECE_BYTES) break;
    }
    if (rows.length > 0) giveRows(visit, table, rows);
    if (pos >= end) return true;
    if (!stopped) continue;
    const nl = text.indexOf('\n', pos);
    if (text.slice(pos, nl === -1 || nl > end ? end : nl).trim() === '') {
      // A blank line ends the table: what follows reads as a block of its own (streamed again when long).
      const rest = { start: pos, end, line: lineNo };
      const restPlan = end - pos > STREAM_PIECES * PIECE_BYTES ? planBlock(text, pos, end) : undefined;
      if (restPlan && streamBlock(src, rest, restPlan, visit, share)) return true;
      for (const node of readBlock(src, rest, { plan: restPlan, share }) ?? []) visit.node(node);
      return true;
    }
    // A line the simple reader does not take: the parser reads on, behind the table's header and delimiter rows, up
    // to the next planned cut; when the table is still open there, rows are read directly again.
    const next = tableCuts.find((c) => c > pos);
    if (next !== undefined) {
      const nodes = parsePieces(src, { start: pos, end: next, cuts: [], prefix });
      const first = nodes?.[0];
      if (nodes?.length === 1 && first?.type === 'table' && endsBefore(text, first, next)) {
        if (first.children.length > 1) giveRows(visit, table, first.children.slice(1));
        pos = next;
        lineNo = lineOf(pos);
        continue;
      }
    }
    // The table ends before the next cut: the rest of the block is parsed behind the header (in pieces when long).
    const later = plan.cuts.filter((c) => c.from > pos);
    const nodes =
      (later.length > 0 ? parsePieces(src, { start: pos, end, cuts: later, prefix }) : undefined) ??
      parsePieces(src, { start: pos, end, cuts: [], prefix }) ??
      [];
    const first = nodes[0];
    if (first?.type === 'table' && first.children.length > 1) giveRows(visit, table, first.children.slice(1));
    for (let k = first?.type === 'table' ? 1 : 0; k < nodes.length; k++) visit.node(nodes[k]!);
    return true;
  }
}
