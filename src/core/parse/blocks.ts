// Splits Markdown into top-level blocks at heading lines and parses each block once, reusing parses between calls.
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Span } from '../types.js';
import { htmlEnds, htmlKind, type HtmlKind, parsePieces, PIECE_BYTES, planBlock, shift } from './pieces.js';
import { readSimpleBlock } from './simple.js';

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
  const points: number[] = [];
  let fence: { char: string; len: number } | undefined;
  let html: HtmlKind | undefined;
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= to) nl = to;
    let line = text.slice(pos, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (fence || html) {
      // Why: fence and HTML block may both be open: a fence after a tag line that may be paragraph text (an HTML block of
      // kind 7 cannot interrupt a paragraph) is taken as a fence as well, and no split comes before both have ended.
      if (fence) {
        const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
        if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len) fence = undefined;
      } else if (html === 'blank') {
        const f = FENCE_OPEN.exec(line);
        if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) fence = { char: f[1]![0]!, len: f[1]!.length };
      }
      if (html && htmlEnds(html, line)) html = undefined;
    } else {
      const f = FENCE_OPEN.exec(line);
      if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
        fence = { char: f[1]![0]!, len: f[1]!.length };
      } else if (pos > from && ATX.test(line)) {
        points.push(pos);
      } else if (HTML_START.test(line)) {
        html = htmlKind(line);
        if (html !== 'blank' && htmlEnds(html, line)) html = undefined;
      }
    }
    pos = nl + 1;
  }
  return points;
}

const CHUNK = 4096;

interface CachedBlock {
  /** The offset the nodes' positions currently refer to. */
  base: number;
  /** The line the nodes' positions currently refer to (1-based line of the block's first line). */
  line: number;
  length: number;
  children: RootContent[];
}

/**
 * Parses of blocks, kept from one lint of a document to the next. A block is reused when its text is
 * unchanged: it lies wholly before the edit (same offset) or wholly after it (offset moved by the edit).
 */
export class BlockCache {
  private prevText: string | undefined;
  private byStart = new Map<number, CachedBlock>();
  /** Blocks parsed (not reused) by the last call, for tests and the benchmark. */
  parsedLastTime = 0;
  /** Blocks of the last call that could not be read (nested too deeply for the parser). */
  unreadable: Span[] = [];

  /**
   * With `split: false` the body is parsed as one call: the reference the split parse must equal.
   * `simple: false` sends every block to micromark (tests compare it with the direct reading of simple blocks).
   * `pieceBytes` is how long a piece of a long table or list may grow before it is cut (tests make it small).
   * `reuse: false` (a one-shot lint) keeps nothing for a next call: no text, no map of blocks.
   */
  constructor(private readonly options: { split?: boolean; pieceBytes?: number; simple?: boolean; reuse?: boolean } = {}) {}

  /** As parseRange, with a parser that runs out of stack also giving undefined. */
  private tryRange(text: string, start: number, end: number, line: number, lineOf: (offset: number) => number): RootContent[] | undefined {
    try {
      return this.parseRange(text, start, end, line, lineOf);
    } catch (error) {
      // Why: the Markdown parser recurses per nesting level; a block nested thousands deep is reported, not fatal.
      if (!(error instanceof RangeError)) throw error;
      return undefined;
    }
  }

  /** The nodes of [start, end), positioned in the whole text; undefined when it nests too deeply to read. */
  private parseRange(text: string, start: number, end: number, line: number, lineOf: (offset: number) => number): RootContent[] | undefined {
    const whole = () => {
      const nodes = fromMarkdown(text.slice(start, end), PARSE_OPTIONS).children;
      for (const c of nodes) shift(c, start, line - 1);
      return nodes;
    };
    if (this.options.split === false) return whole();
    // Why: most blocks of a long plan are a heading with plain lines; reading them directly skips micromark's cost per call.
    if (this.options.simple !== false) {
      const simple = readSimpleBlock(text, start, end, line);
      if (simple) return simple;
    }
    const plan = planBlock(text, start, end, this.options.pieceBytes ?? PIECE_BYTES);
    if (plan.tooDeep) return undefined;
    if (plan.cuts.length === 0) return whole();
    return parsePieces(text, start, end, plan.cuts, lineOf, (source) => fromMarkdown(source, PARSE_OPTIONS).children) ?? whole();
  }

  /** The body of a Markdown document as one mdast root, parsing only blocks not seen last time. */
  parse(text: string, from: number, lineOf: (offset: number) => number): Root {
    const points = [from, ...(this.options.split === false ? [] : splitPoints(text, from, text.length)), text.length];
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
          for (const c of block.children) shift(c, start - block.base, line - block.line);
          block.base = start;
          block.line = line;
        }
      } else {
        this.parsedLastTime++;
        let parsed = this.tryRange(text, start, end, line, lineOf);
        if (parsed === undefined) {
          this.unreadable.push({ start, end });
          parsed = [];
        }
        block = { base: start, line, length: end - start, children: parsed };
      }
      if (keep) next.set(start, block);
      for (const c of block.children) children.push(c);
    }
    // Why: keep only what this version uses, so memory follows the document, not its history.
    this.byStart = next;
    this.prevText = keep ? text : undefined;
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
