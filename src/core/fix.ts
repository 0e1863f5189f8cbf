// Applying fixes: non-overlapping edits in one pass; the caller re-lints and repeats until nothing changes.
import type { Fix, Problem, TextEdit } from './types.js';

/**
 * Applies the safe fixes of `problems` to `text`. Edits are taken in document order; a fix whose edits
 * overlap an already taken one is left for the next pass. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, problems: readonly Pick<Problem, 'fix'>[]): { text: string; applied: number } {
  const fixes = problems.map((p) => p.fix).filter((f): f is Fix => f !== undefined && f.edits.length > 0);
  fixes.sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    applied++;
  }
  if (applied === 0) return { text, applied };
  taken.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of taken) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return { text: out, applied };
}

function firstStart(f: Fix): number {
  return Math.min(...f.edits.map((e) => e.span.start));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.span.start === b.span.start) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
