// scale-up-plan: requires a scaling or closed plan to say how planning, resource allocation and compensation will change.
import { insertSection } from '../../core/edits.js';
import { effectiveStatus, type Located, type PlanForm } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import { isPlaceholder } from '../../core/text.js';
import { WordList, clauses } from '../../core/words/index.js';
import { sectionLines } from '../../core/writer.js';
import type { ByLang, Lang } from '../../core/lang.js';

/** The three things that must change for a proven innovation to scale, and words that show a plan talks about them. */
const TOPICS: readonly { readonly name: string; readonly phrases: ByLang<readonly string[]> }[] = [
  {
    name: 'planning',
    phrases: {
      en: [
        'planning',
        'forecast',
        'forecasts',
        'forecasting',
        'roadmap',
        'roadmaps',
        'budget cycle',
        'budgeting',
        'annual plan',
        'account plan',
        'account plans',
        'business plan',
        'operating plan',
        'sales plan',
        'strategic plan',
      ],
      de: [
        'planung',
        'vertriebsplanung',
        'jahresplanung',
        'budgetplanung',
        'prognose',
        'forecast',
        'roadmap',
        'jahresplan',
        'businessplan',
        'kundenplan',
        'planungsrunde',
      ],
      fr: [
        'planification',
        'prévisions',
        'prévision',
        'feuille de route',
        'plan annuel',
        'plan de compte',
        'plans de compte',
        'plan commercial',
        'cycle budgétaire',
        'budget annuel',
      ],
      es: [
        'planificación',
        'previsión',
        'previsiones',
        'hoja de ruta',
        'plan anual',
        'plan de cuenta',
        'planes de cuenta',
        'plan comercial',
        'ciclo presupuestario',
      ],
    },
  },
  {
    name: 'resource allocation',
    phrases: {
      en: [
        'resource',
        'resources',
        'resourcing',
        'allocation',
        'allocate',
        'allocated',
        'budget',
        'budgets',
        'headcount',
        'staffing',
        'staff',
        'hire',
        'hiring',
        'capacity',
        'funding',
        'funded',
        'fund',
        'investment',
        'invest',
      ],
      de: [
        'ressourcen',
        'ressource',
        'budget',
        'budgets',
        'mittel',
        'personal',
        'stellen',
        'kapazität',
        'kapazitäten',
        'zuteilung',
        'zuweisung',
        'finanzierung',
        'investition',
        'investitionen',
      ],
      fr: [
        'ressources',
        'ressource',
        'allocation',
        'budget',
        'budgets',
        'effectifs',
        'effectif',
        'postes',
        'recrutement',
        'capacité',
        'capacités',
        'financement',
        'investissement',
        'moyens',
      ],
      es: [
        'recursos',
        'recurso',
        'asignación',
        'presupuesto',
        'presupuestos',
        'plantilla',
        'personal',
        'contratación',
        'capacidad',
        'financiación',
        'inversión',
        'medios',
      ],
    },
  },
  {
    name: 'compensation',
    phrases: {
      en: [
        'compensation',
        'incentive',
        'incentives',
        'bonus',
        'bonuses',
        'commission',
        'commissions',
        'pay',
        'salary',
        'salaries',
        'quota',
        'quotas',
        'target',
        'targets',
        'reward',
        'rewards',
        'rewarded',
        'scorecard',
        'scorecards',
      ],
      de: [
        'vergütung',
        'bonus',
        'boni',
        'provision',
        'provisionen',
        'prämie',
        'prämien',
        'gehalt',
        'gehälter',
        'zielvereinbarung',
        'zielvereinbarungen',
        'ziele',
        'anreize',
        'anreiz',
        'variable vergütung',
      ],
      fr: [
        'rémunération',
        'rémunérations',
        'prime',
        'primes',
        'bonus',
        'commission',
        'commissions',
        'salaire',
        'salaires',
        'objectifs',
        'objectif',
        'incitations',
        'part variable',
        'intéressement',
      ],
      es: [
        'retribución',
        'remuneración',
        'compensación',
        'incentivo',
        'incentivos',
        'bonus',
        'bonificación',
        'comisión',
        'comisiones',
        'salario',
        'objetivos',
        'objetivo',
        'variable',
      ],
    },
  },
];

/** A line's list marker and leading emphasis: `- **`. */
const MARKER = /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__|\*|_)?/;
/** A label after the marker: `Planning:**`. */
const LABEL = /^[\p{L}][\p{L} &/-]{0,40}?(?:\*\*|__|\*|_)?[ \t]*:(?:\*\*|__|\*|_)?[ \t]*/u;

export default defineRule({
  meta: {
    id: 'scale-up-plan',
    description:
      'requires a scaling or closed plan to say how planning, resource allocation and compensation will change.',
    category: 'beyond',
    defaultSeverity: 'warning',
    severityNote: 'warning when scaling or closed, off otherwise',
    fixable: 'safe',
    messages: {
      missing:
        'The {{status}} plan has no scale-up section; add {{where}} saying how planning, resource allocation and compensation will change so the innovation can scale.',
      topics:
        'The scale-up section does not say how {{topics}} will change; describe what will change, so the proven innovation can scale.',
    },
    options: {
      negations: {
        type: 'string[]',
        default: [
          'no change',
          'no changes',
          'no need',
          'not needed',
          'not required',
          'unchanged',
          'as today',
          'as is',
          'stays the same',
          'stay the same',
          'remains the same',
          'remain the same',
          'nothing changes',
          'nothing will change',
          'will not change',
          "won't change",
          'does not change',
          'do not change',
          'no adjustment',
          'no adjustments',
        ],
        languages: {
          de: [
            'keine änderung',
            'keine änderungen',
            'nicht nötig',
            'nicht notwendig',
            'nicht erforderlich',
            'unverändert',
            'wie bisher',
            'bleibt wie',
            'bleibt gleich',
            'bleiben gleich',
            'ändert sich nicht',
            'ändert sich nichts',
            'keine anpassung',
            'keine anpassungen',
          ],
          fr: [
            'aucun changement',
            'pas de changement',
            'pas besoin',
            'pas nécessaire',
            'inchangé',
            'inchangée',
            'inchangés',
            'comme aujourd hui',
            'comme avant',
            'reste le même',
            'reste identique',
            'restent identiques',
            'ne change pas',
            'rien ne change',
            'aucun ajustement',
            'aucune adaptation',
          ],
          es: [
            'ningún cambio',
            'sin cambios',
            'no hace falta',
            'no es necesario',
            'no necesario',
            'igual que hoy',
            'como hasta ahora',
            'sigue igual',
            'siguen igual',
            'se mantiene igual',
            'no cambia',
            'nada cambia',
            'ningún ajuste',
            'sin ajustes',
          ],
        },
        description:
          'Phrases that say nothing will change: a sentence or clause holding one does not count as saying how something changes.',
      },
      statuses: {
        type: 'string[]',
        items: ['draft', 'proposed', 'running', 'scaling', 'closed'],
        default: ['scaling', 'closed'],
        description: 'The statuses in which a scale-up section is required.',
      },
    },
  },
  // The topics' words and the negations, compiled once per lint run.
  prepare: (options) => ({
    // Why: a plan in another language is read with its own words and the English ones (teams mix them).
    topics: TOPICS.map(({ name, phrases: p }) => ({
      name,
      words: new WordList({ en: p.en, de: [...p.en, ...p.de], fr: [...p.en, ...p.fr], es: [...p.en, ...p.es] }),
    })),
    negations: new WordList(options.negations),
  }),
  check(ctx, { topics, negations }) {
    const status = effectiveStatus(ctx.plan);
    if (!ctx.options.statuses.includes(status)) return;
    const yaml = ctx.doc.form === 'yaml';
    const section = ctx.plan.scaleUp;
    if (!section) {
      ctx.report({
        messageId: 'missing',
        data: { status, where: yaml ? '`scale-up:`' : 'a "Scale-up" section' },
        at: ctx.plan.titleAnchor,
        fix: () => ({
          title: yaml ? 'Add `scale-up:` with prompts' : 'Add a Scale-up section with prompts',
          // The writer's prompts: one line per topic, each a to-do, so the section is reported until they are answered.
          edits: [insertSection(ctx.doc, 'scaleUp', sectionLines(ctx.doc.form, 'scaleUp'))],
        }),
      });
      return;
    }
    const said = changeClauses(answeredText(ctx.doc.form, ctx.doc.text, section.text), negations, ctx.doc.lang);
    const missing = topics.filter((t) => !said.some((c) => t.words.test(c, ctx.doc.lang))).map((t) => t.name);
    if (missing.length > 0) {
      ctx.report({ messageId: 'topics', data: { topics: list(missing) }, at: section.anchor });
    }
  },
});

/**
 * The section's text without lines that are still to-do prompts (`Planning: TODO ...`). Markdown uses the
 * source text, because the model's plain text runs list items together ("weeklyResource allocation").
 */
function answeredText(form: PlanForm, source: string, text: Located<string> | undefined): string {
  if (!text) return '';
  const raw = form === 'markdown' ? source.slice(text.span.start, text.span.end) : text.value;
  return raw
    .split(/\r?\n/)
    .filter((line) => {
      const body = line.replace(MARKER, '').trim();
      const rest = body.replace(LABEL, '').trim();
      return body === '' || (!isPlaceholder(body) && (rest === '' || !isPlaceholder(rest)));
    })
    .join('\n');
}

/** A clause of at most this many words, after a negated one in the same sentence, shares its negation. */
const BARE_WORDS = 3;

/**
 * The clauses that can say how something changes: the section cut into sentences (at `.`, `;`, `!`, `?`, line
 * breaks) and each sentence into clauses (before `and`, `but`, `which`, `while`), without the clauses that say
 * nothing will change ("No change to planning is needed.", "Compensation: as today"). A short clause right after a
 * negated one in the same sentence is negated with it: "No change to planning and compensation" says nothing changes
 * for either, while "Planning moves to quarterly reviews and compensation stays the same" changes planning.
 */
function changeClauses(text: string, negations: WordList, lang: Lang): string[] {
  const kept: string[] = [];
  for (const sentence of text.split(/[.;!?\n]+(?=\s|$)|[;\n]+/)) {
    let negated = false;
    for (const clause of clauses(sentence, lang)) {
      const c = clause.replace(/[’]/g, "'");
      const words = negations.words(c, lang);
      negated = negations.all(words, lang).length > 0 || (negated && words.length <= BARE_WORDS);
      if (!negated) kept.push(c);
    }
  }
  return kept;
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
