// Reads a simple block (an ATX heading, plain paragraphs, plain one-line bullets) into the mdast micromark gives,
// without micromark: most blocks of a long plan are this simple, and micromark's fixed cost per call dominates them.
import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import type { Point } from 'unist';

/**
 * Characters after which the text may be more than itself: inline Markdown (escapes, code, emphasis, links,
 * images, HTML, entities), table pipes, `#` (closing sequences), control characters (tabs, carriage returns, NUL)
 * and lone surrogates. A line holding any of them is left to micromark.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what sends a line to the parser
const PLAIN = /^[^\\`*_[\]!<>&|#~\u0000-\u001f\u007f\ud800-\udfff]*$/;
const LETTER = /^[A-Za-z]/;

/**
 * The nodes of [start, end) (a block beginning at a line start on line `line`) when every line of it is, with
 * empty lines between the groups: an ATX heading (first line only), a paragraph of plain lines that start with
 * a letter, or a list of plain one-line `- ` bullets. Undefined for anything else: the caller parses it.
 */
export function readSimpleBlock(text: string, start: number, end: number, line: number): RootContent[] | undefined {
  const out: RootContent[] = [];
  const at = (offset: number, lineNo: number, lineStart: number): Point => ({ line: lineNo, column: offset - lineStart + 1, offset });
  let pos = start;
  let lineNo = line;
  /** The previous line was not empty (a group is open and ends only at an empty line). */
  let open = false;
  /** The last group was a list: a list after it (one empty line apart) would continue it, loosely. */
  let lastList = false;
  let para: { nodes: Paragraph } | undefined;
  let list: List | undefined;
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > end) nl = end;
    const len = nl - pos;
    if (len === 0) {
      open = false;
      para = undefined;
      if (list) lastList = true;
      list = undefined;
      pos = nl + 1;
      lineNo++;
      continue;
    }
    const raw = text.slice(pos, nl);
    const c0 = raw.charCodeAt(0);
    if (pos === start && c0 === 35 /* # */) {
      const m = /^(#{1,6}) +([^ ].*)$/.exec(raw);
      if (!m || !PLAIN.test(m[2]!) || raw.charCodeAt(len - 1) === 32) return undefined;
      const from = pos + m[1]!.length + (raw.length - m[1]!.length - m[2]!.length);
      const heading: Heading = {
        type: 'heading',
        depth: m[1]!.length as Heading['depth'],
        children: [{ type: 'text', value: m[2]!, position: { start: at(from, lineNo, pos), end: at(nl, lineNo, pos) } }],
        position: { start: at(pos, lineNo, pos), end: at(nl, lineNo, pos) },
      };
      out.push(heading);
      // Why: the line after a heading starts a new group whether or not it is empty.
      open = false;
      lastList = false;
    } else if (c0 === 45 /* - */) {
      if (len < 3 || raw.charCodeAt(1) !== 32 || !LETTER.test(raw.slice(2, 3)) || !PLAIN.test(raw) || raw.charCodeAt(len - 1) === 32) return undefined;
      if (open && !list) return undefined;
      if (!open && lastList) return undefined;
      const p0 = at(pos + 2, lineNo, pos);
      const p1 = at(nl, lineNo, pos);
      const item: ListItem = {
        type: 'listItem',
        spread: false,
        checked: null,
        children: [{ type: 'paragraph', children: [{ type: 'text', value: raw.slice(2), position: { start: p0, end: { ...p1 } } }], position: { start: { ...p0 }, end: { ...p1 } } }],
        position: { start: at(pos, lineNo, pos), end: { ...p1 } },
      };
      if (!list) {
        list = { type: 'list', ordered: false, start: null, spread: false, children: [], position: { start: at(pos, lineNo, pos), end: { ...p1 } } };
        out.push(list);
      }
      list.children.push(item);
      list.position!.end = { ...p1 };
      open = true;
    } else if (LETTER.test(raw) && PLAIN.test(raw)) {
      if (open && !para) return undefined;
      // Why: trailing spaces end the paragraph's text but not the paragraph (last line only: elsewhere they may be a break).
      let textEnd = nl;
      while (text.charCodeAt(textEnd - 1) === 32) textEnd--;
      if (textEnd < nl && nl + 1 < end && text.charCodeAt(nl + 1) !== 10) return undefined;
      const value = textEnd < nl ? raw.slice(0, textEnd - pos) : raw;
      if (para) {
        const t = para.nodes.children[0]!;
        if (t.type !== 'text') return undefined;
        t.value += '\n' + value;
        t.position!.end = at(textEnd, lineNo, pos);
        para.nodes.position!.end = at(nl, lineNo, pos);
      } else {
        const nodes: Paragraph = {
          type: 'paragraph',
          children: [{ type: 'text', value, position: { start: at(pos, lineNo, pos), end: at(textEnd, lineNo, pos) } }],
          position: { start: at(pos, lineNo, pos), end: at(nl, lineNo, pos) },
        };
        para = { nodes };
        out.push(nodes);
      }
      lastList = false;
      open = true;
    } else return undefined;
    pos = nl + 1;
    lineNo++;
  }
  return out;
}
