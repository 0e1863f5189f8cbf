// What an editor's session keeps of one document between lints: its blocks' nodes, its front matter's reading and
// its iteration entries, so a keystroke re-reads only the block it touched. A one-shot lint has no session.
import type { Heading, Nodes, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { EntryStyle } from '../model.js';
import type { Span } from '../types.js';
import { scanSplitPoints, splitPoints } from './split.js';

/** An iteration entry read from a heading (see markdown-entries.ts). */
export type Entry = Record<string, unknown> & { span: Span; anchor: Span; style: EntryStyle };

export interface KeptBlock {
  /** The offset the nodes' positions currently refer to. */
  base: number;
  /** The line the nodes' positions currently refer to (1-based line of the block's first line). */
  line: number;
  length: number;
  nodes: RootContent[];
  /** The block nests too deeply to read (it has no nodes). */
  unreadable: boolean;
  /** Every point of the block's nodes, gathered the first time the block moves (see movePoints). */
  points?: Point[];
}

const CHUNK = 4096;

/**
 * One document's parse state in an editor's session. A block is reused when its text is unchanged: it lies wholly
 * before the last edit (same offset) or wholly after it (offset moved by the edit).
 */
export class ParseSession {
  private prevText: string | undefined;
  /** The last read's body start and split points (without the body start and the end). */
  private prevFrom = -1;
  private prevPoints: number[] = [];
  private byStart = new Map<number, KeptBlock>();
  private nextByStart = new Map<number, KeptBlock>();
  /** The edit since the last read: the unchanged head and tail, and how much longer the text is. */
  private head = 0;
  private tail = 0;
  private delta = 0;
  /** The front matter's YAML text and what it read to, from the last lint (keystrokes rarely touch it). */
  private fm: { text: string; doc: unknown } | undefined;
  /**
   * Entries read from H3 headings, by heading node. A block an edit did not touch keeps its node objects, so its
   * entry is reused, moved by the offset the block moved.
   */
  private kept = new WeakMap<Heading, { base: number; entry: Entry }>();
  /** The language the kept entries were read in: labels read in one language mean nothing in another. */
  private keptLang = 'en';
  /** Blocks parsed (not reused) by the last read. */
  parsedLastTime = 0;

  /**
   * What the front matter reads to: the last result when its text (`key`) is unchanged, else `parse()`. The result is
   * only read, never changed, so one parse serves every lint until the front matter changes.
   */
  get entries(): WeakMap<Heading, { base: number; entry: Entry }> {
    return this.kept;
  }

  /** The kept entries for a read in `lang` (none kept when the plan's language changed since the last read). */
  entriesIn(lang: string): WeakMap<Heading, { base: number; entry: Entry }> {
    if (lang !== this.keptLang) {
      this.kept = new WeakMap();
      this.keptLang = lang;
    }
    return this.kept;
  }

  frontMatter<T>(key: string, parse: () => T): T {
    if (this.fm?.text === key) return this.fm.doc as T;
    const doc = parse();
    this.fm = { text: key, doc };
    return doc;
  }

  /** Starts a read of `text`, whose body starts at `from`: finds what changed and returns the body's split points. */
  begin(text: string, from: number): number[] {
    const prev = this.prevText;
    this.head = this.tail = 0;
    if (prev !== undefined) {
      const max = Math.min(prev.length, text.length);
      let head = 0;
      let tail = 0;
      // Why: comparing 4 KB slices first (a native compare) is many times faster than char by char.
      while (head + CHUNK <= max && prev.slice(head, head + CHUNK) === text.slice(head, head + CHUNK)) head += CHUNK;
      while (head < max && prev.charCodeAt(head) === text.charCodeAt(head)) head++;
      const room = max - head;
      while (
        tail + CHUNK <= room &&
        prev.slice(prev.length - tail - CHUNK, prev.length - tail) ===
          text.slice(text.length - tail - CHUNK, text.length - tail)
      )
        tail += CHUNK;
      while (tail < room && prev.charCodeAt(prev.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
      this.head = head;
      this.tail = tail;
    }
    this.delta = text.length - (prev?.length ?? 0);
    this.nextByStart = new Map();
    this.parsedLastTime = 0;
    return this.splitAround(text, from, prev !== undefined);
  }

  /** The kept block that [start, end) of the text being read is (moved to `start` and `line`), if any. */
  reuse(text: string, start: number, end: number, line: number): KeptBlock | undefined {
    let block: KeptBlock | undefined;
    if (end <= this.head) block = this.byStart.get(start);
    else if (start >= text.length - this.tail) block = this.byStart.get(start - this.delta);
    if (!block || block.length !== end - start) return undefined;
    if (block.base !== start || block.line !== line) {
      movePoints((block.points ??= pointsOf(block.nodes)), start - block.base, line - block.line);
      block.base = start;
      block.line = line;
    }
    this.nextByStart.set(start, block);
    return block;
  }

  /** Keeps a block just read for the next read. */
  keep(block: KeptBlock): void {
    this.parsedLastTime++;
    this.nextByStart.set(block.base, block);
  }

  /** Notes a block read but not kept (streamed: too large to hold). */
  skip(): void {
    this.parsedLastTime++;
  }

  /**
   * Ends the read of `text` (body from `from`, split at `points`). Why: only what this version uses is kept, so memory
   * follows the document, not its history.
   */
  end(text: string, from: number, points: number[]): void {
    this.prevText = text;
    this.prevFrom = from;
    this.prevPoints = points;
    this.byStart = this.nextByStart;
    this.nextByStart = new Map();
  }

  /**
   * The split points of the body, rescanning only from the last point before the edit's line to the first point in
   * the unchanged tail that was a point last time: the scanner holds no state at a point, so what follows is as before.
   */
  private splitAround(text: string, from: number, known: boolean): number[] {
    const old = this.prevPoints;
    const delta = this.delta;
    const editLine = text.lastIndexOf('\n', this.head - 1) + 1;
    if (!known || from !== this.prevFrom || editLine < from) return splitPoints(text, from, text.length);
    // The points before the edited line stand; the scan restarts at the last of them (or the body's start).
    let k = 0;
    while (k < old.length && old[k]! < editLine) k++;
    const restart = k > 0 ? old[k - 1]! : from;
    const tailStart = text.length - this.tail;
    const scan = scanSplitPoints(text, restart, text.length, (p) => p - 1 >= tailStart && sortedHas(old, p - delta));
    const out = old.slice(0, k);
    for (const p of scan.points) out.push(p);
    if (scan.stopped) {
      const at = out[out.length - 1]! - delta;
      for (let j = old.indexOf(at) + 1; j < old.length; j++) out.push(old[j]! + delta);
    }
    return out;
  }
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
