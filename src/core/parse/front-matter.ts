// The one front-matter scanner: where a Markdown plan's YAML front matter is, as remark-frontmatter reads it.
import type { Span } from '../types.js';

export interface FrontMatterSpan {
  /** The whole front matter, fences included (the closing fence's line break excluded). */
  span: Span;
  /** The YAML between the fences: from the line after the opening fence to the start of the closing one. */
  content: Span;
}

/**
 * The front matter as remark-frontmatter (micromark-extension-frontmatter) reads it: `---` on line 1, up to
 * the next `---` line. A `...` line does not close it (that is YAML's document end, not a fence).
 */
export function findFrontMatter(text: string): FrontMatterSpan | undefined {
  const open = /^---[ \t]*(?:\r\n|\n|\r)/.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const close = /^---[ \t]*(?=\r\n|\n|\r|$)/m;
  let pos = start;
  while (pos <= text.length) {
    const rest = text.slice(pos);
    const m = close.exec(rest);
    if (!m) return undefined;
    const at = pos + m.index;
    // Only a match at the start of a line counts (the `m` flag also matches after a lone \r).
    if (at === start || text[at - 1] === '\n' || text[at - 1] === '\r') {
      return { span: { start: 0, end: at + m[0].length }, content: { start, end: at } };
    }
    pos = at + 1;
  }
  return undefined;
}
