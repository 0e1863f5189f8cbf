// Free text cut into clauses (spec v2.1): rules that judge meaning judge each clause, not the whole text.
import type { Language } from './stem.js';

/** The conjunctions a clause ends before, per language (the spec's `and`, `but`, `which`). */
const CONJUNCTIONS: Readonly<Record<Language, readonly string[]>> = {
  en: ['and', 'but', 'which', 'while', 'whereas'],
  de: ['und', 'aber', 'sondern', 'während', 'was'],
  fr: ['et', 'mais', 'qui', 'tandis que'],
  es: ['y', 'e', 'pero', 'sino', 'que', 'mientras que'],
};

/** Each language's clause breaks: sentence ends, `;`, and a conjunction (with the comma before it), as whole words. */
const BREAKS: Readonly<Record<Language, RegExp>> = {
  en: breaks('en'),
  de: breaks('de'),
  fr: breaks('fr'),
  es: breaks('es'),
};

function breaks(language: Language): RegExp {
  const words = CONJUNCTIONS[language].map((c) => c.replace(/ /g, '\\s+')).join('|');
  // A sentence end is a full stop, ! or ? before a space or the end (not the dot of "4.2" or "e.g").
  return new RegExp(`[;\\n]+|[.!?]+(?=\\s|$)|,?\\s+(?:${words})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The clauses of a text: cut at sentence ends, `;`, line breaks, and before `and`, `but`, `which` (and the comma
 * before them); empty pieces dropped. "Supports the pilot and helps the venue get going" is two clauses.
 */
export function clauses(text: string, language: Language = 'en'): string[] {
  return text
    .split(BREAKS[language])
    .map((c) => c.trim())
    .filter((c) => c !== '');
}
