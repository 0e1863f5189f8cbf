// The one place where offsets and 1-based line/column positions are converted.
import type { Position, Span } from './types.js';

/** Line-start table of a text, built once per document. Lines end at \n (a preceding \r stays on the line). */
export class LineIndex {
  readonly text: string;
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    // Why: counted first, so the table is allocated once at its size (built on every keystroke).
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    const starts: number[] = new Array<number>(n);
    starts[0] = 0;
    let k = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based position of an offset; offsets outside the text are clamped. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, column: o - this.starts[line - 1]! + 1 };
  }

  /** 1-based line of an offset (as positionAt's, without a position object: asked for every block on every keystroke). */
  lineAt(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Offset of a 1-based position; clamped to the line's end and the text. */
  offsetAt(line: number, column: number): number {
    if (line < 1) return 0;
    if (line > this.starts.length) return this.text.length;
    const start = this.starts[line - 1]!;
    return Math.min(start + Math.max(0, column - 1), this.lineEnd(line));
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)]!;
  }

  /** Offset just past the last character of a 1-based line, before its \r\n or \n. */
  lineEnd(line: number): number {
    const idx = Math.max(1, Math.min(line, this.starts.length));
    let end = idx < this.starts.length ? this.starts[idx]! - 1 : this.text.length;
    if (end > this.starts[idx - 1]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The span of a whole line's content, without its line break. */
  lineSpan(line: number): Span {
    return { start: this.lineStart(line), end: this.lineEnd(line) };
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The span trimmed of surrounding whitespace (kept as is when it is all whitespace). */
  trimSpan(span: Span): Span {
    let { start, end } = span;
    while (start < end && /\s/.test(this.text[start]!)) start++;
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    return start < end ? { start, end } : span;
  }
}
