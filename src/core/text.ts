// Small text helpers shared by rules: placeholders, phrase matching on words, normalised names.

const PLACEHOLDER = /^(tbd|tba|tbc|todo|fixme|n\/?a|none|unknown|\?+|x{2,}|\.{3}|…|-+|<[^>]*>|\[[^\]]*\])$/i;

/** Whether a value is a placeholder rather than content: TBD, TODO, ?, xxx, ..., <name>, [name], or starts with TODO/TBD. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || PLACEHOLDER.test(v) || /^(todo|tbd|fixme)\b/i.test(v);
}

/** Lower-case word tokens; `&` stays inside a word so `FP&A` is one token. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}&]+/gu) ?? [];
}

/** Whether `phrase` occurs in `text` as whole words (case-insensitive): "IT" is in "IT Operations", not in "Security". */
export function hasPhrase(text: string, phrase: string): boolean {
  const t = words(text);
  const p = words(phrase);
  if (p.length === 0) return false;
  outer: for (let i = 0; i + p.length <= t.length; i++) {
    for (let j = 0; j < p.length; j++) if (t[i + j] !== p[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether any of `phrases` occurs in `text` as whole words. */
export function hasAnyPhrase(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => hasPhrase(text, p));
}

/** A department name normalised for comparison: lower case, single spaces, no surrounding punctuation. */
export function normaliseName(name: string): string {
  return words(name).join(' ');
}

/** "1 word", "2 words"; `many` for an irregular plural ("entries"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
