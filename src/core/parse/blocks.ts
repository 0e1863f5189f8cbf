// Splits Markdown into top-level blocks at heading lines and parses each block once, reusing parses between calls.
import type { Nodes, Root, RootContent, Table } from 'mdast';
import type { Point } from 'unist';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Span } from '../types.js';
import { type BlockPlan, continuation, htmlEnds, htmlKind, type HtmlKind, parsePieces, PIECE_BYTES, planBlock, shift } from './pieces.js';
import { readSimpleBlock, readTableRow } from './simple.js';
import { isStackOverflow } from '../arrays.js';

// Why: a plan needs CommonMark plus GFM tables; the other GFM constructs (autolinks, footnotes,
// strikethrough, task lists) cost parse time and change nothing the rules read.
const PARSE_OPTIONS = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

// Why: one front-matter scanner for the parser and for plan detection; re-exported so this module's API stays.
export { findFrontMatter, type FrontMatterSpan } from './front-matter.js';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const HTML_START = /^ {0,3}</;

/**
 * Offsets in [from, to) where a line starts that the full parse also reads as a top-level ATX heading:
 * a `#` in the first column, outside fenced code and HTML blocks. Where in doubt it does not split,
 * which is always safe: a heading left inside a block is still found when the block is read.
 */
export function splitPoints(text: string, from: number, to: number): number[] {
  return scanSplitPoints(text, from, to).points;
}

/**
 * As splitPoints; with `stop`, the scan ends at the first point for which it returns true (that point included,
 * `stopped` set): from a point on, the points of an unchanged text are the ones found last time.
 */
function scanSplitPoints(text: string, from: number, to: number, stop?: (point: number) => boolean): { points: number[]; stopped: boolean } {
  const points: number[] = [];
  // Why: a line like `</pre>` or `<span>` opens an HTML block only where it does not continue a paragraph (kind 7
  // cannot interrupt one), which a line scan cannot always tell; both readings are followed, and a heading splits only
  // where every reading is outside fences and HTML blocks.
  let states: ScanState[] = [{}];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= to) nl = to;
    const clean = states.length === 1 && !states[0]!.fence && !states[0]!.html;
    const c0 = pos < nl ? text.charCodeAt(pos) : -1;
    // Why: most lines of a long plan are text in a clean state; they are passed over without a copy of the line.
    if (clean && c0 !== 35 && c0 !== 32 && c0 !== 96 && c0 !== 126 && c0 !== 60) {
      pos = nl + 1;
      continue;
    }
    let line = text.slice(pos, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (clean && pos > from && c0 === 35 && ATX.test(line)) {
      points.push(pos);
      if (stop?.(pos)) return { points, stopped: true };
    } else {
      const next: ScanState[] = [];
      for (const st of states) for (const n of scanLine(st, line)) if (!next.some((x) => x.fence?.char === n.fence?.char && x.fence?.len === n.fence?.len && x.html === n.html)) next.push(n);
      states = next;
    }
    pos = nl + 1;
  }
  return { points, stopped: false };
}

interface ScanState {
  fence?: { char: string; len: number };
  html?: HtmlKind;
}

/** The states after one line, read in state `st` (two when a tag line may open an HTML block or be paragraph text). */
function scanLine(st: ScanState, line: string): ScanState[] {
  if (st.fence) {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return [m && m[1]![0] === st.fence.char && m[1]!.length >= st.fence.len ? {} : st];
  }
  if (st.html) return [htmlEnds(st.html, line) ? {} : st];
  const f = FENCE_OPEN.exec(line);
  if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) return [{ fence: { char: f[1]![0]!, len: f[1]!.length } }];
  if (HTML_START.test(line)) {
    const html = htmlKind(line);
    if (html !== 'blank') return [htmlEnds(html, line) ? {} : { html }];
    return htmlEnds(html, line) ? [{}] : [{ html }, {}];
  }
  return [{}];
}

const CHUNK = 4096;

interface CachedBlock {
  /** The offset the nodes' positions currently refer to. */
  base: number;
  /** The line the nodes' positions currently refer to (1-based line of the block's first line). */
  line: number;
  length: number;
  children: RootContent[];
  /** Every point of the block's nodes, gathered the first time the block moves (see movePoints). */
  points?: Point[];
}

/**
 * The point objects of a tree (each once). Why: a kept block after an edit moves on every keystroke; moving a flat
 * list of points is several times faster than walking nodes of a dozen shapes to reach them.
 */
function pointsOf(nodes: readonly Nodes[]): Point[] {
  const seen = new Set<Point>();
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      seen.add(p.start);
      seen.add(p.end);
    }
    const kids = (node as { children?: Nodes[] }).children;
    if (kids !== undefined) for (let i = 0; i < kids.length; i++) stack.push(kids[i]!);
  }
  return [...seen];
}

/** Moves points by `d` characters and `dl` lines, in place (columns stay: blocks start at line starts). */
function movePoints(points: readonly Point[], d: number, dl: number): void {
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.offset !== undefined) p.offset += d;
    p.line += dl;
  }
}

/** Long blocks of a one-shot lint are streamed (see BlockCache.stream) from this many pieces on. */
const STREAM_PIECES = 4;
/**
 * An editor's session streams a block from this size on and does not keep it. Why: kept, a pasted 4.7 MB table held
 * about 580 MB in the lint worker, whose garbage collection slowed every other lint; read again on each lint of that
 * plan it takes about 1.3 s in the background worker and less than half the memory.
 */
const SESSION_STREAM_BYTES = 1024 * 1024;

/** Whether `node` ends on the line before `at` (a line start): a table or list a cut at `at` continues. */
function endsBefore(text: string, node: RootContent, at: number): boolean {
  const prevLine = text.lastIndexOf('\n', at - 2) + 1;
  const end = node.position?.end.offset;
  return end !== undefined && end > prevLine && end < at;
}

/** Whether the ascending list holds `x` (a binary search: the points of a long plan, asked on every keystroke). */
function sortedHas(list: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Parses of blocks, kept from one lint of a document to the next. A block is reused when its text is
 * unchanged: it lies wholly before the edit (same offset) or wholly after it (offset moved by the edit).
 */
export class BlockCache {
  private prevText: string | undefined;
  /** The last call's body start and split points (without the body start and the end). */
  private prevFrom = -1;
  private prevPoints: number[] = [];
  private byStart = new Map<number, CachedBlock>();
  /** The front matter's YAML text and its parsed document, from the last call (the session's keystrokes rarely touch it). */
  private fm: { text: string; doc: unknown } | undefined;

  /**
   * What the front matter reads to: the last result when its text (`key`) is unchanged, else `parse()`. The result is
   * only read, never changed, so one parse serves every lint until the front matter changes.
   */
  frontMatter<T>(text: string, parse: () => T): T {
    if (this.fm?.text === text) return this.fm.doc as T;
    const doc = parse();
    this.fm = this.options.reuse === false ? undefined : { text, doc };
    return doc;
  }

  /** Whether parses are kept for a next call (false: a one-shot lint). */
  get keeps(): boolean {
    return this.options.reuse !== false;
  }

  /** Blocks parsed (not reused) by the last call, for tests and the benchmark. */
  parsedLastTime = 0;
  /** Blocks of the last call that could not be read (nested too deeply for the parser). */
  unreadable: Span[] = [];

  /**
   * With `split: false` the body is parsed as one call: the reference the split parse must equal.
   * `simple: false` sends every block to micromark (tests compare it with the direct reading of simple blocks).
   * `pieceBytes` is how long a piece of a long table or list may grow before it is cut (tests make it small).
   * `reuse: false` (a one-shot lint) keeps nothing for a next call: no text, no map of blocks.
   * `sessionStreamBytes`: from what size a session streams a block instead of keeping it (tests make it small).
   */
  constructor(private readonly options: { split?: boolean; pieceBytes?: number; simple?: boolean; reuse?: boolean; sessionStreamBytes?: number } = {}) {}

  private get pieceBytes(): number {
    return this.options.pieceBytes ?? PIECE_BYTES;
  }

  /**
   * A long block (see STREAM_PIECES, SESSION_STREAM_BYTES) that goes on with a long table after its first piece: the first piece's nodes go to
   * `sink`, then the table's rows a piece at a time as continuation tables (see isContinuation), then what follows the
   * table. Rows the simple reader takes are read directly; from the first row it does not take, the rest of the block
   * is parsed behind the table's header and delimiter rows, so it reads as it would in the whole block. Returns the
   * last node given (null: none); undefined when the block does not start that way (then nothing was given).
   * `plan` is the block's (planBlock), which the caller hands on to parseRange when this gives undefined.
   */
  private stream(
    text: string,
    start: number,
    end: number,
    line: number,
    lineOf: (offset: number) => number,
    sink: (nodes: RootContent[]) => void,
    plan: BlockPlan,
  ): RootContent | null | undefined {
    const cut = plan.cuts[0];
    if (plan.tooDeep || !cut || cut.kind !== 'table' || !cut.prefix) return undefined;
    const head = this.tryRange(text, start, cut.from, line, lineOf);
    const table = head?.[head.length - 1];
    if (!head || table?.type !== 'table' || !endsBefore(text, table, cut.from)) return undefined;
    sink(head);
    let last: RootContent = table;
    const parse = (source: string) => fromMarkdown(source, PARSE_OPTIONS).children;
    const prefix = cut.prefix;
    // The planned cuts in this table: where a piece read by the parser may end with the table still open.
    const tableCuts = plan.cuts.filter((c) => c.kind === 'table' && c.prefix?.start === prefix.start).map((c) => c.from);
    let pos = cut.from;
    let lineNo = lineOf(pos);
    for (;;) {
      // Rows the simple reader takes, a piece at a time.
      const rows: Table['children'] = [];
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
        if (pos - rows[0]!.position!.start.offset! >= this.pieceBytes) break;
      }
      if (rows.length > 0) sink([(last = continuation(table, rows))]);
      if (pos >= end) return last;
      if (!stopped) continue;
      const nl = text.indexOf('\n', pos);
      if (text.slice(pos, nl === -1 || nl > end ? end : nl).trim() === '') {
        // A blank line ends the table: what follows reads as a block of its own (streamed again when long).
        const rest = end - pos > STREAM_PIECES * this.pieceBytes ? planBlock(text, pos, end, this.pieceBytes) : undefined;
        const again = rest ? this.stream(text, pos, end, lineNo, lineOf, sink, rest) : undefined;
        if (again !== undefined) return again ?? last;
        const nodes = this.tryRange(text, pos, end, lineNo, lineOf, rest) ?? [];
        if (nodes.length > 0) sink(nodes);
        return nodes[nodes.length - 1] ?? last;
      }
      // A line the simple reader does not take: the parser reads on, behind the table's header and delimiter rows, up
      // to the next planned cut; when the table is still open there, rows are read directly again.
      const next = tableCuts.find((c) => c > pos);
      if (next !== undefined) {
        const nodes = parsePieces(text, pos, next, [], lineOf, parse, prefix);
        const first = nodes?.[0];
        if (nodes?.length === 1 && first?.type === 'table' && endsBefore(text, first, next)) {
          if (first.children.length > 1) sink([(last = continuation(table, first.children.slice(1)))]);
          pos = next;
          lineNo = lineOf(pos);
          continue;
        }
      }
      // The table ends before the next cut: the rest of the block is parsed behind the header (in pieces when long).
      const later = plan.cuts.filter((c) => c.from > pos);
      let nodes = (later.length > 0 ? parsePieces(text, pos, end, later, lineOf, parse, prefix) : undefined) ?? parsePieces(text, pos, end, [], lineOf, parse, prefix) ?? [];
      const first = nodes[0];
      if (first?.type === 'table') nodes = first.children.length > 1 ? [continuation(table, first.children.slice(1)), ...nodes.slice(1)] : nodes.slice(1);
      if (nodes.length > 0) sink(nodes);
      return nodes[nodes.length - 1] ?? last;
    }
  }

  /** As parseRange, with a parser that runs out of stack also giving undefined. */
  private tryRange(text: string, start: number, end: number, line: number, lineOf: (offset: number) => number, plan?: BlockPlan): RootContent[] | undefined {
    try {
      return this.parseRange(text, start, end, line, lineOf, plan);
    } catch (error) {
      // Why: the Markdown parser recurses per nesting level; a block nested thousands deep is reported, not fatal.
      if (!isStackOverflow(error)) throw error;
      return undefined;
    }
  }

  /**
   * The nodes of [start, end), positioned in the whole text; undefined when it nests too deeply to read. `known`: the
   * block's plan when the caller already made it.
   */
  private parseRange(text: string, start: number, end: number, line: number, lineOf: (offset: number) => number, known?: BlockPlan): RootContent[] | undefined {
    const whole = () => {
      const nodes = fromMarkdown(text.slice(start, end), PARSE_OPTIONS).children;
      for (const c of nodes) shift(c, start, line - 1);
      return nodes;
    };
    if (this.options.split === false) return whole();
    // Why: most blocks of a long plan are a heading with plain lines; reading them directly skips micromark's cost per call.
    if (this.options.simple !== false) {
      // Why: a one-shot lint's tree is never shifted, so its nodes may share point objects (smaller long plans).
      const simple = readSimpleBlock(text, start, end, line, this.options.reuse === false);
      if (simple) return simple;
    }
    const plan = known ?? planBlock(text, start, end, this.pieceBytes);
    if (plan.tooDeep) return undefined;
    if (plan.cuts.length === 0) return whole();
    return parsePieces(text, start, end, plan.cuts, lineOf, (source) => fromMarkdown(source, PARSE_OPTIONS).children) ?? whole();
  }

  /**
   * The split points of the body, rescanning only from the last point before the edit's line to the first point in
   * the unchanged tail that was a point last time: the scanner holds no state at a point, so what follows is as before.
   */
  private splitAround(text: string, from: number, head: number, tail: number, delta: number, known: boolean): number[] {
    const old = this.prevPoints;
    const editLine = text.lastIndexOf('\n', head - 1) + 1;
    if (!known || from !== this.prevFrom || editLine < from) return splitPoints(text, from, text.length);
    // The points before the edited line stand; the scan restarts at the last of them (or the body's start).
    let k = 0;
    while (k < old.length && old[k]! < editLine) k++;
    const restart = k > 0 ? old[k - 1]! : from;
    const tailStart = text.length - tail;
    const scan = scanSplitPoints(text, restart, text.length, (p) => p - 1 >= tailStart && sortedHas(old, p - delta));
    const out = old.slice(0, k);
    for (const p of scan.points) out.push(p);
    if (scan.stopped) {
      const at = out[out.length - 1]! - delta;
      for (let j = old.indexOf(at) + 1; j < old.length; j++) out.push(old[j]! + delta);
    }
    return out;
  }

  /**
   * The body of a Markdown document as one mdast root, parsing only blocks not seen last time. With `sink`, each
   * block's nodes are given to it as soon as they are read, in order; a one-shot lint (`reuse: false`) then keeps only
   * the last node in the root, so a long plan's nodes can be let go as they are read.
   */
  parse(text: string, from: number, lineOf: (offset: number) => number, sink?: (nodes: RootContent[]) => void): Root {
    const prev = this.prevText;
    // The unchanged head and tail of the text since the last call; everything between them was edited.
    let head = 0;
    let tail = 0;
    if (prev !== undefined) {
      const max = Math.min(prev.length, text.length);
      // Why: comparing 4 KB slices first (a native compare) is many times faster than char by char.
      while (head + CHUNK <= max && prev.slice(head, head + CHUNK) === text.slice(head, head + CHUNK)) head += CHUNK;
      while (head < max && prev.charCodeAt(head) === text.charCodeAt(head)) head++;
      const room = max - head;
      while (tail + CHUNK <= room && prev.slice(prev.length - tail - CHUNK, prev.length - tail) === text.slice(text.length - tail - CHUNK, text.length - tail)) tail += CHUNK;
      while (tail < room && prev.charCodeAt(prev.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
    }
    const delta = text.length - (prev?.length ?? 0);
    const keep = this.options.reuse !== false;
    const inner = this.options.split === false ? [] : this.splitAround(text, from, head, tail, delta, prev !== undefined);
    const points = [from, ...inner, text.length];
    const next = new Map<number, CachedBlock>();
    const children: RootContent[] = [];
    this.parsedLastTime = 0;
    const unreadableBefore = this.unreadable;
    this.unreadable = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      if (end <= start) continue;
      const line = lineOf(start);
      let block: CachedBlock | undefined;
      if (prev !== undefined) {
        if (end <= head) block = this.byStart.get(start);
        else if (start >= text.length - tail) block = this.byStart.get(start - delta);
        if (block && block.length !== end - start) block = undefined;
      }
      if (block) {
        if (block.children.length === 0 && unreadableBefore.some((u) => u.start === start - (end <= head ? 0 : delta))) this.unreadable.push({ start, end });
        if (block.base !== start || block.line !== line) {
          movePoints((block.points ??= pointsOf(block.children)), start - block.base, line - block.line);
          block.base = start;
          block.line = line;
        }
      } else {
        this.parsedLastTime++;
        // Why: a long table goes to the reader piece by piece, so its rows are never all held at once.
        let plan: BlockPlan | undefined;
        if (sink && this.options.split !== false && this.options.simple !== false && end - start > (keep ? (this.options.sessionStreamBytes ?? SESSION_STREAM_BYTES) : STREAM_PIECES * this.pieceBytes)) {
          plan = planBlock(text, start, end, this.pieceBytes);
          const last = this.stream(text, start, end, line, lineOf, sink, plan);
          if (last !== undefined) {
            // The root keeps the last node of a streamed block only (the rules read the root's last node).
            if (last) {
              if (keep) children.push(last);
              else children[0] = last;
            }
            continue;
          }
        }
        let parsed = this.tryRange(text, start, end, line, lineOf, plan);
        if (parsed === undefined) {
          this.unreadable.push({ start, end });
          parsed = [];
        }
        block = { base: start, line, length: end - start, children: parsed };
      }
      if (keep) next.set(start, block);
      sink?.(block.children);
      if (sink && !keep) {
        const last = block.children[block.children.length - 1];
        if (last) children[0] = last;
      } else for (const c of block.children) children.push(c);
    }
    // Why: keep only what this version uses, so memory follows the document, not its history.
    this.byStart = next;
    this.prevText = keep ? text : undefined;
    this.prevFrom = keep ? from : -1;
    this.prevPoints = keep ? inner : [];
    const last = children[children.length - 1];
    return {
      type: 'root',
      children,
      position: {
        start: { line: lineOf(from), column: 1, offset: from },
        end: last?.position ? { ...last.position.end } : { line: lineOf(from), column: 1, offset: from },
      },
    };
  }
}
