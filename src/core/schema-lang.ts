// The plan schema's words in German, French and Spanish (spec v2.1): section headings, entry labels and table
// headers, and the enum words written in a Markdown body (`Quelle: Kunde`, `orden: segundo`). Data only: the
// English words stay in schema.ts and schema-fields.ts; `sectionsIn(lang)` gives the schema a plan in `lang` is
// read with (English words and the language's side by side). Front-matter keys and the values stored in front
// matter or in a YAML plan stay English, as the spec defines them.
import {
  LANGS,
  fold,
  matchPhrase,
  type ByLang,
  type ByOtherLang,
  type Lang,
  type OtherLang,
  type ReadLang,
} from './lang.js';
import type { FieldSpec, SectionKind, SectionSpec } from './schema-types.js';

/** Each section's headings per language; the first is the one the writer uses. */
export const SECTION_WORDS: Readonly<Record<SectionKind, ByOtherLang<readonly string[]>>> = {
  selection: {
    de: ['Kundenauswahl', 'Auswahl des Kunden', 'Wahl des Kunden', 'Testbed-Kunde', 'Warum dieser Kunde'],
    fr: ['Choix du client', 'Sélection du client', 'Client du testbed', 'Pourquoi ce client'],
    es: ['Selección del cliente', 'Elección del cliente', 'Cliente del testbed', 'Por qué este cliente'],
  },
  iterations: {
    de: ['Iterationsprotokoll', 'Iterationen', 'Änderungsprotokoll', 'Lernprotokoll', 'Iterationslog'],
    fr: ['Journal des itérations', 'Itérations', 'Journal des changements', "Journal d'apprentissage"],
    es: ['Registro de iteraciones', 'Iteraciones', 'Registro de cambios', 'Registro de aprendizajes', 'Bitácora'],
  },
  counterparts: {
    de: ['Beteiligte Bereiche', 'Beteiligte Abteilungen', 'Ansprechpartner', 'Beteiligte', 'Stakeholder'],
    fr: ['Interlocuteurs', 'Services impliqués', 'Directions impliquées', 'Parties prenantes'],
    es: ['Interlocutores', 'Departamentos implicados', 'Áreas implicadas', 'Partes interesadas', 'Contrapartes'],
  },
  journey: {
    de: ['Kundenreise', 'Customer Journey', 'Momente der Wahrheit'],
    fr: ['Parcours client', 'Parcours du client', 'Moments de vérité'],
    es: ['Recorrido del cliente', 'Viaje del cliente', 'Momentos de la verdad', 'Customer journey'],
  },
  metrics: {
    de: ['Kennzahlen', 'Messgrößen', 'Erfolgskennzahlen', 'KPIs'],
    fr: ['Indicateurs', 'Mesures de succès', 'Mesures', 'KPI'],
    es: ['Métricas', 'Indicadores', 'Medidas de éxito', 'KPI'],
  },
  scaleUp: {
    de: ['Skalierung', 'Ausrollen', 'Rollout', 'Hochskalierung'],
    fr: ["Passage à l'échelle", 'Déploiement', 'Généralisation'],
    es: ['Escalado', 'Despliegue', 'Extensión'],
  },
};

/** Labels and table headers of each list section's fields per language (lower case; the first is the writer's). */
export const FIELD_WORDS: Readonly<Record<string, Readonly<Record<string, ByOtherLang<readonly string[]>>>>> = {
  iterations: {
    date: { de: ['datum', 'wann'], fr: ['date', 'quand'], es: ['fecha', 'cuándo'] },
    title: {
      de: ['titel', 'iteration', 'zusammenfassung'],
      fr: ['titre', 'itération', 'résumé'],
      es: ['título', 'iteración', 'resumen'],
    },
    change: {
      de: ['änderung', 'änderungen', 'was wir geändert haben', 'was sich geändert hat'],
      fr: ['changement', 'changements', 'modification', 'ce qui a changé'],
      es: ['cambio', 'cambios', 'qué cambiamos', 'qué cambió'],
    },
    feedback: {
      de: ['rückmeldung', 'feedback', 'kundenfeedback', 'erfahrung'],
      fr: ['retour client', 'retour', 'retours', 'ressenti', 'expérience'],
      es: ['comentarios', 'opinión del cliente', 'feedback', 'experiencia'],
    },
    source: { de: ['quelle', 'auslöser', 'anlass'], fr: ['source', 'origine'], es: ['fuente', 'origen'] },
    order: { de: ['ordnung', 'grad', 'stufe'], fr: ['ordre', 'niveau'], es: ['orden', 'nivel'] },
  },
  counterparts: {
    department: {
      de: ['bereich', 'abteilung', 'funktion', 'team'],
      fr: ['service', 'direction', 'fonction', 'équipe', 'département'],
      es: ['departamento', 'área', 'función', 'equipo'],
    },
    contact: {
      de: ['ansprechpartner', 'ansprechpartnerin', 'kontakt', 'person', 'name'],
      fr: ['interlocuteur', 'interlocutrice', 'contact', 'nom', 'personne'],
      es: ['contacto', 'interlocutor', 'interlocutora', 'nombre', 'persona'],
    },
    since: {
      de: ['seit', 'dabei seit', 'beteiligt seit', 'ab'],
      fr: ['depuis', 'depuis le', 'impliqué depuis', 'associé depuis'],
      es: ['desde', 'desde el', 'participa desde', 'implicado desde'],
    },
    benefit: {
      de: ['nutzen', 'ihr nutzen', 'vorteil', 'nutzen für den bereich'],
      fr: ['bénéfice', 'gain', 'avantage', "ce qu'ils y gagnent"],
      es: ['beneficio', 'ventaja', 'su beneficio', 'qué ganan'],
    },
  },
  metrics: {
    name: {
      de: ['kennzahl', 'messgröße', 'name', 'kpi'],
      fr: ['indicateur', 'mesure', 'nom', 'kpi'],
      es: ['métrica', 'indicador', 'medida', 'nombre', 'kpi'],
    },
    perspective: {
      de: ['perspektive', 'sicht'],
      fr: ['perspective', 'point de vue'],
      es: ['perspectiva', 'punto de vista'],
    },
    aggregate: {
      de: ['aggregation', 'verdichtung', 'kennwert'],
      fr: ['agrégat', 'agrégation', 'statistique'],
      es: ['agregado', 'agregación', 'estadístico'],
    },
    moment: {
      de: ['moment', 'moment der wahrheit'],
      fr: ['moment', 'moment de vérité'],
      es: ['momento', 'momento de la verdad'],
    },
  },
  journey: {
    stage: { de: ['phase', 'schritt', 'etappe'], fr: ['étape', 'phase'], es: ['etapa', 'fase', 'paso'] },
    moment: {
      de: ['moment', 'moment der wahrheit'],
      fr: ['moment', 'moment de vérité'],
      es: ['momento', 'momento de la verdad'],
    },
    today: { de: ['heute', 'derzeit'], fr: ["aujourd'hui", 'actuellement'], es: ['hoy', 'actualmente'] },
    target: { de: ['ziel', 'zielbild'], fr: ['cible', 'objectif'], es: ['objetivo', 'meta'] },
  },
};

/** The enum words of a Markdown body per language, by field and the value they stand for. */
export const ENUM_WORDS: Readonly<Record<string, Readonly<Record<string, ByOtherLang<readonly string[]>>>>> = {
  source: {
    customer: { de: ['kunde', 'kundin', 'kundenseitig'], fr: ['client', 'cliente'], es: ['cliente'] },
    internal: { de: ['intern'], fr: ['interne'], es: ['interno', 'interna'] },
  },
  order: {
    first: {
      de: ['erste', 'erster', 'erstes', 'erste ordnung'],
      fr: ['premier', 'première', 'premier ordre'],
      es: ['primero', 'primer', 'primera', 'primer orden'],
    },
    second: {
      de: ['zweite', 'zweiter', 'zweites', 'zweite ordnung'],
      fr: ['second', 'seconde', 'deuxième', 'second ordre'],
      es: ['segundo', 'segunda', 'segundo orden'],
    },
    third: {
      de: ['dritte', 'dritter', 'drittes', 'dritte ordnung'],
      fr: ['troisième', 'troisième ordre'],
      es: ['tercero', 'tercer', 'tercera', 'tercer orden'],
    },
  },
  perspective: {
    customer: {
      de: ['kunde', 'kundensicht', 'kundenperspektive'],
      fr: ['client', 'point de vue client'],
      es: ['cliente'],
    },
    internal: { de: ['intern', 'innensicht'], fr: ['interne'], es: ['interno', 'interna'] },
  },
  stage: {
    find: { de: ['finden', 'suchen'], fr: ['trouver', 'découvrir'], es: ['encontrar', 'buscar'] },
    access: {
      de: ['zugang', 'bestellen', 'beschaffen'],
      fr: ['accéder', 'accès', 'obtenir'],
      es: ['acceder', 'acceso', 'obtener'],
    },
    use: { de: ['nutzung', 'nutzen'], fr: ['utiliser', 'utilisation', 'usage'], es: ['usar', 'uso', 'utilizar'] },
    support: { de: ['unterstützung', 'hilfe'], fr: ['assistance', 'aide'], es: ['soporte', 'asistencia', 'ayuda'] },
  },
  aggregate: {
    worst: {
      de: ['schlechtester', 'schlechtester wert', 'schlechtester fall'],
      fr: ['pire', 'pire cas'],
      es: ['peor', 'peor caso'],
    },
    max: { de: ['maximum'], fr: ['maximum'], es: ['máximo', 'máx'] },
    min: { de: ['minimum'], fr: ['minimum'], es: ['mínimo', 'mín'] },
    median: { de: ['median'], fr: ['médiane'], es: ['mediana'] },
    average: { de: ['durchschnitt', 'mittelwert'], fr: ['moyenne'], es: ['promedio', 'media'] },
    total: { de: ['summe', 'gesamt'], fr: ['somme'], es: ['suma'] },
    count: { de: ['anzahl'], fr: ['nombre'], es: ['recuento', 'número'] },
  },
};

/** A field with the words of `lang` beside its English labels and headers, and its enum words as aliases. */
function fieldIn(section: SectionKind, f: FieldSpec, langs: readonly OtherLang[]): FieldSpec {
  const words = langs.flatMap((l) => FIELD_WORDS[section]?.[f.name]?.[l] ?? []);
  const enums = ENUM_WORDS[f.name];
  const aliases: Record<string, string> = {};
  for (const [value, byLang] of Object.entries(enums ?? {}))
    for (const l of langs) for (const w of byLang[l]) aliases[fold(w)] ??= value;
  return {
    ...f,
    ...(f.columns ? { columns: [...f.columns, ...words] } : {}),
    ...(f.labels ? { labels: [...f.labels, ...words] } : {}),
    ...(enums && (f.type === 'enum' || f.type === 'word') ? { aliases } : {}),
    ...(langs.length === 1 && words.length > 0 ? { written: words[0] } : {}),
  };
}

function sectionIn(s: SectionSpec, lang: OtherLang | 'any'): SectionSpec {
  const langs = lang === 'any' ? OTHER_LANGS : [lang];
  const entry = s.entry && {
    ...s.entry,
    lang,
    fields: s.entry.fields.map((f) => fieldIn(s.kind, f, langs)),
  };
  return { ...s, ...(entry ? { entry } : {}) };
}

const OTHER_LANGS: readonly OtherLang[] = ['de', 'fr', 'es'];

/**
 * The sections as a plan in each language is read, and as one whose language could not be told is (`any`: every
 * language's words, so its headings are read whichever it is). Built once, at load; never changed.
 */
export function buildSectionsByLang(sections: readonly SectionSpec[]): Record<ReadLang, readonly SectionSpec[]> {
  return {
    en: sections,
    de: sections.map((s) => sectionIn(s, 'de')),
    fr: sections.map((s) => sectionIn(s, 'fr')),
    es: sections.map((s) => sectionIn(s, 'es')),
    any: sections.map((s) => sectionIn(s, 'any')),
  };
}

/** The section a heading names in `lang` (after the English synonyms: `normalised` is the heading as schema.ts cuts it). */
export function sectionOfHeadingIn(normalised: string, lang: ReadLang): SectionKind | undefined {
  if (lang === 'en') return undefined;
  const langs = lang === 'any' ? OTHER_LANGS : [lang];
  for (const [kind, words] of Object.entries(SECTION_WORDS)) {
    if (langs.some((l) => matchPhrase(normalised, words[l], l))) return kind as SectionKind;
  }
  return undefined;
}

/** A body's enum word as the value it stands for (`Kunde` → customer); the word itself when it is no alias. */
export function canonicalWord(f: FieldSpec, word: string): string {
  return f.aliases?.[fold(word)] ?? word;
}

/**
 * Each language's words for headings and labels, folded, without those two languages share ("Feedback", "Moment"):
 * what detection counts (lang.ts detectLang). `english`: the schema's English headings, labels and headers.
 */
export function knownWords(english: readonly string[]): ByLang<ReadonlySet<string>> {
  const of = (l: OtherLang) => [
    ...Object.values(SECTION_WORDS).flatMap((w) => w[l]),
    ...Object.values(FIELD_WORDS).flatMap((fs) => Object.values(fs).flatMap((w) => w[l])),
  ];
  const all: ByLang<string[]> = {
    en: english.map(fold),
    de: of('de').map(fold),
    fr: of('fr').map(fold),
    es: of('es').map(fold),
  };
  const shared = (w: string, l: Lang) => LANGS.some((o) => o !== l && all[o].includes(w));
  const only = (l: Lang) => new Set(all[l].filter((w) => !shared(w, l)));
  return { en: only('en'), de: only('de'), fr: only('fr'), es: only('es') };
}
