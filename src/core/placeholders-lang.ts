// The one placeholder list (text.ts PLACEHOLDERS) in German, French and Spanish: values that hold no content yet,
// in the words a plan in that language uses for them ("offen", "à définir", "por definir").
import { fold, type ByOtherLang, type Lang } from './lang.js';
import { isPlaceholder } from './text.js';

/** Whole values that are placeholders, per language (compared folded: case and accents do not count). */
export const PLACEHOLDERS_BY_LANG: ByOtherLang<readonly string[]> = {
  de: [
    'offen',
    'noch offen',
    'unbekannt',
    'noch unbekannt',
    'ausstehend',
    'folgt',
    'niemand',
    'noch niemand',
    'keine',
    'keiner',
    'noch keine',
    'noch keiner',
    'k. a.',
    'entfällt',
    'zu klären',
    'noch zu klären',
    'zu definieren',
    'noch zu definieren',
    'zu benennen',
    'noch zu benennen',
  ],
  fr: [
    'à définir',
    'à déterminer',
    'à préciser',
    'à confirmer',
    'à compléter',
    'à trouver',
    'à nommer',
    'à faire',
    'à venir',
    'en attente',
    'inconnu',
    'inconnue',
    'aucun',
    'aucune',
    'personne',
    'pas encore',
    'néant',
    'nc',
  ],
  es: [
    'por definir',
    'por determinar',
    'por confirmar',
    'por decidir',
    'por concretar',
    'por nombrar',
    'por encontrar',
    'pendiente',
    'desconocido',
    'desconocida',
    'ninguno',
    'ninguna',
    'nadie',
    'nadie aún',
    'nadie todavía',
    'aún no',
    'todavía no',
  ],
};

/** First words that make a value a placeholder whatever follows ("noch offen, wir fragen noch", "à définir : ..."). */
const PREFIXES: ByOtherLang<readonly string[]> = {
  de: [
    'noch offen',
    'noch unbekannt',
    'noch zu klaren',
    'noch zu benennen',
    'noch zu definieren',
    'noch niemand',
    'noch keine',
    'noch keiner',
  ],
  fr: [
    'a definir',
    'a determiner',
    'a preciser',
    'a confirmer',
    'a completer',
    'a trouver',
    'a nommer',
    'pas encore',
    'personne pour l',
    'aucun pour l',
  ],
  es: [
    'por definir',
    'por determinar',
    'por confirmar',
    'por decidir',
    'por nombrar',
    'por encontrar',
    'pendiente de',
    'nadie aun',
    'nadie todavia',
    'aun no',
    'todavia no',
  ],
};

const WHOLE: ByOtherLang<ReadonlySet<string>> = {
  de: new Set(PLACEHOLDERS_BY_LANG.de.map(fold)),
  fr: new Set(PLACEHOLDERS_BY_LANG.fr.map(fold)),
  es: new Set(PLACEHOLDERS_BY_LANG.es.map(fold)),
};

/** text.ts isPlaceholder, and in a plan in another language also that language's placeholders. */
export function isPlaceholderIn(value: string, lang: Lang): boolean {
  if (isPlaceholder(value)) return true;
  if (lang === 'en') return false;
  // Why: a long value is judged by its first words only.
  const v = fold(
    value
      .slice(0, 200)
      .replace(/[.!:]+\s*$/, '')
      .replace(/^\((.*)\)$/, '$1'),
  );
  if (WHOLE[lang].has(v)) return true;
  return PREFIXES[lang].some((p) => v === p || v.startsWith(`${p} `) || v.startsWith(`${p},`));
}
