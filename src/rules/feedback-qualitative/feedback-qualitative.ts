// feedback-qualitative: iteration feedback that is only a score or number asks for what the customer said.
import { defineRule } from '../../core/rule-api.js';
import { WordList } from '../../core/words/index.js';

/**
 * Tokens of a feedback value: a score (`4.2/5`, `+12`, `87%`, `9 out of 10` gives 9 and 10), star glyphs, or a word.
 * Why: an ISO date is taken as a word, so "Visit on 2026-03-02" is never read as a bare number.
 */
const TOKEN =
  /\d{4}-\d{2}-\d{2}|[+\-−]?\d+(?:[.,]\d+)*(?:\s*%|\s*\/\s*\d+(?:[.,]\d+)?)?|[★☆⭐]+|[\p{L}][\p{L}\p{M}'’]*/gu;

/** Whether the feedback holds at least one score and nothing else but words from `scoreWords`. */
export function isOnlyScore(feedback: string, scoreWords: WordList): boolean {
  // Why: without a digit or a star there is no score to count; most feedback is words, and this runs per keystroke.
  if (!/[\d★☆⭐]/u.test(feedback)) return false;
  let scores = 0;
  for (const m of feedback.matchAll(TOKEN)) {
    const t = m[0];
    if (/^[+\-−]?\d/.test(t) && !/^\d{4}-\d{2}-\d{2}$/.test(t)) scores++;
    else if (/^[★☆⭐]+$/.test(t)) scores++;
    else if (scoreWords.whole(scoreWords.words(t)) === undefined) return false;
  }
  return scores > 0;
}

export default defineRule({
  meta: {
    id: 'feedback-qualitative',
    description:
      "asks for what the customer said when an iteration entry's feedback is only a score or number (`CSAT 4.2/5`, `NPS +12`, `87%`).",
    category: 'iterations',
    defaultSeverity: 'info',
    fixable: 'none',
    messages: {
      onlyScore:
        'The feedback "{{value}}" is only a score; add what the customer said or experienced behind it, in their words, since a number shows how much they liked it, not what they want changed.',
    },
    options: {
      'score-words': {
        type: 'string[]',
        default: [
          'csat',
          'nps',
          'ces',
          'score',
          'scores',
          'scored',
          'rating',
          'ratings',
          'rated',
          'star',
          'stars',
          'point',
          'points',
          'pts',
          'percent',
          'pct',
          'satisfaction',
          'satisfied',
          'survey',
          'net',
          'promoter',
          'effort',
          'customer',
          'customers',
          'overall',
          'average',
          'avg',
          'mean',
          'median',
          'out',
          'of',
          'up',
          'down',
          'from',
          'to',
          'at',
          'by',
          'now',
          'was',
          'is',
          'rose',
          'fell',
          'improved',
          'dropped',
          'increased',
          'decreased',
          'went',
          'still',
          'and',
          'vs',
          'versus',
          'n',
          'responses',
          'respondents',
        ],
        languages: {
          de: [
            'punkte',
            'punkt',
            'bewertung',
            'bewertungen',
            'sterne',
            'stern',
            'prozent',
            'zufriedenheit',
            'kundenzufriedenheit',
            'zufrieden',
            'umfrage',
            'kunde',
            'kunden',
            'durchschnitt',
            'durchschnittlich',
            'schnitt',
            'im',
            'von',
            'auf',
            'bei',
            'um',
            'nach',
            'jetzt',
            'nun',
            'war',
            'ist',
            'liegt',
            'lag',
            'gestiegen',
            'gesunken',
            'verbessert',
            'steigt',
            'sinkt',
            'noch',
            'und',
            'gegenüber',
            'antworten',
            'befragte',
          ],
          fr: [
            'note',
            'notes',
            'noté',
            'étoiles',
            'étoile',
            'points',
            'point',
            'pour',
            'cent',
            'satisfaction',
            'satisfait',
            'satisfaits',
            'enquête',
            'client',
            'clients',
            'moyenne',
            'en',
            'sur',
            'de',
            'à',
            'du',
            'est',
            'était',
            'passé',
            'passée',
            'monté',
            'baissé',
            'amélioré',
            'désormais',
            'maintenant',
            'toujours',
            'et',
            'contre',
            'réponses',
            'répondants',
          ],
          es: [
            'nota',
            'puntuación',
            'puntos',
            'punto',
            'estrellas',
            'estrella',
            'por',
            'ciento',
            'satisfacción',
            'satisfecho',
            'satisfechos',
            'encuesta',
            'cliente',
            'clientes',
            'media',
            'promedio',
            'de',
            'sobre',
            'a',
            'en',
            'del',
            'es',
            'era',
            'subió',
            'bajó',
            'mejoró',
            'ahora',
            'sigue',
            'y',
            'frente',
            'respuestas',
            'encuestados',
          ],
        },
        description:
          'Words that may stand beside a number in feedback that is still only a score (each word stemmed: "ratings" is rating).',
      },
    },
  },
  prepare: (options) => new WordList(options['score-words']),
  check(ctx, scoreWords) {
    for (const entry of ctx.plan.iterations?.entries ?? []) {
      const feedback = entry.feedback;
      if (feedback && isOnlyScore(feedback.value, scoreWords)) {
        ctx.report({ messageId: 'onlyScore', data: { value: feedback.value.trim() }, at: feedback.span });
      }
    }
  },
});
