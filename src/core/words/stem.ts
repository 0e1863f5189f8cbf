// Words as people write them (spec v2.1): tokens, folded for case and diacritics, stemmed in the plan's language.
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as spanish } from '@orama/stemmers/spanish';

/** The languages plans are read in (spec v2.1, "Plans in German, French and Spanish"). */
export type Language = 'en' | 'de' | 'fr' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'de', 'fr', 'es'];

/**
 * How a list's words are reduced before they are compared:
 * - `stem`: the language's Snowball-family stemmer (Orama's ports: Porter for English, Snowball for German, French,
 *   Spanish), so handle, handles, handling and handled are one word;
 * - `plural`: only plural endings, for names (departments): a full stem would make "Quality Control" finance
 *   ("controlling" stems to control) and "Market Access" marketing.
 */
export type Stemming = 'stem' | 'plural';

const STEMMERS: Readonly<Record<Language, (word: string) => string>> = {
  en: english,
  de: german,
  fr: french,
  es: spanish,
};

/** A possessive `'s` (straight or curly apostrophe): "customer's" is the word customer. */
const POSSESSIVE = /['’]s(?![\p{L}\p{N}])/gu;
/** A word: letters (with their combining marks) and digits; `&` stays inside a word so `FP&A` is one token. */
const WORD = /[\p{L}\p{M}\p{N}&]+/gu;
/** Where letters meet digits: "tier1" is tier 1, "30s" is 30 s, "p95" is p 95. */
const LETTER_DIGIT = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
const DIGITS = /^\p{N}+$/u;
const MARKS = /\p{M}+/gu;

/**
 * A text's words, lower-cased, in order: letters and digits, `&` kept inside a word, every other character a break
 * (hyphens, underscores, apostrophes, punctuation), letters split from digits, a possessive `'s` dropped. Not yet
 * stemmed nor folded: the stemmers read the diacritics (French "é").
 */
export function tokenise(text: string): string[] {
  const lower = text.toLowerCase().replace(POSSESSIVE, '');
  const out: string[] = [];
  for (const m of lower.matchAll(WORD)) {
    const w = m[0];
    if (/\p{N}/u.test(w) && /\p{L}/u.test(w)) out.push(...w.split(LETTER_DIGIT));
    else out.push(w);
  }
  return out;
}

/** A word without its diacritics (é is e, ü is u); ß stays, the German stemmer spells it ss. */
export function fold(word: string): string {
  return /[\u0080-\uffff]/.test(word) ? word.normalize('NFD').replace(MARKS, '').normalize('NFC') : word;
}

/** Whether a token is a number (a list's `n` stands for any number). */
export function isNumber(token: string): boolean {
  return DIGITS.test(token);
}

/** A lower-cased word reduced as `stemming` says, in `language`, then folded. Numbers and `&` words stay as they are. */
export function reduce(word: string, language: Language, stemming: Stemming): string {
  if (word.length < 3 || isNumber(word) || word.includes('&')) return fold(word);
  return fold(stemming === 'stem' ? STEMMERS[language](word) : singular(word, language));
}

/** A noun's plural ending dropped: enough to read "Operations" as operation and "Finanzen" as Finanz, no more. */
function singular(word: string, language: Language): string {
  switch (language) {
    case 'en':
      if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
      if (word.endsWith('sses')) return word.slice(0, -2);
      if (/(?:[^su]s|[^aeiou]es)$/.test(word) && !/(?:ss|us|is)$/.test(word) && word.length > 3) {
        return /(?:ches|shes|xes|zes)$/.test(word) ? word.slice(0, -2) : word.slice(0, -1);
      }
      return word;
    case 'de':
      if (/(?:en|er)$/.test(word) && word.length > 5) return word.slice(0, -2);
      if (/[ens]$/.test(word) && word.length > 4) return word.slice(0, -1);
      return word;
    case 'fr':
      return /[sx]$/.test(word) && word.length > 3 ? word.slice(0, -1) : word;
    case 'es':
      if (/[^aeiou]es$/.test(word) && word.length > 4) return word.slice(0, -2);
      return /s$/.test(word) && word.length > 3 ? word.slice(0, -1) : word;
  }
}
