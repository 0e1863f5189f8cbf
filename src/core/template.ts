// A new plan, in either form, modelled on the spec's minimal example, with plain-word prompts to fill in.
// Its sections, tables and example entries come from the plan schema through the writer.
import { resolveToday } from './dates.js';
import { SECTIONS, type SectionKind, type SectionSpec } from './schema.js';
import { frontMatterLines, headingEntryLines, tableHeaderLines, yamlItemLines, type EntryValues } from './writer.js';
import type { Lang } from './lang.js';
import { SECTION_WORDS } from './schema-lang.js';
import { ABOVE_BY_LANG, ASKS_BY_LANG, EXAMPLES_BY_LANG, PROMPTS_BY_LANG } from './template-lang.js';

export interface PlanTemplateOptions {
  /** The plan's title. */
  title: string;
  /**
   * Today as YYYY-MM-DD: the date of the example entries in the prompts (an entry written now is dated today).
   * The plan's own dates are the writer's to give: `start` and `review` are prompts.
   */
  today: string;
  /** The plan's language: its headings, labels and prompts in it, and `lang:` in its front matter (default English). */
  lang?: Lang;
}

/**
 * The text of a new plan. It states no fact the writer did not give: every answer (the customer, its tier, size,
 * processes and champion, the aims, the dates) is the prompt `TODO` or an empty list, a to-do on a draft and a
 * finding once the plan is proposed. The guidance is in comments (HTML comments in Markdown, `#` comments in YAML),
 * so the linter never counts it as content. Indented by two spaces throughout, so editors detect two.
 */
export function planTemplate(form: 'markdown' | 'yaml', options: PlanTemplateOptions): string {
  resolveToday(options.today);
  const title = options.title.trim() || 'New testbed plan';
  const start = options.today;
  const lang = options.lang ?? 'en';
  const words = lang === 'en' ? undefined : { lang, prompts: PROMPTS_BY_LANG[lang], above: ABOVE_BY_LANG[lang] };
  const front = frontMatterLines(title, words);
  if (form === 'yaml') return [...front, '', ...SECTIONS.flatMap((x) => yamlSection(x, start, lang))].join('\n');
  return [
    '---',
    ...front,
    '---',
    '',
    `# ${title.replace(/\r?\n/g, ' ')}`,
    '',
    ...SECTIONS.flatMap((x) => markdownSection(x, start, lang)),
  ].join('\n');
}

/** What each section asks, as the template's prompt (a comment, so the linter never counts it as content). */
const ASKS: Record<SectionKind, string[]> = {
  selection: [
    'Why this customer? In at least 30 words: is it small or low-risk, are its processes new, who is the',
    'champion eager to innovate?',
  ],
  iterations: [
    'One entry per change, as it happens. The most important findings come after months of running:',
    'record second- and third-order changes too.',
  ],
  counterparts: [
    'The departments involved from the start (finance, IT, logistics, supply chain, sales ...), and what',
    'each gains directly. A department that sees no benefit for itself can stop the testbed.',
  ],
  journey: [
    "The moments of truth on the customer's journey, where the customer meets us: finding, accessing,",
    'using, getting support. For each: what the customer experiences today, and the target.',
  ],
  metrics: [
    'Measure what the customer experiences, not internal figures such as fill rate; customers judge by',
    'their worst experiences, so track the worst case or the 95th percentile, not only an average.',
  ],
  scaleUp: [
    'Once the testbed has proven itself: how will planning, resource allocation and compensation change',
    'so the innovation can scale beyond this one customer?',
  ],
};

/** An example entry per list section, shown in the prompt, in `lang` (a YAML plan keeps the spec's enum values). */
function example(kind: SectionKind, start: string, lang: Lang = 'en', yaml = false): EntryValues {
  const english = exampleIn(kind, start);
  if (lang === 'en') return english;
  const words = EXAMPLES_BY_LANG[lang][kind] ?? {};
  const enums = ['source', 'order', 'perspective', 'stage', 'aggregate'];
  const out: Record<string, string | undefined> = { ...english };
  for (const [k, v] of Object.entries(words)) if (!(yaml && enums.includes(k))) out[k] = v;
  return out;
}

function exampleIn(kind: SectionKind, start: string): EntryValues {
  switch (kind) {
    case 'iterations':
      return {
        date: start,
        title: 'Short title of the change',
        change: 'what we changed',
        feedback: 'what the customer said or experienced that prompted it',
        source: 'customer',
        order: 'first',
      };
    case 'counterparts':
      return {
        department: 'finance',
        contact: 'the controller',
        since: start,
        benefit: 'cost-to-serve data for the account',
      };
    case 'journey':
      return {
        stage: 'use',
        moment: 'the nurse opens the ward cabinet',
        today: 'items missing twice a week',
        target: 'everything there, every shift',
      };
    default:
      return {
        name: 'ward stock-outs per month',
        perspective: 'customer',
        aggregate: 'worst',
        moment: 'the nurse opens the ward cabinet',
      };
  }
}

function markdownSection(x: SectionSpec, start: string, lang: Lang): string[] {
  const asks = lang === 'en' ? ASKS[x.kind] : ASKS_BY_LANG[lang][x.kind];
  const head = [`## ${lang === 'en' ? x.heading : SECTION_WORDS[x.kind][lang][0]}`, ''];
  if (x.kind === 'iterations') {
    return [
      ...head,
      `<!-- ${asks[0]}`,
      `  ${asks[1]} Copy this shape:`,
      '',
      ...headingEntryLines(x.kind, example(x.kind, start, lang), lang),
      '-->',
      '',
    ];
  }
  const prompt = [
    `<!-- ${asks[0]}`,
    ...asks.slice(1, -1).map((l) => `  ${l}`),
    `  ${asks[asks.length - 1]}${x.shape === 'rationale' ? ` ${RATIONALE_NOTE[lang]}` : ''} -->`,
  ];
  return [...head, ...prompt, '', ...(x.entry ? [...tableHeaderLines(x.kind, lang), ''] : [])];
}

/** What the rationale's prompt adds: lines inside the comment are prompts. */
const RATIONALE_NOTE: Readonly<Record<Lang, string>> = {
  en: 'Lines between these comment marks are prompts: replace or delete them.',
  de: 'Zeilen zwischen diesen Kommentarzeichen sind Hinweise: ersetzen oder löschen Sie sie.',
  fr: 'Les lignes entre ces marques de commentaire sont des consignes : remplacez-les ou supprimez-les.',
  es: 'Las líneas entre estas marcas de comentario son indicaciones: sustitúyalas o bórrelas.',
};

function yamlSection(x: SectionSpec, start: string, lang: Lang): string[] {
  const asks = lang === 'en' ? ASKS[x.kind] : ASKS_BY_LANG[lang][x.kind];
  const comment = (indent: string, last = '') =>
    asks.map((l, i) => `${indent}# ${l}${i === asks.length - 1 ? last : ''}`);
  if (x.shape === 'rationale') return [`${x.key}:`, ...comment('  '), '  rationale: TODO', ''];
  if (x.shape === 'text') return [...comment(''), `${x.key}: TODO`, ''];
  return [
    ...comment('', ' Each entry looks like this:'),
    ...yamlItemLines(x.kind, example(x.kind, start, lang, true), '  - ').map((l) => `# ${l}`),
    `${x.key}: []`,
    '',
  ];
}
