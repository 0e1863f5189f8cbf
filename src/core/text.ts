// Small text helpers shared by rules: the one placeholder list, normalised names. Word lists: src/core/words.
import { tokenise } from './words/index.js';

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

/** A department name normalised for comparison: lower case, single spaces, no surrounding punctuation. */
export function normaliseName(name: string): string {
  return tokenise(name).join(' ');
}

/** "1 word", "2 words"; `many` for an irregular plural ("entries"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
