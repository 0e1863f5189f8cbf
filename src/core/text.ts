// Small text helpers shared by rules: the one placeholder list, phrase matching on words, normalised names.

/**
 * The one placeholder list (spec v2, "Reading what people write"): values that hold no content yet. Compared
 * with the whole value, case-insensitively, after trailing full stops and surrounding brackets are dropped.
 */
export const PLACEHOLDERS: readonly string[] = [
  'tbd',
  'tba',
  'tbc',
  'todo',
  'to do',
  'fixme',
  'n/a',
  'na',
  'none',
  'none yet',
  'nobody',
  'nobody yet',
  'no one',
  'no one yet',
  'unknown',
  'to be found',
  'to be named',
  'to be confirmed',
  'to be decided',
  'to be defined',
  'pending',
  'not yet known',
  // The template's own prompts (src/core/template.ts), left as they were written.
  'what we changed',
  'what the customer said or experienced that prompted it',
  'short title of the change',
  "the customer's name",
  'your department',
];

/** Values that are placeholders whatever follows: "TODO: name a contact", "None yet, we are still asking". */
const PLACEHOLDER_PREFIX =
  /^(?:todo|tbd|tba|tbc|fixme|none yet|nobody yet|no one yet|to be named|to be found|to be confirmed|to be decided)\b/i;
/** Punctuation-only and template-like values: ?, xxx, ..., -, —, <name>, [name]. */
const PLACEHOLDER_SHAPE = /^(?:\?+|x{2,}|\.{3}|…|[-–—]+|<[^>]*>|\[[^\]]*\])$/i;
const PLACEHOLDER_SET: ReadonlySet<string> = new Set(PLACEHOLDERS);

/** The longest PLACEHOLDERS entry: a longer value can only be a placeholder by its shape or its first words. */
const LONGEST = Math.max(...PLACEHOLDERS.map((p) => p.length));

/** Whitespace that placeholderKey would change: a run of two, or one that is not a plain space. */
const WHITESPACE_TO_FOLD = /\s\s|[^\S ]/;

/** PLACEHOLDER_PREFIX for a value not yet lower-cased and respaced (any run of whitespace between its words). */
const PLACEHOLDER_PREFIX_RAW = new RegExp(PLACEHOLDER_PREFIX.source.replaceAll(' ', '\\s+'), 'i');

function placeholderKey(v: string): string {
  let key = v.toLowerCase();
  if (WHITESPACE_TO_FOLD.test(key)) key = key.replace(/\s+/g, ' ');
  return key.includes('’') ? key.replace(/[’]/g, "'") : key;
}

/**
 * Whether a value is a placeholder rather than content: empty, a PLACEHOLDERS entry, `?`, `xxx`, `-`, `<name>`, or
 * starts with TODO/TBD/"none yet". Rules ask this of every entry's fields on every keystroke (thousands of calls on a
 * long plan), so it keeps no memo but does little: the shape and first words are tested on the value as it is (both
 * regular expressions ignore case, and the prefix allows any whitespace between its words), and the value is
 * lower-cased and respaced only when it could be a PLACEHOLDERS entry (not longer than the longest, once respaced).
 */
export function isPlaceholder(value: string): boolean {
  let v = value.trim();
  if (v === '') return true;
  if (PLACEHOLDER_SHAPE.test(v)) return true;
  // Trailing full stops and exclamation marks go (a loop: a regex ending in `$` tries every position of a long text).
  let end = v.length;
  while (end > 0 && (v.charCodeAt(end - 1) === 46 || v.charCodeAt(end - 1) === 33)) end--;
  if (end < v.length) v = v.slice(0, end).trim();
  const inner = v.charCodeAt(0) === 40 ? /^\((.*)\)$/.exec(v) : null;
  if (inner) v = inner[1]!.trim();
  // Why: a long value is judged by its first words and its shape (neither changes with case or spacing), without
  // lower-casing and respacing all of it.
  if (v.length > 4 * LONGEST) {
    const head = placeholderKey(v.slice(0, 4 * LONGEST));
    if (head.length > LONGEST) return PLACEHOLDER_SHAPE.test(v) || PLACEHOLDER_PREFIX.test(head);
  }
  if (v === '' || PLACEHOLDER_SHAPE.test(v)) return true;
  // The raw test lets a value through that lower-casing turns into a placeholder's first words, and maybe a few more
  // ("TODOİ": İ lower-cases to i and a dot); the exact test settles those.
  if (PLACEHOLDER_PREFIX_RAW.test(v) && PLACEHOLDER_PREFIX.test(placeholderKey(v))) return true;
  // Lower-casing never shortens a value; respacing only shortens one with whitespace to fold.
  return (v.length <= LONGEST || WHITESPACE_TO_FOLD.test(v)) && PLACEHOLDER_SET.has(placeholderKey(v));
}

/** Lower-case word tokens; `&` stays inside a word so `FP&A` is one token. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}&]+/gu) ?? [];
}

/**
 * Word tokens for meaning-matching: lower case, hyphens and underscores as spaces, and digits split from letters
 * ("Tier-1", "tier_1" and "tier1" all give `tier 1`; "30s" gives `30 s`).
 */
export function looseWords(text: string): string[] {
  return words(
    text
      .replace(/[_]/g, ' ')
      .replace(/(\p{L})(\p{N})/gu, '$1 $2')
      .replace(/(\p{N})(\p{L})/gu, '$1 $2'),
  );
}

/** Whether `phrase` occurs in `text` as whole words (case-insensitive): "IT" is in "IT Operations", not in "Security". */
export function hasPhrase(text: string, phrase: string): boolean {
  return findPhrase(words(text), words(phrase)) >= 0;
}

/** Whether any of `phrases` occurs in `text` as whole words. */
export function hasAnyPhrase(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => hasPhrase(text, p));
}

/**
 * hasAnyPhrase with the phrases' words worked out once: `phraseMatcher(list)(text)` is `hasAnyPhrase(text, list)`.
 * Rules build theirs from their options once per lint run (`prepare`), not on every call.
 */
export function phraseMatcher(phrases: readonly string[]): (text: string) => boolean {
  const tokenised = phrases.map(words);
  return (text) => {
    const tokens = words(text);
    return tokenised.some((p) => findPhrase(tokens, p) >= 0);
  };
}

/**
 * Where the word sequence `phrase` starts in `tokens`, from index `from`; -1 if it does not occur. With `loose`, a
 * phrase word `n` matches any number and a phrase word matches its plural too ("calls per hour" in "Calls per hours").
 */
export function findPhrase(tokens: readonly string[], phrase: readonly string[], from = 0, loose = false): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = from; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const t = tokens[i + j]!;
      const p = phrase[j]!;
      if (t === p) continue;
      if (loose && p === 'n' && /^\p{N}+$/u.test(t)) continue;
      if (loose && t === `${p}s`) continue;
      continue outer;
    }
    return i;
  }
  return -1;
}

/** A department name normalised for comparison: lower case, single spaces, no surrounding punctuation. */
export function normaliseName(name: string): string {
  return words(name).join(' ');
}

/** "1 word", "2 words"; `many` for an irregular plural ("entries"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
