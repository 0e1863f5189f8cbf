// iteration-front-line-only: a live plan whose every change trains, scripts or coaches front-line staff is asked to look behind the scenes.
import { isLive, type Located } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import { WordList } from '../../core/words/index.js';

export default defineRule({
  meta: {
    id: 'iteration-front-line-only',
    description:
      'notes a live plan whose every iteration change is training, scripts or coaching for front-line staff, with no change behind the scenes.',
    category: 'iterations',
    defaultSeverity: 'info',
    severityNote: 'off in `recommended`, on in `strict`',
    fixable: 'none',
    presets: { recommended: 'off', strict: 'info' },
    messages: {
      frontLineOnly:
        'Every one of the {{count}} changes in the iteration log trains, scripts or coaches front-line staff; ask whether the real problem lies with logistics, IT, or some other back-end function, and change that too.',
    },
    options: {
      'min-entries': {
        type: 'integer',
        minimum: 1,
        default: 3,
        description: 'The fewest entries with a change before the log is judged.',
      },
      'front-line-words': {
        type: 'string[]',
        // Why `=`: these are compared as written, since their stems are other words' too (a train, a coach, a brief).
        default: [
          'retrain',
          '=training',
          '=trainings',
          '=trained',
          '=coaching',
          '=coached',
          'script',
          'mystery shopper',
          'mystery shopping',
          'role play',
          '=refresher',
          '=refreshers',
          '=briefing',
          '=briefings',
          '=briefed',
          'huddle',
          'talk track',
          'etiquette',
        ],
        description:
          'Words (whole words, stemmed: retrain, retrained and retraining are one; `=word` as written) that mark a change as training, scripts or coaching for front-line staff.',
      },
      'back-end-words': {
        type: 'string[]',
        // Why: not `it`, which as a pronoun is in half of all sentences; an IT change names its system, app or portal.
        default: [
          'system',
          'systems',
          'software',
          'erp',
          'edi',
          'crm',
          'app',
          'portal',
          'website',
          'database',
          'integration',
          'warehouse',
          'inventory',
          'stock',
          'supply chain',
          'procurement',
          'billing',
          'invoicing',
          'pricing',
          'fleet',
          'routing',
          'automation',
          'automated',
        ],
        description:
          'Words (whole words, stemmed) that mark a change as reaching behind the scenes, even when it also trains staff.',
      },
    },
  },
  prepare: (options) => ({
    frontLine: new WordList(options['front-line-words']),
    backEnd: new WordList(options['back-end-words']),
  }),
  check(ctx, { frontLine, backEnd }) {
    const section = ctx.plan.iterations;
    if (!section || !isLive(ctx.plan)) return;
    const changes = section.entries
      .map((e) => e.change)
      .filter((c): c is Located<string> => c !== undefined && !ctx.isPlaceholder(c.value));
    if (changes.length === 0 || changes.length < ctx.options['min-entries']) return;
    if (!changes.every((c) => frontLine.test(c.value) && !backEnd.test(c.value))) return;
    ctx.report({
      messageId: 'frontLineOnly',
      data: { count: changes.length },
      at: section.anchor,
      related: changes.map((c) => ({ at: c.span, message: 'A change for front-line staff only' })),
    });
  },
});
