// Did-you-mean for the CLI's own words: option names, formats, rule ids.
import { distance } from 'fastest-levenshtein';

/** The nearest candidate within a small edit distance (a third of the word, at least 2), if any. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined;
}
