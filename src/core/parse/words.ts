// The one normalisation of an enum-like word, in either form: `**Second**.` -> `second`.

/** A word as the schema compares it: without emphasis marks and trailing punctuation, lower-cased. */
export function wordOf(v: string): string {
  return v
    .replace(/[*_`]/g, '')
    .replace(/[.;,]\s*$/, '')
    .trim()
    .toLowerCase();
}
