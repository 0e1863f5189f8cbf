// Reads a simple block into the mdast micromark gives, without micromark: most blocks of a plan are an ATX heading,
// paragraphs, tight bullet lists (one level of nesting) and pipe tables, whose text uses only a little inline Markdown
// (code, emphasis, strong, links). micromark's cost per byte dominates a lint, so these are read here, in one pass;
// anything this reader is not sure of sends the whole block to micromark. Tests compare both on every input.
import type { AlignType, Heading, List, ListItem, RootContent, Table, TableCell, TableRow } from 'mdast';
import { isAlnum, Reader } from './inline.js';

const ORDERED_START = /^\d{1,9}[.)](?: |$)/;
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

/**
 * Whether a line (or a list item's text) starting with `c0` at `pos` is text to this reader and cannot start or
 * interrupt another block: a letter or digit (not an ordered list's marker), one backtick, emphasis, a link or `(`.
 */
function textStart(text: string, pos: number, end: number): boolean {
  const c0 = text.charCodeAt(pos);
  if (isAlnum(c0)) return !(c0 <= 57 && ORDERED_START.test(text.slice(pos, Math.min(end, pos + 12))));
  if (c0 === 96) return text.charCodeAt(pos + 1) !== 96;
  if (c0 === 42 || c0 === 95)
    return isAlnum(text.charCodeAt(pos + 1)) || (text.charCodeAt(pos + 1) === c0 && isAlnum(text.charCodeAt(pos + 2)));
  return c0 === 91 || c0 === 40 || c0 === 34 || c0 === 39;
}

/** The offsets of a table line's pipes when it is `| cell | cell |` (pipes at both ends, no escapes); else undefined. */
function pipesOf(text: string, from: number, to: number): number[] | undefined {
  if (to - from < 2 || text.charCodeAt(from) !== 124 || text.charCodeAt(to - 1) !== 124) return undefined;
  const pipes: number[] = [];
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 124) pipes.push(k);
    else if (c === 92 || c === 9 || c === 13) return undefined;
  }
  return pipes;
}

/**
 * The nodes of [start, end) (a block beginning at a line start on line `line`) when every line of it is, with
 * empty lines between the groups: an ATX heading (first line only), a paragraph of text lines, a tight list of
 * one-line items (`- ` bullets, each may hold a tight list of `  - ` bullets; or `1. ` items), a pipe table with
 * its delimiter row, or a fenced code block of backticks. Undefined for anything else: the caller parses it.
 */
export function readSimpleBlock(
  text: string,
  start: number,
  end: number,
  line: number,
  share = false,
): RootContent[] | undefined {
  const out: RootContent[] = [];
  const r = new Reader(text, share);
  let pos = start;
  let lineNo = line;
  /** The previous line was not empty (a group is open and ends only at an empty line). */
  let open = false;
  /**
   * The last group was a list, of this kind (`-`, or an ordered list's `.` or `)`): a list of the same kind after it,
   * one empty line apart, would continue it, loosely.
   */
  let lastList = 0;
  /** The open paragraph: its lines' starts, the first line's number, where its text and its last line end. */
  let para: { starts: number[]; line: number; textEnd: number; end: number } | undefined;
  let list: List | undefined;
  /** An ordered list's delimiter, `.` or `)`. */
  let delimiter = 0;
  let nested: List | undefined;
  let table: { node: Table; cells: number } | undefined;
  const closeParagraph = (): boolean => {
    if (!para) return true;
    const p = para;
    para = undefined;
    r.lines(p.starts, p.line);
    const children = r.phrasing(p.starts[0]!, p.textEnd, 'text');
    if (!children) return false;
    out.push({
      type: 'paragraph',
      children,
      position: { start: r.startOf(children, p.starts[0]!), end: r.endOf(children, p.end) },
    });
    return true;
  };
  /** A list item of one line (starting at `lineStart`): its marker at `marker`, its text from `from` to `to`. */
  const item = (lineStart: number, marker: number, from: number, to: number): ListItem | undefined => {
    r.lines([lineStart], lineNo);
    const children = r.phrasing(from, to, 'text');
    if (!children) return undefined;
    const p1 = r.endOf(children, to);
    return {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [{ type: 'paragraph', children, position: { start: r.startOf(children, from), end: p1 } }],
      position: { start: r.at(marker), end: r.same(p1) },
    };
  };
  /** A line of paragraph text at [pos, nl): opens or continues the paragraph; false if it cannot be one. */
  const paragraphLine = (): boolean => {
    if (!textStart(text, pos, nl)) return false;
    if (open && !para) return false;
    // Why: trailing spaces end the paragraph's text but not the paragraph (last line only: elsewhere they may be a break).
    let textEnd = nl;
    while (text.charCodeAt(textEnd - 1) === 32) textEnd--;
    if (textEnd < nl && nl + 1 < end && text.charCodeAt(nl + 1) !== 10) return false;
    if (para) {
      para.starts.push(pos);
      para.textEnd = textEnd;
      para.end = nl;
    } else para = { starts: [pos], line: lineNo, textEnd, end: nl };
    lastList = 0;
    open = true;
    return true;
  };
  let nl = start;
  while (pos < end) {
    nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > end) nl = end;
    const len = nl - pos;
    if (len === 0) {
      if (!closeParagraph()) return undefined;
      open = false;
      table = undefined;
      if (list) lastList = list.ordered ? delimiter : 45;
      list = nested = undefined;
      pos = nl + 1;
      lineNo++;
      continue;
    }
    const c0 = text.charCodeAt(pos);
    if (pos === start && c0 === 35 /* # */) {
      let depth = 1;
      while (depth < 7 && text.charCodeAt(pos + depth) === 35) depth++;
      if (depth > 6 || text.charCodeAt(pos + depth) !== 32) return undefined;
      let from = pos + depth;
      while (text.charCodeAt(from) === 32) from++;
      if (from >= nl || text.charCodeAt(nl - 1) === 32) return undefined;
      r.lines([pos], lineNo);
      const children = r.phrasing(from, nl, 'heading');
      if (!children) return undefined;
      const heading: Heading = {
        type: 'heading',
        depth: depth as Heading['depth'],
        children,
        position: { start: r.at(pos), end: r.endOf(children, nl) },
      };
      out.push(heading);
      // Why: the line after a heading starts a new group whether or not it is empty.
      open = false;
      lastList = 0;
    } else if (c0 === 45 /* - */ || (c0 >= 48 && c0 <= 57)) {
      // A list item: `- text`, or `1. text` / `1) text` (a line starting with a digit and no marker is text).
      let mlen = 1;
      let ordered = false;
      if (c0 !== 45) {
        while (mlen < 10 && text.charCodeAt(pos + mlen) >= 48 && text.charCodeAt(pos + mlen) <= 57) mlen++;
        const d = text.charCodeAt(pos + mlen);
        ordered =
          (d === 46 || d === 41) && mlen < 10 && (text.charCodeAt(pos + mlen + 1) === 32 || pos + mlen + 1 === nl);
        if (ordered) mlen++;
      }
      if (c0 === 45 || ordered) {
        const from = pos + mlen + 1;
        if (
          from >= nl ||
          text.charCodeAt(from - 1) !== 32 ||
          !textStart(text, from, nl) ||
          text.charCodeAt(nl - 1) === 32
        )
          return undefined;
        if (open && !list) return undefined;
        if (!open && lastList === (ordered ? text.charCodeAt(pos + mlen - 1) : 45)) return undefined;
        if (list && (list.ordered !== ordered || (ordered && text.charCodeAt(pos + mlen - 1) !== delimiter)))
          return undefined;
        const node = item(pos, pos, from, nl);
        if (!node) return undefined;
        const p1 = node.position!.end;
        if (!list) {
          list = {
            type: 'list',
            ordered,
            start: ordered ? Number.parseInt(text.slice(pos, pos + mlen - 1), 10) : null,
            spread: false,
            children: [],
            position: { start: r.same(node.position!.start), end: r.same(p1) },
          };
          out.push(list);
          delimiter = text.charCodeAt(pos + mlen - 1);
        }
        list.children.push(node);
        list.position!.end = r.same(p1);
        nested = undefined;
        open = true;
      } else if (!paragraphLine()) return undefined;
    } else if (c0 === 32 /* space */) {
      // A bullet one level down, right under a bullet or a bullet of the level below it.
      if (
        !list ||
        list.ordered ||
        !open ||
        text.charCodeAt(pos + 1) !== 32 ||
        text.charCodeAt(pos + 2) !== 45 ||
        text.charCodeAt(pos + 3) !== 32
      )
        return undefined;
      if (len < 5 || !textStart(text, pos + 4, nl) || text.charCodeAt(nl - 1) === 32) return undefined;
      const node = item(pos, pos + 2, pos + 4, nl);
      if (!node) return undefined;
      const p1 = node.position!.end;
      const parent = list.children[list.children.length - 1]!;
      if (!nested) {
        nested = {
          type: 'list',
          ordered: false,
          start: null,
          spread: false,
          children: [],
          position: { start: r.same(node.position!.start), end: r.same(p1) },
        };
        parent.children.push(nested);
      }
      nested.children.push(node);
      nested.position!.end = r.same(p1);
      parent.position!.end = r.same(p1);
      list.position!.end = r.same(p1);
    } else if (c0 === 124 /* | */) {
      const pipes = pipesOf(text, pos, nl);
      if (!pipes) return undefined;
      r.lines([pos], lineNo);
      if (table) {
        if (pipes.length - 1 !== table.cells) return undefined;
        const row = readRow(r, pipes, pos, nl);
        if (!row) return undefined;
        table.node.children.push(row);
        table.node.position!.end = r.at(nl);
      } else {
        if (open || nl >= end) return undefined;
        // The header row needs its delimiter row on the next line, with as many cells.
        let nl2 = text.indexOf('\n', nl + 1);
        if (nl2 === -1 || nl2 > end) nl2 = end;
        const delimiter = pipesOf(text, nl + 1, nl2);
        if (!delimiter || delimiter.length !== pipes.length) return undefined;
        const align: AlignType[] = [];
        for (let k = 0; k + 1 < delimiter.length; k++) {
          const m = DELIMITER_CELL.exec(text.slice(delimiter[k]! + 1, delimiter[k + 1]));
          if (!m) return undefined;
          align.push(m[1] ? (m[2] ? 'center' : 'left') : m[2] ? 'right' : null);
        }
        const header = readRow(r, pipes, pos, nl);
        if (!header) return undefined;
        // Why: a table without body rows ends with its delimiter row.
        const node: Table = {
          type: 'table',
          align,
          children: [header],
          position: { start: r.at(pos), end: r.lines([pos, nl + 1], lineNo).at(nl2) },
        };
        out.push(node);
        table = { node, cells: pipes.length - 1 };
        pos = nl2 + 1;
        lineNo += 2;
        open = true;
        lastList = 0;
        continue;
      }
    } else if (c0 === 96 /* ` */ && text.startsWith('```', pos)) {
      // A fenced code block: three or more backticks and a one-word language, up to a fence as long or longer.
      if (open) return undefined;
      let n = 3;
      while (text.charCodeAt(pos + n) === 96) n++;
      const info = text.slice(pos + n, nl);
      if (!/^[A-Za-z0-9_+-]*$/.test(info)) return undefined;
      let p = nl + 1;
      let closeAt = -1;
      let closeEnd = -1;
      let lines = 1;
      while (p < end) {
        let e = text.indexOf('\n', p);
        if (e === -1 || e > end) e = end;
        lines++;
        if (text.charCodeAt(p) === 96) {
          let m = 0;
          while (text.charCodeAt(p + m) === 96) m++;
          if (p + m === e && m >= n) {
            closeAt = p;
            closeEnd = e;
            break;
          }
          if (m >= 3) return undefined;
        }
        for (let k = p; k < e; k++) {
          const c = text.charCodeAt(k);
          if (c < 32 || c === 127) return undefined;
        }
        p = e + 1;
      }
      if (closeAt === -1) return undefined;
      const starts: number[] = [];
      for (let k = 0, q = pos; k < lines; k++) {
        starts.push(q);
        q = text.indexOf('\n', q) + 1;
      }
      r.lines(starts, lineNo);
      out.push({
        type: 'code',
        lang: info === '' ? null : info,
        meta: null,
        value: closeAt > nl + 1 ? text.slice(nl + 1, closeAt - 1) : '',
        position: { start: r.at(pos), end: r.at(closeEnd) },
      });
      lineNo += lines - 1;
      pos = closeEnd + 1;
      lineNo++;
      open = false;
      lastList = 0;
      continue;
    } else if (!paragraphLine()) return undefined;
    pos = nl + 1;
    lineNo++;
  }
  if (!closeParagraph()) return undefined;
  return out;
}

/** The row node of a table line [from, to) on line `line`, when the simple reader takes it (see readRow); else undefined. */
export function readTableRow(text: string, from: number, to: number, line: number): TableRow | undefined {
  const pipes = pipesOf(text, from, to);
  return pipes && readRow(new Reader(text, false).lines([from], line), pipes, from, to);
}

/**
 * A table row's node: each cell from its pipe to the next (the last one with its closing pipe), text trimmed.
 * Why: a cell ends where the next one starts, and the row where its first and last cells do: with shared points
 * (see Reader.startOf) those nodes use one point object, a quarter fewer objects per row.
 */
function readRow(r: Reader, pipes: number[], from: number, to: number): TableRow | undefined {
  const n = pipes.length - 1;
  const cells: TableCell[] = new Array<TableCell>(n);
  let start = r.at(from);
  const rowStart = start;
  for (let c = 0; c < n; c++) {
    const end = r.at(c + 1 === n ? to : pipes[c + 1]!);
    let a = pipes[c]! + 1;
    let b = pipes[c + 1]!;
    while (a < b && r.text.charCodeAt(a) === 32) a++;
    while (b > a && r.text.charCodeAt(b - 1) === 32) b--;
    const children = r.phrasing(a, b, 'cell');
    if (!children) return undefined;
    cells[c] = { type: 'tableCell', children, position: { start: r.same(start), end } };
    start = end;
  }
  return { type: 'tableRow', children: cells, position: { start: r.same(rowStart), end: r.same(start) } };
}
