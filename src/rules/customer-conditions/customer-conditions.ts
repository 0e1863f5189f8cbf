// customer-conditions: requires at least two of the three testbed conditions: small or low-risk, new processes, an eager champion at the customer.
import type { PlanModel } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import { WordList, tokenise } from '../../core/words/index.js';

export default defineRule({
  meta: {
    id: 'customer-conditions',
    description:
      "requires at least two of the three testbed conditions: small or low-risk, new processes, an eager champion on the customer's side.",
    category: 'customer',
    defaultSeverity: 'warning',
    fixable: 'none',
    draft: { conditions: 'todo', ownSideChampion: 'keep', placeholderChampion: 'todo' },
    messages: {
      placeholderChampion:
        'The champion "{{champion}}" is a placeholder; name the person at the customer who is eager to change how things are done, like the hospital\'s CEO at Baxter.',
      conditions:
        'The plan does not state that the customer {{missing}} ({{count}} of 3 testbed conditions stated, {{min}} needed); if that holds, add {{keys}} under `customer:`, else choose a customer that fits a testbed better.',
      ownSideChampion:
        "The champion {{champion}} {{why}}, so the plan states only {{count}} of 3 testbed conditions ({{min}} needed){{others}}; a testbed needs a champion at the customer, like the hospital's CEO at Baxter: name the person there who is eager to change how things are done.",
    },
    options: {
      'min-conditions': {
        type: 'integer',
        minimum: 1,
        default: 2,
        description: 'How many of the three conditions must be stated (1 to 3).',
      },
      'own-side-words': {
        type: 'string[]',
        default: [
          'our',
          'ours',
          'account executive',
          'account manager',
          'key account manager',
          'sales rep',
          'sales representative',
          'customer success manager',
        ],
        languages: {
          de: [
            'unser',
            'unsere',
            'unserer',
            'unseren',
            'unserem',
            'kundenbetreuer',
            'kundenbetreuerin',
            'firmenkundenbetreuer',
            'firmenkundenbetreuerin',
            'vertriebsmitarbeiter',
            'vertriebsmitarbeiterin',
            'außendienstmitarbeiter',
            'außendienstmitarbeiterin',
            'key account managerin',
          ],
          fr: [
            'notre',
            'nos',
            'chargé de clientèle',
            'chargée de clientèle',
            'chargé d affaires',
            'chargée d affaires',
            'commercial',
            'commerciale',
            'responsable grands comptes',
            'ingénieur commercial',
            'ingénieure commerciale',
          ],
          es: [
            'nuestro',
            'nuestra',
            'nuestros',
            'nuestras',
            'gestor de cuentas',
            'gestora de cuentas',
            'ejecutivo de cuentas',
            'ejecutiva de cuentas',
            'comercial',
            'representante de ventas',
            'gestor comercial',
            'gestora comercial',
          ],
        },
        description:
          "Words that describe a champion as one of ours rather than the customer's (compared as whole words, plurals folded: they are role names).",
      },
    },
  },
  // The own-side words, compiled once per lint run. Why plurals only: they are role names, and a stem would make the
  // customer's "head of account management" our account manager.
  prepare: (options) => new WordList(options['own-side-words'], 'plural'),
  check(ctx, ownSideWords) {
    const c = ctx.plan.customer;
    const min = Math.min(3, ctx.options['min-conditions']);
    const champion = c?.champion && !ctx.isPlaceholder(c.champion.value) ? c.champion : undefined;
    const why = champion ? ownSide(champion.value, ctx.plan, ownSideWords, ctx.isPlaceholder) : undefined;
    const conditions = [
      {
        met: c?.size?.value === 'small' || c?.risk?.value === 'low',
        name: 'is small or low-risk',
        key: '`size: small` or `risk: low`',
      },
      { met: c?.newProcesses?.value === true, name: 'has new processes', key: '`new-processes: true`' },
      { met: !!champion && why === undefined, name: 'has an eager champion', key: '`champion:` with a name' },
    ];
    // Why: a champion left as a placeholder is an answer not yet given, whatever the other conditions say: the
    // template's prompt must not pass once size and new processes are stated.
    if (c?.champion && c.champion.value.trim() !== '' && !champion) {
      ctx.report({
        messageId: 'placeholderChampion',
        data: { champion: c.champion.value.trim() },
        at: c.champion.span,
      });
    }
    const count = conditions.filter((x) => x.met).length;
    if (count >= min) return;
    if (champion && why !== undefined) {
      // Why: a named champion that is one of ours is something wrong, not missing; say so at the value.
      const others = conditions.slice(0, 2).filter((x) => !x.met);
      ctx.report({
        messageId: 'ownSideChampion',
        data: {
          champion: nameOf(champion.value),
          why,
          count,
          min,
          others:
            others.length > 0 ? `, and it does not state that the customer ${list(others.map((x) => x.name))}` : '',
        },
        at: champion.span,
      });
      return;
    }
    const missing = conditions.filter((x) => !x.met);
    ctx.report({
      messageId: 'conditions',
      data: {
        count,
        min,
        missing: list(missing.map((x) => x.name)),
        keys: list(
          missing.map((x) => x.key),
          missing.some((x) => x.key.includes(' or ')) ? ',' : '',
        ),
      },
      at: c?.anchor ?? ctx.plan.titleAnchor,
    });
  },
});

/** The person's name: the champion's text before a comma, parenthesis or dash ("Marco Bellini, account executive"). */
function nameOf(champion: string): string {
  return champion.split(/\s*(?:[,(;]|\s[-–—]\s)/)[0]!.trim() || champion.trim();
}

/** Why a named champion is on our side, as a clause ("is our account executive"); undefined when it is the customer's. */
function ownSide(
  champion: string,
  plan: PlanModel,
  ownSideWords: WordList,
  isPlaceholder: (value: string) => boolean,
): string | undefined {
  const tokens = tokenise(champion);
  // Why: once, not per counterpart (a long table has thousands).
  const championName = tokenise(nameOf(champion)).join(' ');
  const same = (other: string | undefined): boolean => {
    if (!other || isPlaceholder(other)) return false;
    const raw = nameOf(other);
    const name = tokenise(raw);
    if (name.length === 0) return false;
    if (championName === name.join(' ')) return true;
    // Why: a person's full name ("Marco Bellini") may sit anywhere in the champion; a role ("VP supply chain")
    // may not, since the customer has people with the same titles as ours.
    const personName = name.length >= 2 && raw.split(/\s+/).every((w) => /^\p{Lu}/u.test(w));
    return personName && occursIn(tokens, name);
  };
  if (same(plan.owner?.value)) return "is the plan's owner";
  const cp = plan.counterparts?.entries.find((e) => same(e.contact?.value));
  if (cp) {
    const d = cp.department?.value.trim();
    return d && !isPlaceholder(d) ? `is our counterpart in ${d}` : 'is one of our counterparts';
  }
  // The most telling word: "account executive" rather than the "our" before it; named as the list writes it.
  const found = ownSideWords.all(ownSideWords.words(champion)).map((m) => tokenise(m.phrase).join(' '));
  const w = found.sort((a, b) => b.length - a.length)[0];
  if (!w) return undefined;
  return w === 'our' || w === 'ours' ? 'is described as one of ours' : `is our ${w}`;
}

/** Whether the word sequence `name` occurs in `tokens` (a person's name, compared as written: no stems). */
function occursIn(tokens: readonly string[], name: readonly string[]): boolean {
  for (let i = 0; i + name.length <= tokens.length; i++) {
    if (name.every((w, j) => tokens[i + j] === w)) return true;
  }
  return false;
}

/** "a", "a and b", "a, b and c"; with `serial` ",": "a, and b" (for items that hold an "or" themselves). */
function list(items: string[], serial = ''): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')}${serial} and ${items[items.length - 1]!}`;
}
