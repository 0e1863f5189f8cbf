// Reads the inline Markdown of a simple block (text, code, emphasis, strong, links) into the mdast micromark gives,
// without micromark; anything it is not sure of is refused, and the caller leaves the block to micromark.
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';

/**
 * ASCII characters that may start inline Markdown, end a construct, or change a line's meaning: escapes, code,
 * emphasis, links and images, HTML and autolinks, entities, table pipes, `#` (closing sequences) and `~`.
 * Control characters (tabs, carriage returns, NUL) and surrogates (emoji) also send a block to micromark.
 */
const SPECIAL = new Uint8Array(128);
for (const c of '\\`*_[]!<>&|#~') SPECIAL[c.charCodeAt(0)] = 1;
for (let c = 0; c < 32; c++) SPECIAL[c] = 1;
SPECIAL[127] = 1;

function plainChar(c: number): boolean {
  return c < 128 ? SPECIAL[c] === 0 : c < 0xd800 || (c > 0xdfff && c !== 0xfeff);
}

export const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** ASCII punctuation, as CommonMark defines it for delimiter runs. */
const isPunct = (c: number) =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/** Characters of a link destination read here: no spaces, parentheses, angle brackets, escapes or entities. */
const URL_CHAR = /^[-A-Za-z0-9._~:/?#@!$%+,;=]+$/;
const ENTITY = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;

/** Where the inline text is: in a table cell, emphasis is left to micromark (its delimiters see the cell's edges). */
export type Context = 'text' | 'heading' | 'cell';

export class Reader {
  /** The offsets where the lines of the text being read start, and the number of the first of them. */
  private starts: number[] = [0];
  private first = 1;
  private hint = 0;

  /** Whether nodes may share point objects (see `startOf`); only when no one will shift them in place. */
  constructor(
    readonly text: string,
    private readonly share: boolean,
  ) {}

  /** `p` itself when points are shared, else a copy. */
  same(p: Point): Point {
    return this.share ? p : { line: p.line, column: p.column, offset: p.offset };
  }

  /** Reads text from the lines starting at `starts` (ascending), the first of them line `first`. */
  lines(starts: number[], first: number): this {
    this.starts = starts;
    this.first = first;
    this.hint = 0;
    return this;
  }

  at(offset: number): Point {
    const s = this.starts;
    let k = this.hint;
    if (s[k]! > offset) k = 0;
    while (k + 1 < s.length && s[k + 1]! <= offset) k++;
    this.hint = k;
    return { line: this.first + k, column: offset - s[k]! + 1, offset };
  }

  private readonly scratch: PhrasingContent[] = [];

  /**
   * The nodes of the inline Markdown of [from, to) (see `inline`), in an array of their exact length: a long table
   * has a million of these arrays, and one grown by `push` reserves room for 17 nodes.
   */
  phrasing(from: number, to: number, context: Context): PhrasingContent[] | undefined {
    const out = this.scratch;
    out.length = 0;
    const ok = this.inline(from, to, out, context);
    const nodes = ok ? out.slice() : undefined;
    out.length = 0;
    return nodes;
  }

  /**
   * The point at `offset`: the first child's start when it starts there and points are shared. Why: a parent and
   * its children often begin or end at one place, and one point object there keeps a long plan's tree smaller. A
   * one-shot lint shares them; the editor's session does not, as it moves kept blocks by changing their points.
   */
  startOf(children: PhrasingContent[], offset: number): Point {
    const p = children[0]?.position?.start;
    return this.share && p?.offset === offset ? p : this.at(offset);
  }

  /** The point at `offset`: the last child's end when it ends there (see startOf). */
  endOf(children: PhrasingContent[], offset: number): Point {
    const p = children[children.length - 1]?.position?.end;
    return this.share && p?.offset === offset ? p : this.at(offset);
  }

  textNode(from: number, to: number): PhrasingContent {
    return { type: 'text', value: this.text.slice(from, to), position: { start: this.at(from), end: this.at(to) } };
  }

  /** Adds text to `out`, joining it to a text node that ends there (micromark's data runs give one node). */
  pushText(out: PhrasingContent[], from: number, to: number): void {
    if (to <= from) return;
    const last = out[out.length - 1];
    if (last?.type === 'text' && last.position!.end.offset === from) {
      last.value += this.text.slice(from, to);
      last.position!.end = this.at(to);
      return;
    }
    out.push(this.textNode(from, to));
  }

  /**
   * Reads the inline Markdown of [from, to) into `out`; false when it holds anything this reader does not take.
   * The range is one line, or a paragraph's lines (line endings, no indentation); the characters just outside it
   * count as whitespace (a line's start and end, or a space).
   */
  inline(from: number, to: number, out: PhrasingContent[], context: Context): boolean {
    const t = this.text;
    let runStart = from;
    let i = from;
    while (i < to) {
      const c = t.charCodeAt(i);
      if (plainChar(c) || (c === 10 && context === 'text')) {
        i++;
        continue;
      }
      if (c === 62 /* > */ || c === 126 /* ~ */) {
        i++;
        continue;
      }
      if (c === 35 /* # */ && context !== 'heading') {
        i++;
        continue;
      }
      if (c === 33 /* ! */) {
        if (t.charCodeAt(i + 1) === 91) return false;
        i++;
        continue;
      }
      if (c === 38 /* & */) {
        if (ENTITY.test(t.slice(i, i + 40))) return false;
        i++;
        continue;
      }
      if (c === 96 /* ` */) {
        // One backtick, closed by the next lone backtick on this line.
        if (t.charCodeAt(i + 1) === 96) return false;
        const close = t.indexOf('`', i + 1);
        if (close === -1 || close >= to || close === i + 1 || t.charCodeAt(close + 1) === 96) return false;
        let value = t.slice(i + 1, close);
        for (let k = 0; k < value.length; k++)
          if (value.charCodeAt(k) < 32 || value.charCodeAt(k) === 127) return false;
        if (
          value.length >= 2 &&
          value.charCodeAt(0) === 32 &&
          value.charCodeAt(value.length - 1) === 32 &&
          value.trim() !== ''
        )
          value = value.slice(1, -1);
        this.pushText(out, runStart, i);
        out.push({ type: 'inlineCode', value, position: { start: this.at(i), end: this.at(close + 1) } });
        i = runStart = close + 1;
        continue;
      }
      if (c === 42 /* * */ || c === 95 /* _ */) {
        let n = 1;
        while (t.charCodeAt(i + n) === c) n++;
        if (n > 2 || context === 'cell') return false;
        const before = i > from ? t.charCodeAt(i - 1) : 32;
        const after = i + n < to ? t.charCodeAt(i + n) : 32;
        if (before >= 128 || after >= 128) return false;
        const wsBefore = before === 32 || before === 10;
        const wsAfter = after === 32 || after === 10;
        if (wsBefore && wsAfter) {
          // Not flanking: the characters are text.
          i += n;
          continue;
        }
        if (c === 95 && isAlnum(before) && isAlnum(after)) {
          // Inside a word, `_` neither opens nor closes.
          i += n;
          continue;
        }
        // An opener that cannot close: after whitespace or punctuation, before a letter or digit.
        if (!(wsBefore || isPunct(before)) || !isAlnum(after)) return false;
        let k = i + n;
        while (k < to && plainChar(t.charCodeAt(k))) k++;
        if (k >= to || t.charCodeAt(k) !== c) return false;
        let m = 1;
        while (t.charCodeAt(k + m) === c) m++;
        if (m !== n) return false;
        const last = t.charCodeAt(k - 1);
        let next = k + m < to ? t.charCodeAt(k + m) : 32;
        if (next >= 128) return false;
        if (next === 10) next = 32;
        // A closer that cannot open: after a letter or digit and before whitespace or punctuation, or after
        // punctuation and before whitespace.
        if (isAlnum(last)) {
          if (!(next === 32 || isPunct(next))) return false;
        } else if (!(isPunct(last) && next === 32)) return false;
        this.pushText(out, runStart, i);
        out.push({
          type: n === 1 ? 'emphasis' : 'strong',
          children: [this.textNode(i + n, k)],
          position: { start: this.at(i), end: this.at(k + m) },
        });
        i = runStart = k + m;
        continue;
      }
      if (c === 91 /* [ */) {
        // `[ ]` before a space or the end: text (a label needs more than whitespace, and no link follows).
        if (t.charCodeAt(i + 1) === 32 && t.charCodeAt(i + 2) === 93 && (i + 3 === to || t.charCodeAt(i + 3) === 32)) {
          i += 3;
          continue;
        }
        // An inline link [text](destination): plain text (it may go on over line endings), a destination without
        // spaces, parentheses or a title.
        let k = i + 1;
        while (k < to && (plainChar(t.charCodeAt(k)) || (t.charCodeAt(k) === 10 && context === 'text'))) k++;
        if (k === i + 1 || k >= to || t.charCodeAt(k) !== 93 || t.charCodeAt(k + 1) !== 40 || k - i > 999) return false;
        const close = t.indexOf(')', k + 2);
        if (close === -1 || close >= to) return false;
        const url = t.slice(k + 2, close);
        if (!URL_CHAR.test(url)) return false;
        this.pushText(out, runStart, i);
        out.push({
          type: 'link',
          title: null,
          url,
          children: [this.textNode(i + 1, k)],
          position: { start: this.at(i), end: this.at(close + 1) },
        });
        i = runStart = close + 1;
        continue;
      }
      return false;
    }
    this.pushText(out, runStart, to);
    return true;
  }
}
