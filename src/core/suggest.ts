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

/**
 * The known values nearest to a misspelt one (`secnd` → [second]), within the same small distance as `suggest`;
 * several when they tie (then a person chooses). Empty when nothing is near.
 */
export function nearest(word: string, candidates: readonly string[]): string[] {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (w === '') return [];
  const ds = candidates.map((c) => ({ c, d: distance(w, c.toLowerCase()) }));
  const best = Math.min(...ds.map((x) => x.d));
  const limit = Math.max(2, Math.floor(w.length / 3));
  // Why: a very short word is near everything (`x` is two edits from `low`); only words of three letters or more.
  if (w.length < 3 || best > limit || best >= w.length) return [];
  return ds.filter((x) => x.d === best).map((x) => x.c);
}
