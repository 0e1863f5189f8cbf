// Did-you-mean: the one place a misspelt word is matched to the nearest known one (keys, rule ids, options).
import { distance } from 'fastest-levenshtein';

/** The nearest candidate (as written) within a small edit distance, compared case-insensitively and ignoring `_` vs `-`. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const d = w === lc ? 0 : distance(w, lc);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(w.length / 3));
  return best !== undefined && bestD <= limit ? best : undefined;
}
