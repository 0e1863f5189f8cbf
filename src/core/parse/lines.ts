// What a single line of Markdown opens or closes at the top level: a code fence, an HTML block (CommonMark 4.5, 4.6).
// The one reading of these for the heading splitter, the piece planner and the check for an unclosed last block.
import type { RootContent } from 'mdast';

/** A code fence: its character (a backtick or a tilde) and how many of them open it. */
export interface Fence {
  char: string;
  len: number;
}

const FENCE_START = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence `line` opens (three or more backticks or tildes, at most three spaces in; a backtick fence's info has none). */
export function fenceOpens(line: string): Fence | undefined {
  const m = FENCE_START.exec(line);
  if (!m) return undefined;
  const run = m[1]!;
  if (run[0] === '`' && line.includes('`', m[0].length)) return undefined;
  return { char: run[0]!, len: run.length };
}

/** Whether `line` (without its line ending) closes `fence`: only its character, at least as many, then blanks. */
export function fenceCloses(fence: Fence, line: string): boolean {
  const m = FENCE_CLOSE.exec(line);
  return m !== null && m[1]![0] === fence.char && m[1]!.length >= fence.len;
}

/** The kinds of HTML block a line may open; `blank` (kinds 6 and 7) ends at a blank line. */
export type HtmlKind = 'blank' | 'comment' | 'raw' | 'pi' | 'decl' | 'cdata';

/** Kinds 1-5: each its opening (at most three spaces in) and what ends it, anywhere on a later part of the block. */
const HTML_KINDS: readonly {
  readonly kind: Exclude<HtmlKind, 'blank'>;
  readonly opens: RegExp;
  readonly closes: RegExp;
}[] = [
  { kind: 'comment', opens: /^ {0,3}<!--/, closes: /-->/ },
  { kind: 'pi', opens: /^ {0,3}<\?/, closes: /\?>/ },
  { kind: 'cdata', opens: /^ {0,3}<!\[CDATA\[/, closes: /\]\]>/ },
  { kind: 'decl', opens: /^ {0,3}<![A-Za-z]/, closes: />/ },
  {
    kind: 'raw',
    opens: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i,
    closes: /<\/(?:script|pre|style|textarea)>/i,
  },
];

const HTML_START = /^ {0,3}</;

/** Whether `line` may open an HTML block (it starts with `<`, at most three spaces in). */
export function mayOpenHtml(line: string): boolean {
  return HTML_START.test(line);
}

/** The kind of HTML block a line starting with `<` opens, and where its opening ends (what may close it follows). */
function htmlOpening(line: string): { kind: HtmlKind; end: number } {
  for (const k of HTML_KINDS) {
    const m = k.opens.exec(line);
    // Why: `<!-->` and `<!--->` close the comment they open; its closing `-->` may use the opening's dashes.
    if (m) return { kind: k.kind, end: m[0].length - (k.kind === 'comment' ? 2 : 0) };
  }
  return { kind: 'blank', end: 0 };
}

/** The kind of HTML block a line starting with `<` opens. */
export function htmlKind(line: string): HtmlKind {
  return htmlOpening(line).kind;
}

/** Whether `line` ends an HTML block of `kind`. */
export function htmlEnds(kind: HtmlKind, line: string): boolean {
  if (kind === 'blank') return line.trim() === '';
  return HTML_KINDS.find((k) => k.kind === kind)!.closes.test(line);
}

/**
 * Where the last top-level node `last` starts when it is an unterminated code fence or HTML block (kinds 1-5) that
 * swallows the rest of `text`, including any section a fix would append; undefined otherwise.
 */
export function unclosedTail(text: string, last: RootContent | undefined): number | undefined {
  const start = last?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (!last || start === undefined || end === undefined || text.slice(end).trim() !== '') return undefined;
  const raw = text.slice(start, end);
  if (last.type === 'code') {
    const nl = raw.indexOf('\n');
    const fence = fenceOpens(nl === -1 ? raw : raw.slice(0, nl).replace(/\r$/, ''));
    if (!fence) return undefined;
    const close = nl === -1 ? undefined : raw.slice(raw.lastIndexOf('\n') + 1).replace(/\r$/, '');
    return close !== undefined && fenceCloses(fence, close) ? undefined : start;
  }
  if (last.type === 'html') {
    const { kind, end: after } = htmlOpening(raw);
    if (kind !== 'blank') return htmlEnds(kind, raw.slice(after)) ? undefined : start;
  }
  return undefined;
}
