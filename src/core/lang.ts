// The languages a plan is read in (spec v2.1, "Plans in German, French and Spanish"), the one phrase match of the
// per-language vocabulary, and the plan's language: `lang:`, else the config's `language:`, else detected.

export const LANGS = ['en', 'de', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];
/** The other languages: their words are read beside English ones (a German plan may say "Feedback" or "KPI"). */
export type OtherLang = Exclude<Lang, 'en'>;
/** How a plan's words are read: in one language, or in any (when its language could not be told). */
export type ReadLang = Lang | 'any';
/** One list (or value) per language. */
export type ByLang<T> = { readonly [L in Lang]: T };
/** What a language adds to an English list. */
export type ByOtherLang<T> = { readonly [L in OtherLang]: T };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Text as phrases are compared: lower case, diacritics dropped, hyphens, underscores and dashes as spaces, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[-‐–—_’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The phrase of `phrases` that `text` is (`whole`) or holds as whole words, case and diacritics folded; undefined if
 * none. A plain list applies to every language; a list per language gives `lang`'s words, with English's beside them.
 * This is the one vocabulary match of the reading in other languages (headings, labels, headers, enum words): the
 * word matcher with stems (issue 19) replaces it without changing its callers.
 */
export function matchPhrase(
  text: string,
  phrases: readonly string[] | Partial<ByLang<readonly string[]>>,
  lang: Lang,
  whole = true,
): string | undefined {
  const list = isList(phrases) ? phrases : [...(phrases[lang] ?? []), ...(lang === 'en' ? [] : (phrases.en ?? []))];
  const t = fold(text);
  if (whole) return list.find((p) => fold(p) === t);
  const padded = ` ${t.replace(/[^\p{L}\p{N}&]+/gu, ' ').trim()} `;
  return list.find((p) => {
    const f = fold(p)
      .replace(/[^\p{L}\p{N}&]+/gu, ' ')
      .trim();
    return f !== '' && padded.includes(` ${f} `);
  });
}

function isList(p: readonly string[] | Partial<ByLang<readonly string[]>>): p is readonly string[] {
  return Array.isArray(p);
}

/** Words that show a language in running text; none of them is common in another of the four. */
const FUNCTION_WORDS: ByLang<readonly string[]> = {
  en: ['the', 'and', 'of', 'with', 'we', 'our', 'is', 'are', 'to', 'for', 'this', 'that', 'they'],
  de: ['der', 'und', 'das', 'mit', 'wir', 'unser', 'ist', 'sind', 'für', 'nicht', 'ein', 'eine', 'auf', 'dem', 'den'],
  fr: ['le', 'les', 'et', 'des', 'du', 'avec', 'nous', 'notre', 'est', 'sont', 'pour', 'une', 'dans', 'aux', 'au'],
  es: ['el', 'los', 'las', 'y', 'del', 'con', 'nosotros', 'nuestro', 'es', 'son', 'para', 'una', 'por', 'que', 'al'],
};

/** How much of a plan detection reads: its language shows long before (and a 5 MB plan is not scanned twice). */
const DETECT_CHARS = 64 * 1024;

export interface DetectedLang {
  lang: Lang;
  /** The languages the plan's words point to when they do not settle it (read as English then). */
  unsure?: Lang[];
}

/**
 * The plan's language from its own words: a Markdown body's headings and labels (`known`: each language's words for
 * them, counted three times) and its function words. Sure when one language leads clearly; English (and `unsure`) when two come
 * close; English when nothing points anywhere.
 */
export function detectLang(text: string, known: ByLang<ReadonlySet<string>> | undefined): DetectedLang {
  const head = text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text;
  const score: Record<Lang, number> = { en: 0, de: 0, fr: 0, es: 0 };
  // Why: a YAML plan's keys are the spec's English ones whatever its language (`known` undefined): only its words count.
  for (const m of known === undefined
    ? []
    : head.matchAll(
        /^[ \t]*(?:#{2,3}[ \t]+(.+)|(?:[-*+][ \t]+)?(?:\*\*|__)?([\p{L} ]{2,30}?)(?:\*\*|__)?[ \t]*:)/gmu,
      )) {
    const words = fold((m[1] ?? m[2] ?? '').replace(/^\d+[.)]?\s+/, '').replace(/[:.]\s*$/, ''));
    for (const l of LANGS) if (known![l].has(words)) score[l] += 3;
  }
  const counts = new Map<string, number>();
  for (const w of head.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const l of LANGS) for (const w of FUNCTION_WORDS[l]) score[l] += Math.min(counts.get(w) ?? 0, 20) / 4;
  const ranked = [...LANGS].sort((a, b) => score[b] - score[a]);
  const [first, second] = [ranked[0]!, ranked[1]!];
  if (score[first] === 0) return { lang: 'en' };
  // Why: a close second is a plan in two languages or too little text to tell; reading it as either could be wrong.
  if (score[second] > 0 && score[second] * 1.5 > score[first]) return { lang: 'en', unsure: [first, second].sort() };
  return { lang: first };
}
