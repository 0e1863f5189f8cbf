// customer-not-premier: warns when `customer.tier` names a premier account, which raises a red flag for the sales group.
import { defineRule } from '../../core/rule-api.js';
import { WordList } from '../../core/words/index.js';
import type { Span, TextEdit } from '../../core/types.js';

/** What a suggestion writes instead of the premier customer's name. */
const CHOOSE_AGAIN = 'TODO choose a non-premier customer';

export default defineRule({
  meta: {
    id: 'customer-not-premier',
    description: 'warns when `customer.tier` names a premier account, which raises a red flag for the sales group.',
    category: 'customer',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      premier:
        'The customer tier "{{tier}}" marks a premier account, and a testbed with it would raise a red flag for the sales group; choose a non-premier customer.',
    },
    options: {
      'premier-tiers': {
        type: 'string[]',
        default: [
          'premier',
          'key',
          'key account',
          'strategic',
          'strategic account',
          'top',
          'tier 1',
          'tier one',
          'platinum',
          'flagship',
        ],
        languages: {
          de: [
            'premium',
            'schlüsselkunde',
            'top kunde',
            'strategisch',
            'strategischer kunde',
            'a kunde',
            'großkunde',
            'platin',
          ],
          fr: [
            'premium',
            'grand compte',
            'grands comptes',
            'compte clé',
            'stratégique',
            'client stratégique',
            'platine',
            'prioritaire',
          ],
          es: [
            'premium',
            'cuenta clave',
            'cliente clave',
            'gran cuenta',
            'estratégico',
            'estratégica',
            'cliente estratégico',
            'platino',
            'prioritario',
          ],
        },
        description:
          'Terms that mark a premier account when they occur in the tier as whole words, stemmed (case, hyphens, underscores, diacritics and digits normalised; "Key accounts" is key account; "top N" counts as "top").',
      },
      negations: {
        type: 'string[]',
        default: [
          'non',
          'not',
          'not yet',
          'no longer',
          'never',
          'not a',
          'not an',
          'no longer a',
          'formerly',
          'previously',
          'ex',
        ],
        languages: {
          de: ['nicht', 'kein', 'keine', 'nicht mehr', 'kein mehr', 'nie', 'ehemals', 'früher', 'ehemaliger'],
          fr: ['non', 'pas', 'pas un', 'pas une', 'plus', 'ne plus', 'jamais', 'ancien', 'ancienne', 'anciennement'],
          es: ['no', 'no es', 'ya no', 'nunca', 'ex', 'antiguo', 'antigua', 'antes'],
        },
        description: 'Words right before a premier term that negate it ("non-strategic", "not a key account").',
      },
    },
  },
  // The terms and negations, compiled once per lint run.
  prepare: (options) => ({
    terms: new WordList(options['premier-tiers']),
    negations: new WordList(options.negations),
  }),
  check(ctx, premier) {
    const c = ctx.plan.customer;
    const tier = c?.tier;
    if (!c || !tier) return;
    if (!isPremier(tier.value, premier.terms, premier.negations)) return;
    const name = c.name;
    ctx.report({
      messageId: 'premier',
      data: { tier: tier.value.trim() },
      at: tier.span,
      suggest: () => {
        // Why: the customer, not the tier word, is the problem. The name becomes a to-do (customer-named keeps
        // reporting it until a real customer is named) and the tier, which described the old customer, a to-do too.
        // The title names every word it removes, so nobody deletes a customer's name without seeing it.
        const edits: TextEdit[] = [];
        const removed: string[] = [];
        const quoted = (span: Span) => `"${ctx.doc.text.slice(span.start, span.end).trim()}"`;
        if (name && replaceable(ctx.doc.text, name.span)) {
          edits.push({ span: name.span, text: CHOOSE_AGAIN });
          removed.push(`the customer ${quoted(name.span)}`);
          if (replaceable(ctx.doc.text, tier.span)) {
            edits.push({ span: tier.span, text: 'TODO' });
            removed.push(`the tier ${quoted(tier.span)}`);
          }
        } else if (replaceable(ctx.doc.text, tier.span)) {
          edits.push({ span: tier.span, text: CHOOSE_AGAIN });
          removed.push(`the tier ${quoted(tier.span)}`);
        }
        return edits.length > 0
          ? [{ title: `Delete ${removed.join(' and ')}, leaving a to-do to choose a non-premier customer`, edits }]
          : [];
      },
    });
  },
});

/** Whether a premier term occurs in `tier` as whole words, not right after a negation. */
function isPremier(tier: string, terms: WordList, negations: WordList): boolean {
  const words = terms.words(tier);
  // Both lists stem alike; the negations' own reading only differs for a word they write `=word`.
  const before = negations.words(tier);
  return terms.all(words).some((m) => !negations.endsBefore(before, m.index));
}

/** A one-line scalar can be replaced by plain text; a block scalar (`|`, `>`) would lose its line structure. */
function replaceable(text: string, span: Span): boolean {
  const raw = text.slice(span.start, span.end);
  return raw !== '' && !/^[|>]/.test(raw) && !raw.includes('\n');
}
