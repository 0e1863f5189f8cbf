// The one word matcher: a list of phrases (a rule's defaults or the user's option) matched on stems, in order, as whole words.
import { fold, isNumber, reduce, tokenise, type Language, type Stemming } from './stem.js';

/**
 * A list as a rule's option gives it: one list for every language, or lists keyed by language (`{ de: [...], en: [...] }`;
 * a language with no key has an empty list).
 */
export type WordSource = readonly string[] | Readonly<Partial<Record<Language, readonly string[]>>>;

/** Where a phrase of the list occurs in a text's words. */
export interface WordMatch {
  /** The phrase as the list writes it. */
  readonly phrase: string;
  /** The index of its first word in the text's words, and how many words it spans. */
  readonly index: number;
  readonly length: number;
}

interface Phrase {
  readonly text: string;
  readonly order: number;
  readonly words: readonly string[];
}

interface Compiled {
  readonly phrases: readonly Phrase[];
  /** Phrases by their first word; `n` (any number) under NUMBER. */
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
  /** Words the list writes `=word`: compared as written (folded), not stemmed. */
  readonly exact: ReadonlySet<string>;
}

/** The key of phrases whose first word is `n`, any number. */
const NUMBER = '\u0000n';
/** The mark of a word compared as written: `=utilization` is not stemmed to util, the stem of utility. */
const EXACT = '=';
/** Reduced words a list keeps, per language; cleared when full (a long plan has a few thousand distinct words). */
const MAX_KEPT = 20_000;

/**
 * A word list compiled for matching: each phrase cut into words, folded for case and diacritics and stemmed in the
 * plan's language (or, for names, only their plural endings dropped: `stemming: 'plural'`), then matched on a text's
 * words reduced the same way, in order and as whole words. `n` in a phrase stands for any number
 * ("answered within n seconds"), and a word written `=word` is compared as written, after case and diacritics are
 * folded, where its stem would join words that differ (`=utilization`: its stem is the stem of utility). A rule builds its lists once per lint run (`prepare(options)`); each list compiles
 * its phrases for a language the first time it is asked in it, and keeps the words it has reduced.
 */
export class WordList {
  private readonly compiled = new Map<Language, Compiled>();
  private readonly reduced = new Map<Language, Map<string, string>>();

  constructor(
    readonly source: WordSource,
    readonly stemming: Stemming = 'stem',
  ) {}

  /** A text's words, reduced as this list reduces its own (pass them to the methods below that take words). */
  words(text: string, language: Language = 'en'): string[] {
    let kept = this.reduced.get(language);
    if (!kept) this.reduced.set(language, (kept = new Map<string, string>()));
    const exact = this.compile(language).exact;
    return tokenise(text).map((w) => {
      let r = kept.get(w);
      if (r === undefined) {
        const folded = exact.size > 0 ? fold(w) : '';
        r = exact.has(folded) ? EXACT + folded : reduce(w, language, this.stemming);
        if (kept.size >= MAX_KEPT) kept.clear();
        kept.set(w, r);
      }
      return r;
    });
  }

  /** Whether a phrase of the list occurs in `text`. */
  test(text: string, language: Language = 'en'): boolean {
    return this.all(this.words(text, language), language).length > 0;
  }

  /** The first phrase of the list (in the list's order) that occurs in `text`, as the list writes it; undefined if none. */
  find(text: string, language: Language = 'en'): string | undefined {
    let best: Phrase | undefined;
    this.scan(this.words(text, language), language, (p) => {
      if (!best || p.order < best.order) best = p;
      return false;
    });
    return best?.text;
  }

  /** Every occurrence of a phrase of the list in `words` (from this.words), in text order. */
  all(words: readonly string[], language: Language = 'en'): WordMatch[] {
    const found: WordMatch[] = [];
    this.scan(words, language, (p, index) => {
      found.push({ phrase: p.text, index, length: p.words.length });
      return false;
    });
    return found;
  }

  /** The phrase that `words` are, as a whole; undefined if they are none of the list's. */
  whole(words: readonly string[], language: Language = 'en'): string | undefined {
    for (const p of this.compile(language).phrases) {
      if (p.words.length === words.length && at(words, 0, p.words)) return p.text;
    }
    return undefined;
  }

  /** The longest phrase of the list that `words` start with at `index`, as the list writes it; undefined if none. */
  startsAt(words: readonly string[], index: number, language: Language = 'en'): WordMatch | undefined {
    let best: WordMatch | undefined;
    for (const p of this.candidates(words[index], language)) {
      if (at(words, index, p.words) && (!best || p.words.length > best.length)) {
        best = { phrase: p.text, index, length: p.words.length };
      }
    }
    return best;
  }

  /** Whether a phrase of the list ends right before `words[index]` ("Sales" before "Operations"). */
  endsBefore(words: readonly string[], index: number, language: Language = 'en'): boolean {
    return this.compile(language).phrases.some(
      (p) => p.words.length <= index && at(words, index - p.words.length, p.words),
    );
  }

  private scan(words: readonly string[], language: Language, found: (p: Phrase, index: number) => boolean): void {
    for (let i = 0; i < words.length; i++) {
      for (const p of this.candidates(words[i], language)) {
        if (at(words, i, p.words) && found(p, i)) return;
      }
    }
  }

  private candidates(word: string | undefined, language: Language): readonly Phrase[] {
    if (word === undefined) return [];
    const byFirst = this.compile(language).byFirst;
    const direct = byFirst.get(word) ?? [];
    const any = anyNumber(word) ? (byFirst.get(NUMBER) ?? []) : [];
    return any.length === 0 ? direct : [...direct, ...any];
  }

  private compile(language: Language): Compiled {
    const known = this.compiled.get(language);
    if (known) return known;
    const list = isKeyed(this.source) ? (this.source[language] ?? []) : this.source;
    const phrases: Phrase[] = [];
    const byFirst = new Map<string, Phrase[]>();
    const exact = new Set<string>();
    for (const text of list) {
      const words = text.split(/\s+/).flatMap((chunk) => {
        const asWritten = chunk.startsWith(EXACT);
        return tokenise(asWritten ? chunk.slice(1) : chunk).map((w) => {
          if (w === 'n') return NUMBER;
          if (!asWritten) return reduce(w, language, this.stemming);
          exact.add(fold(w));
          return EXACT + fold(w);
        });
      });
      if (words.length === 0) continue;
      const p: Phrase = { text, order: phrases.length, words };
      phrases.push(p);
      const first = byFirst.get(words[0]!);
      if (first) first.push(p);
      else byFirst.set(words[0]!, [p]);
    }
    const compiled: Compiled = { phrases, byFirst, exact };
    this.compiled.set(language, compiled);
    return compiled;
  }
}

function isKeyed(source: WordSource): source is Readonly<Partial<Record<Language, readonly string[]>>> {
  return !Array.isArray(source);
}

/** What a list's `n` matches: any number, or the letter itself ("n=37"). */
function anyNumber(word: string): boolean {
  return word === 'n' || isNumber(word);
}

/** Whether `phrase` occurs in `words` at `index` (`n` matching any number). */
function at(words: readonly string[], index: number, phrase: readonly string[]): boolean {
  if (index < 0 || index + phrase.length > words.length) return false;
  for (let j = 0; j < phrase.length; j++) {
    const w = words[index + j]!;
    const p = phrase[j]!;
    if (w !== p && !(p === NUMBER && anyNumber(w))) return false;
  }
  return true;
}
