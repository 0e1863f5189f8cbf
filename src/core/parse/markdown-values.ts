// The values of a Markdown entry read from the text: a node's span, trimmed cells and labels, dates, labelled lines.
import type { Heading, ListItem, Nodes, Paragraph } from 'mdast';
import { parseIsoDate } from '../dates.js';
import type { DateField, Located } from '../model.js';
import type { FieldSpec } from '../schema.js';
import type { Span } from '../types.js';
import { wordOf } from './words.js';
import { canonicalWord } from '../schema-lang.js';

export function off(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

export function headingTextSpan(text: string, h: Heading): Span {
  const s = off(h);
  const raw = text.slice(s.start, s.end);
  const m = /^#{1,6}[ \t]*/.exec(raw);
  const start = s.start + (m ? m[0].length : 0);
  let end = s.end;
  while (end > start && /[\s#]/.test(text[end - 1]!)) end--;
  return { start, end: Math.max(start, end) };
}

/** Whether the character at `i` is white space (as `\s` reads it) or a pipe: what a cell's value is trimmed of. */
function spaceOrPipe(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // Why: by code first (most characters are ASCII); a long table trims every cell.
  if (c < 128) return c === 32 || c === 124 || (c >= 9 && c <= 13);
  return /\s/.test(text[i]!);
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && spaceOrPipe(text, start)) start++;
  while (end > start && spaceOrPipe(text, end - 1)) end--;
  return { start, end };
}

/** Lines joined with one space, each trimmed where they meet (linear: no backtracking regex). */
function joinLines(v: string): string {
  const parts = v.split('\n');
  return parts
    .map((p, i) => (i > 0 ? p.trimStart() : p))
    .map((p, i, a) => (i < a.length - 1 ? p.trimEnd() : p))
    .join(' ');
}

/** `s` without the characters matching `chars` at its end (linear). */
export function trimEndOf(s: string, chars: RegExp): string {
  let end = s.length;
  while (end > 0 && chars.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

export function located(text: string, span: Span): Located<string> | undefined {
  const t = trimmed(text, span);
  if (t.start >= t.end) return undefined;
  return { value: text.slice(t.start, t.end), span: t };
}

export function dateLocated(text: string, span: Span): DateField | undefined {
  const l = located(text, span);
  if (!l) return undefined;
  const v = l.value.replace(/[*_`]/g, '').trim();
  return { value: v, span: l.span, day: parseIsoDate(v) };
}

/** A field's value from the text at `span`, as its type reads it. */
export function valueAt(text: string, f: FieldSpec, span: Span): Located<string> | undefined {
  if (f.type === 'date') return dateLocated(text, span);
  const l = located(text, span);
  return l && (f.type === 'enum' || f.type === 'word') ? { value: enumWord(f, l.value), span: l.span } : l;
}

/** A field's value from a label's already-read value (a continued label's text is joined across lines). */
export function valueOfLabel(text: string, f: FieldSpec, v: Located<string>): Located<string> | undefined {
  if (f.type === 'date') return dateLocated(text, v.span);
  return f.type === 'enum' || f.type === 'word' ? { value: enumWord(f, v.value), span: v.span } : v;
}

/** An enum-like value as the schema compares it; in a plan in another language, its word for a value is that value. */
export function enumWord(f: FieldSpec, raw: string): string {
  const w = wordOf(raw);
  return f.aliases ? canonicalWord(f, w) : w;
}

// ---------- labelled lines: "- Change: ...", "**Feedback:** ...", "Source: customer"

const LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z -]{0,30}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*/;
/** LABEL in a plan in another language: labels with any letters and apostrophes (`Rückmeldung:`, `Aujourd'hui :`). */
const LABEL_ANY_LETTERS =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(\p{L}[\p{L} '’-]{0,30}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*/u;

interface Labelled {
  label: string;
  value: Located<string> | undefined;
}

/** Labelled lines within a paragraph's source span; an unlabelled line continues the previous value. */
export function labelledLines(text: string, span: Span, anyLetters = false): Labelled[] {
  const label = anyLetters ? LABEL_ANY_LETTERS : LABEL;
  const res: Labelled[] = [];
  let pos = span.start;
  while (pos < span.end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > span.end) nl = span.end;
    const line = text.slice(pos, nl);
    const m = label.exec(line);
    if (m) {
      res.push({ label: m[1]!.trim().toLowerCase(), value: located(text, { start: pos + m[0].length, end: nl }) });
    } else if (res.length > 0) {
      const prev = res[res.length - 1]!;
      prev.value = located(text, { start: prev.value?.span.start ?? pos, end: nl });
      if (prev.value) prev.value.value = joinLines(prev.value.value);
    }
    pos = nl + 1;
  }
  return res;
}

export function itemParagraph(item: ListItem): Paragraph | undefined {
  const p = item.children[0];
  return p && p.type === 'paragraph' ? p : undefined;
}
