// Splits Markdown into top-level blocks at heading lines: where a block may start that the whole parse also starts.
import { type Fence, fenceCloses, fenceOpens, htmlEnds, htmlKind, type HtmlKind, mayOpenHtml } from './lines.js';

const ATX = /^#{1,6}(?:[ \t]|$)/;

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
export function scanSplitPoints(
  text: string,
  from: number,
  to: number,
  stop?: (point: number) => boolean,
): { points: number[]; stopped: boolean } {
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
      for (const st of states)
        for (const n of scanLine(st, line))
          if (!next.some((x) => x.fence?.char === n.fence?.char && x.fence?.len === n.fence?.len && x.html === n.html))
            next.push(n);
      states = next;
    }
    pos = nl + 1;
  }
  return { points, stopped: false };
}

interface ScanState {
  fence?: Fence;
  html?: HtmlKind;
}

/** The states after one line, read in state `st` (two when a tag line may open an HTML block or be paragraph text). */
function scanLine(st: ScanState, line: string): ScanState[] {
  if (st.fence) return [fenceCloses(st.fence, line) ? {} : st];
  if (st.html) return [htmlEnds(st.html, line) ? {} : st];
  const fence = fenceOpens(line);
  if (fence) return [{ fence }];
  if (mayOpenHtml(line)) {
    const html = htmlKind(line);
    if (html !== 'blank') return [htmlEnds(html, line) ? {} : { html }];
    return htmlEnds(html, line) ? [{}] : [{ html }, {}];
  }
  return [{}];
}
