// Parses one block of Markdown in bounded pieces: a long block is cut at a blank line before a line in the first
// column, and a long top-level table or list at row or item boundaries; each piece is parsed on its own, and the
// pieces merged back into the nodes a whole parse gives.
import type { List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Span } from '../types.js';
import {
  type Fence,
  fenceCloses,
  fenceOpens,
  htmlEnds,
  htmlKind,
  type HtmlKind,
  mayOpenHtml,
  unclosedTail,
} from './lines.js';
import { readTableRow } from './simple.js';

// Why: a plan needs CommonMark plus GFM tables; the other GFM constructs (autolinks, footnotes,
// strikethrough, task lists) cost parse time and change nothing the rules read.
const PARSE_OPTIONS = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

/** micromark's top-level nodes for `source`, positioned in it. */
export function micromark(source: string): RootContent[] {
  return fromMarkdown(source, PARSE_OPTIONS).children;
}

/** The text being read, and the line of an offset in it. */
export interface Source {
  text: string;
  lineOf: (offset: number) => number;
}

/**
 * Nesting deeper than this (block quotes and list levels on one line, estimated from its leading markers and
 * indentation) is not parsed: no plan needs it, and the parser's work grows with the cube of the depth.
 */
export const MAX_NESTING = 100;

/** Piece size: micromark's work per block grows faster than the block, so no piece is much longer than this. */
export const PIECE_BYTES = 16 * 1024;

/**
 * Piece size at blank-line cuts. Why smaller: micromark's work inside a piece of setext headings, block quotes or
 * nested lists grows with the piece (EditMap.consume copies its events), and a cut there costs nothing to merge. On
 * the 0.56 MB setext shape, pieces of 16, 4 and 1 KB took 4.9, 2.9 and 2.5 s of CPU in micromark (a loaded machine).
 */
const BLANK_PIECE_BYTES = 4 * 1024;

const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^([-*+])[ \t]+\S/;
const ORDERED = /^\d{1,9}([.)])[ \t]+\S/;
const EMPTY = /^[ \t]*$/;
const DELIMITER_ROW = /^\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** An upper estimate of the containers a line opens: its `>` and list markers, and one level per 4 columns of indentation. */
function nestingOf(text: string, pos: number, end: number): number {
  let depth = 0;
  let ws = 0;
  let i = pos;
  while (i < end) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 32) ws++;
    else if (c === 9) ws += 4;
    else if (c === 62) depth++;
    else if ((c === 45 || c === 42 || c === 43) && (next === 32 || next === 9)) depth++;
    else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      const after = text.charCodeAt(j + 1);
      if ((d === 46 || d === 41) && (after === 32 || after === 9)) {
        depth++;
        i = j;
      } else break;
    } else break;
    i++;
  }
  return depth + Math.floor(ws / 4);
}

/**
 * A place where a block is cut. `table`, `list`: `from` starts a line that continues the table or list the previous
 * piece ends with. `blank`: `from` starts a line in the first column after a blank line, outside fences and HTML
 * blocks, where every block the previous piece opened has ended; only a list item there may continue its list.
 */
export interface Cut {
  from: number;
  kind: 'table' | 'list' | 'blank';
  /** Table: the header and delimiter rows, parsed again in front of the piece. */
  prefix?: Span;
}

export interface BlockPlan {
  /** Some line nests deeper than MAX_NESTING: the block is not parsed. */
  tooDeep: boolean;
  /** Where the block is cut into pieces (empty: parse it whole). */
  cuts: Cut[];
}

/**
 * One linear pass over the lines of [start, end) (a block beginning at a line start): how deep it nests,
 * and where a long block can be cut: after a blank line, or inside a long top-level table or tight list. Fenced code and HTML blocks are skipped, as the
 * heading splitter does; a cut the pass gets wrong is caught when the pieces are merged (see parsePieces).
 */
export function planBlock(text: string, start: number, end: number): BlockPlan {
  const cuts: Cut[] = [];
  let fence: Fence | undefined;
  let html: HtmlKind | undefined;
  let prevBlank = true;
  let prevEmpty = true;
  let last = start;
  let table: { start: number; end: number; rows: number } | undefined;
  let pendingHeader: number | undefined;
  let list: { marker: string } | undefined;
  // Why: lone carriage returns end lines for the parser but not for this pass; such blocks are parsed whole.
  let cuttable = true;
  let pos = start;
  while (pos < end) {
    const header = pendingHeader;
    pendingHeader = undefined;
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= end) nl = end;
    const lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const line = text.slice(pos, lineEnd);
    if (cuttable && line.includes('\r')) cuttable = false;
    // Why: a link reference definition (also one inside a list item or quote) applies to the whole document;
    // pieces parsed apart would not see it. Any `]:` keeps the block whole.
    if (cuttable && line.includes(']:')) cuttable = false;
    const blank = line.trim() === '';
    if (fence || html) {
      // Why: fence and HTML block may both be open: a fence after a tag line that may be paragraph text (an HTML block of
      // kind 7 cannot interrupt a paragraph) is taken as a fence as well, and no split comes before both have ended.
      if (fence) {
        if (fenceCloses(fence, line)) fence = undefined;
      } else if (html === 'blank') fence = fenceOpens(line);
      if (html && htmlEnds(html, line)) html = undefined;
    } else {
      if (nestingOf(text, pos, lineEnd) > MAX_NESTING) return { tooDeep: true, cuts: [] };
      const c0 = line.charCodeAt(0);
      // Why: after a blank line, a line in the first column (no indentation) closes every container, indented code,
      // paragraph and table; a fence or HTML block of kinds 1-5 is open only when this pass saw it open (fences and
      // HTML inside containers close with the container). So the pieces read apart as the whole does, but for a list
      // item that continues a list (merged in parsePieces) and link references (no cuts where a definition may be).
      if (prevEmpty && !blank && c0 !== 32 && c0 !== 9 && pos - last >= BLANK_PIECE_BYTES) {
        cuts.push({ from: pos, kind: 'blank' });
        last = pos;
      }
      fence = fenceOpens(line);
      if (fence) {
        table = list = undefined;
      } else if (mayOpenHtml(line)) {
        html = htmlKind(line);
        if (html !== 'blank' && htmlEnds(html, line)) html = undefined;
        table = list = undefined;
      } else if (table) {
        if (c0 === 124 /* | */) {
          table.rows++;
          if (table.rows > 1 && pos - last >= PIECE_BYTES) {
            cuts.push({ from: pos, kind: 'table', prefix: { start: table.start, end: table.end } });
            last = pos;
          }
        } else table = undefined;
      } else if (header !== undefined && c0 === 124 && DELIMITER_ROW.test(line)) {
        table = { start: header, end: nl + 1, rows: 0 };
      }
      if (!fence && !html && !table) {
        if (c0 === 124 && prevBlank && !blank) {
          pendingHeader = pos;
          list = undefined;
        } else if (list) {
          const b = BULLET.exec(line) ?? ORDERED.exec(line);
          if (b && !THEMATIC.test(line)) {
            if (b[1] !== list.marker) list = { marker: b[1]! };
            else if (!prevBlank && pos - last >= PIECE_BYTES) {
              cuts.push({ from: pos, kind: 'list' });
              last = pos;
            }
          } else if (!blank && c0 !== 32 && c0 !== 9 && (prevBlank || c0 === 62 || THEMATIC.test(line)))
            list = undefined;
        } else {
          const b = BULLET.exec(line) ?? ORDERED.exec(line);
          if (b && !THEMATIC.test(line)) list = { marker: b[1]! };
        }
      }
    }
    prevBlank = blank;
    // Why: only spaces and tabs make a blank line for the parser (trim() also takes a no-break space).
    prevEmpty = EMPTY.test(line);
    pos = nl + 1;
  }
  return { tooDeep: false, cuts: cuttable ? cuts : [] };
}

/** A range of the text to parse in pieces: where it is cut, and the header rows of a table it begins inside. */
export interface PieceRange {
  start: number;
  end: number;
  cuts: Cut[];
  /**
   * A table's header and delimiter rows when [start, end) begins inside that table: the first node is then the
   * table with the header row again (parsed from these rows, positioned before `start`) and the rows from `start` on.
   */
  prefix?: Span;
}

/**
 * The nodes of a range with positions in the whole text, parsed piece by piece at its cuts; undefined when a piece
 * does not continue the previous one as planned (the caller then parses the block whole).
 */
export function parsePieces(src: Source, range: PieceRange): RootContent[] | undefined {
  const { text, lineOf } = src;
  const { start, end, cuts, prefix: firstPrefix } = range;
  const out: RootContent[] = [];
  const bounds = [start, ...cuts.map((c) => c.from), end];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let from = bounds[i]!;
    const to = bounds[i + 1]!;
    const cut = i > 0 ? cuts[i - 1] : undefined;
    if (cut?.kind === 'table') {
      // Why: rows the simple reader takes (most rows of a long table) are read here, without the parser's per-row cost.
      const last = out[out.length - 1];
      const prevLine = text.lastIndexOf('\n', from - 2) + 1;
      const prevEnd = last?.position?.end.offset;
      if (last?.type !== 'table' || prevEnd === undefined || prevEnd <= prevLine || prevEnd >= from) return undefined;
      let line = lineOf(from);
      while (from < to) {
        let nl = text.indexOf('\n', from);
        if (nl === -1 || nl > to) nl = to;
        const row = readTableRow(text, from, nl, line);
        if (!row) break;
        last.children.push(row);
        last.position!.end = { ...row.position!.end };
        from = nl + 1;
        line++;
      }
      if (from >= to) continue;
    }
    if (cut?.kind === 'list') {
      // Why: one-line items of plain text followed by another such item (most items of a long list) are read here.
      const last = out[out.length - 1];
      const prevLine = text.lastIndexOf('\n', from - 2) + 1;
      const prevEnd = last?.position?.end.offset;
      if (last?.type !== 'list' || prevEnd === undefined || prevEnd <= prevLine || prevEnd >= from) return undefined;
      const marker = text[last.position!.start.offset!];
      let line = lineOf(from);
      // Why: an ordered list's items are parsed (plainItem reads bullets only); its piece is merged below.
      while (!last.ordered && from < to) {
        const nl = text.indexOf('\n', from);
        if (nl === -1 || nl >= to) break;
        let nl2 = text.indexOf('\n', nl + 1);
        if (nl2 === -1 || nl2 > to) nl2 = to;
        const item = plainItem(text, from, nl, line, marker);
        if (!item || !plainItem(text, nl + 1, nl2, line + 1, marker)) break;
        last.children.push(item);
        last.position!.end = { ...item.position!.end };
        from = nl + 1;
        line++;
      }
      if (from >= to) continue;
    }
    // A table's header and delimiter rows, parsed again in front of a piece that continues it (the first piece too,
    // with `firstPrefix`).
    const before = cut?.prefix ?? (i === 0 ? firstPrefix : undefined);
    const prefix = before ? text.slice(before.start, before.end) : '';
    const prefixLines = before ? countLines(prefix) : 0;
    const source = prefix + text.slice(from, to);
    const nodes = micromark(source);
    // Why: a fence or HTML block this planner did not see open (one it took for closed) would run on past a blank
    // cut in the whole parse; the block is then parsed whole.
    if (cuts[i]?.kind === 'blank' && unclosedTail(source, nodes[nodes.length - 1]) !== undefined) return undefined;
    const d = from - prefix.length;
    const dl = lineOf(from) - 1 - prefixLines;
    for (const n of nodes) shift(n, d, dl);
    if (!cut) {
      if (before && (nodes[0]?.type !== 'table' || nodes[0].position?.start.offset !== d)) return undefined;
      out.push(...nodes);
      continue;
    }
    const prev = out[out.length - 1];
    const first = nodes[0];
    if (cut.kind === 'blank') {
      if (first?.position?.start.offset !== from) return undefined;
      // Why: after a blank line, an item of the same kind continues the list the previous piece ends with, loosely.
      if (prev?.type === 'list' && first.type === 'list' && sameList(text, prev, first)) {
        prev.children.push(...first.children);
        prev.spread = true;
        prev.position!.end = first.position.end;
        for (let k = 1; k < nodes.length; k++) out.push(nodes[k]!);
      } else out.push(...nodes);
      continue;
    }
    // The previous piece must end with the table or list, reaching into the line before the cut.
    const prevLine = text.lastIndexOf('\n', from - 2) + 1;
    const prevEnd = prev?.position?.end.offset;
    if (!prev || !first || prev.type !== first.type || prevEnd === undefined || prevEnd <= prevLine || prevEnd >= from)
      return undefined;
    if (cut.kind === 'table') {
      if (prev.type !== 'table' || first.position?.start.offset !== d) return undefined;
      // Why: a table given only its header and delimiter again ended at the piece's first line (a blank line or a block
      // that interrupts it); the whole parse ends it there too, and the rest follows it.
      const rows = (first as Table).children.slice(1);
      if (rows.length > 0) {
        prev.children.push(...rows);
        prev.position!.end = first.position.end;
      }
    } else {
      if (prev.type !== 'list' || first.position?.start.offset !== from || !sameList(text, prev, first as List))
        return undefined;
      prev.children.push(...(first as List).children);
      prev.spread = Boolean(prev.spread || (first as List).spread);
      prev.position!.end = first.position.end;
    }
    for (let k = 1; k < nodes.length; k++) out.push(nodes[k]!);
  }
  return out;
}

/** A bullet item of plain text on one line: the marker, one space, a letter, then no Markdown punctuation. */
const PLAIN_ITEM = /^[-*+] [A-Za-z][^\\`*_[\]!<&|\t\r]*$/;

/** The list item node a line gives when it is a plain one-line bullet with `marker` (and the next line starts another item). */
function plainItem(
  text: string,
  from: number,
  to: number,
  line: number,
  marker: string | undefined,
): ListItem | undefined {
  if (text[from] !== marker) return undefined;
  const raw = text.slice(from, to);
  if (!PLAIN_ITEM.test(raw) || raw.charCodeAt(raw.length - 1) === 32) return undefined;
  const point = (offset: number) => ({ line, column: offset - from + 1, offset });
  const value = raw.slice(2);
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', value, position: { start: point(from + 2), end: point(to) } }],
    position: { start: point(from + 2), end: point(to) },
  };
  return {
    type: 'listItem',
    spread: false,
    checked: null,
    children: [paragraph],
    position: { start: point(from), end: point(to) },
  };
}

/** Whether list `next` (parsed from a later piece) would continue list `prev` in a whole parse: the same marker. */
function sameList(text: string, prev: List, next: List): boolean {
  return (
    prev.ordered === next.ordered &&
    markerAt(text, prev.position!.start.offset!) === markerAt(text, next.position!.start.offset!)
  );
}

function markerAt(text: string, at: number): string | undefined {
  const nl = text.indexOf('\n', at);
  const line = text.slice(at, nl === -1 ? text.length : nl);
  return (BULLET.exec(line) ?? ORDERED.exec(line))?.[1];
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Moves a parsed subtree by `d` characters and `dl` lines (columns stay: pieces start at line starts). */
export function shift(root: Nodes, d: number, dl: number): void {
  // Why: an explicit stack, so deeply nested Markdown (thousands of block quotes) cannot overflow the call stack.
  // Leaves (most nodes: text) are moved where they are found, without a trip through the stack.
  const stack: Nodes[] = [root];
  move(root, d, dl);
  while (stack.length > 0) {
    const kids = (stack.pop() as { children?: Nodes[] }).children;
    if (kids === undefined) continue;
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      move(c, d, dl);
      if ((c as { children?: Nodes[] }).children !== undefined) stack.push(c);
    }
  }
}

/**
 * Moves one node's position. Why: changed in place (an edit moves thousands of kept nodes); so trees that will be
 * shifted never share point objects between nodes (see Reader.startOf in simple.ts).
 */
function move(node: Nodes, d: number, dl: number): void {
  const p = node.position;
  if (!p) return;
  const s = p.start;
  const e = p.end;
  if (s.offset !== undefined) s.offset += d;
  if (e.offset !== undefined) e.offset += d;
  if (dl !== 0) {
    s.line += dl;
    e.line += dl;
  }
}
