// counterpart-benefit's reading of a benefit, clause by clause (spec v2.1): generic when no clause names the department's own gain.
import { WordList, clauses } from '../../core/words/index.js';

/** Words a clause may start with that change nothing ("It supports the testbed", "which is good for the company"). */
const LEAD: readonly string[] = [
  'it',
  'this',
  'they',
  'which',
  'that',
  'also',
  'will',
  'should',
  'would',
  'can',
  'could',
  'is',
  'are',
  'was',
  'be',
];
/** Words between a helping word and whom it helps ("helps the customer", "good for our company"). */
const DETERMINERS: readonly string[] = ['the', 'a', 'an', 'this', 'that', 'our', 'all', 'every', 'each'];
/**
 * Words that make a helping clause the department's own: "helps the customer read their bill, so we get fewer
 * disputes" names a gain of ours, whatever it starts with.
 */
const OWN: readonly string[] = ['we', 'us', 'own', '=its', 'their', 'them'];

/** The rule's lists, compiled once per lint run. */
export interface BenefitLists {
  readonly generic: WordList;
  readonly helping: WordList;
  readonly beneficiaries: WordList;
  readonly lead: WordList;
  readonly determiners: WordList;
  readonly own: WordList;
}

export function prepareBenefits(options: {
  'generic-benefits': readonly string[];
  'helping-words': readonly string[];
  beneficiaries: readonly string[];
}): BenefitLists {
  return {
    generic: new WordList(options['generic-benefits']),
    helping: new WordList(options['helping-words']),
    beneficiaries: new WordList(options.beneficiaries),
    lead: new WordList(LEAD),
    determiners: new WordList(DETERMINERS),
    own: new WordList(OWN),
  };
}

/**
 * Whether a benefit names no gain for the department: every clause of it (cut at `;`, sentence ends, `and`, `but`,
 * `which`) is generic. A clause is generic when it is, as a whole and after leading words such as "It", one of
 * `generic-benefits` ("Supports the pilots"), or when it opens with a helping word and names only the project or the
 * customer as whom it helps ("helps the venue get going"), without naming the department or a gain of its own
 * ("we", "its own"). A clause that is only the project or the customer ("... and the project") is generic too.
 */
export function genericBenefit(
  benefit: string,
  department: string | undefined,
  customer: string | undefined,
  lists: BenefitLists,
): boolean {
  const parts = clauses(benefit);
  if (parts.length === 0) return false;
  const customerWords = customer ? lists.generic.words(customer) : [];
  return parts.every((clause) => genericClause(clause, department, customerWords, lists));
}

function genericClause(
  clause: string,
  department: string | undefined,
  customerWords: readonly string[],
  lists: BenefitLists,
): boolean {
  const { generic, helping, beneficiaries, lead, own } = lists;
  const all = generic.words(clause);
  let i = 0;
  while (i < all.length - 1 && lead.startsAt(all, i) !== undefined) i++;
  const words = all.slice(i);
  if (words.length === 0) return true;
  if (generic.whole(words) !== undefined) return true;
  const opening = helping.startsAt(words, 0);
  const at = skipDeterminers(words, opening?.length ?? 0, lists.determiners);
  const whom =
    beneficiaries.startsAt(words, at)?.length ?? (startsWith(words, at, customerWords) ? customerWords.length : 0);
  if (whom === 0) return false;
  // Only the project or the customer, with nothing before it but a determiner ("the project").
  if (!opening) return at + whom === words.length;
  return !own.test(clause) && !(department !== undefined && namesDepartment(clause, department));
}

function skipDeterminers(words: readonly string[], from: number, determiners: WordList): number {
  let i = from;
  while (i < words.length && determiners.startsAt(words, i) !== undefined) i++;
  return i;
}

/** Whether `words` hold the customer's name at `index` ("helps Riverside Bakery"). */
function startsWith(words: readonly string[], index: number, name: readonly string[]): boolean {
  return name.length > 0 && name.every((w, j) => words[index + j] === w);
}

/** Whether the clause names the counterpart's own department ("helps the pilot by giving Billing live data"). */
function namesDepartment(clause: string, department: string): boolean {
  const name = department.trim();
  return name !== '' && new WordList([name], 'plural').test(clause);
}
