// One definition of department matching: finance, back-end, front-line and the owner's own department (spec v2).
import { findPhrase, words } from './text.js';

/** Names that count as finance (option `departments` of counterpart-finance). */
export const FINANCE_DEPARTMENTS: readonly string[] = ['finance', 'controlling', 'fp&a', 'cfo office'];
/** Names that count as back-end functions (option `departments` of counterpart-back-end). */
export const BACK_END_DEPARTMENTS: readonly string[] = ['it', 'logistics', 'supply chain', 'operations', 'procurement'];
/** Front-line functions: a back-end name they qualify ("Sales Operations") is front-line (option `front-line` of counterpart-back-end). */
export const FRONT_LINE_FUNCTIONS: readonly string[] = [
  'sales', 'inside sales', 'field sales', 'marketing', 'revenue', 'customer service', 'customer success', 'customer care',
  'account management', 'contact centre', 'contact center', 'call centre', 'call center',
];
/** Functions whose name before the owner's makes a department theirs ("IT Operations" is not the operations department's). */
const FUNCTIONS: readonly string[] = [...FINANCE_DEPARTMENTS, ...BACK_END_DEPARTMENTS, ...FRONT_LINE_FUNCTIONS];
/** Words that name no department by themselves: "Sales team" is sales, "Finance department" is finance. */
const GENERIC = new Set(['team', 'teams', 'department', 'dept', 'group', 'division', 'unit', 'function', 'org', 'organisation', 'organization', 'the', 'our']);

/**
 * Each name list's words, by list. Why: the rules ask about every counterpart with the same lists (the defaults or a
 * config's) on every keystroke; a list is not changed once it is passed in (options are read-only to rules).
 */
const phraseMemo = new WeakMap<readonly string[], string[][]>();

/** The last few lists asked for, checked first by identity (cheaper than the WeakMap; a check asks for 2 or 3 lists in turn). */
const recentPhrases: [readonly string[], string[][]][] = [];

function phraseWords(names: readonly string[]): string[][] {
  for (const [list, phrases] of recentPhrases) if (list === names) return phrases;
  let out = phraseMemo.get(names);
  if (!out) phraseMemo.set(names, (out = names.map(words).filter((p) => p.length > 0)));
  if (recentPhrases.unshift([names, out]) > 4) recentPhrases.pop();
  return out;
}

/** Answers already given, by department, for one set of lists; bounded (cleared when full). */
const MEMO_SIZE = 5_000;
type Answers = Map<string, boolean>;

function remembered(memo: Answers, department: string, judge: (department: string) => boolean): boolean {
  const known = memo.get(department);
  if (known !== undefined) return known;
  const answer = judge(department);
  if (memo.size >= MEMO_SIZE) memo.clear();
  // Why: a long value (a pasted paragraph in a cell) is not kept; it would hold its text.
  if (department.length <= 200) memo.set(department, answer);
  return answer;
}

function inner<K extends object, V>(memo: WeakMap<K, V>, key: K, make: () => V): V {
  let v = memo.get(key);
  if (v === undefined) memo.set(key, (v = make()));
  return v;
}

const financeAnswers = new WeakMap<readonly string[], Answers>();
const backEndAnswers = new WeakMap<readonly string[], WeakMap<readonly string[], Answers>>();
const ownAnswers = new WeakMap<readonly string[], Map<string, Answers>>();

function occurs(tokens: readonly string[], phrases: readonly string[][]): boolean {
  return phrases.some((p) => findPhrase(tokens, p) >= 0);
}

/** Whether a counterpart's department is finance: one of `names` occurs in it as whole words ("Finance", "FP&A West"). */
export function isFinanceDepartment(department: string, names: readonly string[] = FINANCE_DEPARTMENTS): boolean {
  return remembered(inner(financeAnswers, names, () => new Map()), department, (d) => occurs(words(d), phraseWords(names)));
}

/**
 * Whether a department is a back-end function: one of `backEnd` occurs in it as whole words, and not only right
 * after a front-line function that qualifies it ("IT", "Logistics", "Sales and Operations Planning" are back-end;
 * "Sales Operations", "Customer Service Operations" are front-line).
 */
export function isBackEndDepartment(
  department: string,
  backEnd: readonly string[] = BACK_END_DEPARTMENTS,
  frontLine: readonly string[] = FRONT_LINE_FUNCTIONS,
): boolean {
  return remembered(inner(inner(backEndAnswers, backEnd, () => new WeakMap()), frontLine, () => new Map()), department, (d) => judgeBackEnd(d, backEnd, frontLine));
}

function judgeBackEnd(department: string, backEnd: readonly string[], frontLine: readonly string[]): boolean {
  const tokens = words(department);
  const front = phraseWords(frontLine);
  for (const p of phraseWords(backEnd)) {
    for (let i = findPhrase(tokens, p); i >= 0; i = findPhrase(tokens, p, i + 1)) {
      const qualified = front.some((f) => f.length <= i && findPhrase(tokens.slice(i - f.length, i), f) === 0);
      if (!qualified) return true;
    }
  }
  return false;
}

/**
 * The names that stand for the owner's department: each part of `owner-department` ("Sales & Marketing" is sales
 * and marketing) without generic words ("Sales team" is sales), plus `sameDepartment`. Empty for no owner.
 */
export function ownDepartmentNames(owner: string | undefined, sameDepartment: readonly string[] = []): string[][] {
  const parts = (owner ?? '').split(/\s+(?:&|and|\+)\s+|\s*[/,;]\s*/i);
  const names: string[][] = [];
  for (const part of [...parts, ...sameDepartment]) {
    const all = words(part);
    const kept = all.filter((w) => !GENERIC.has(w));
    const name = kept.length > 0 ? kept : all;
    if (name.length > 0) names.push(name);
  }
  return names;
}

/**
 * Whether a counterpart's department is the owner's own, or one of its sub-teams: a name of the owner's department
 * occurs in it as whole words ("Inside Sales", "Sales Operations", "Field Sales (West)" when the owner is sales).
 */
export function isOwnDepartment(department: string, owner: string | undefined, sameDepartment: readonly string[] = NONE): boolean {
  const byOwner = inner(ownAnswers, sameDepartment, () => new Map<string, Answers>());
  let answers = byOwner.get(owner ?? '');
  if (!answers) {
    if (byOwner.size >= 100) byOwner.clear();
    byOwner.set(owner ?? '', (answers = new Map()));
  }
  return remembered(answers, department, (d) => judgeOwn(d, owner, sameDepartment));
}
const NONE: readonly string[] = [];

/** The owner's names and the other functions, for the last owner and list asked about (a table asks for each row). */
let lastOwner: { owner: string | undefined; same: readonly string[]; own: string[][]; others: string[][] } | undefined;

function ownerNames(owner: string | undefined, same: readonly string[]): { own: string[][]; others: string[][] } {
  if (lastOwner && lastOwner.owner === owner && lastOwner.same === same) return lastOwner;
  const own = ownDepartmentNames(owner, same);
  const others = phraseWords(FUNCTIONS).filter((f) => !own.some((o) => o.join(' ') === f.join(' ')));
  lastOwner = { owner, same, own, others };
  return lastOwner;
}

function judgeOwn(department: string, owner: string | undefined, sameDepartment: readonly string[]): boolean {
  const tokens = words(department);
  if (tokens.length === 0) return false;
  const { own, others } = ownerNames(owner, sameDepartment);
  for (const name of own) {
    for (let i = findPhrase(tokens, name); i >= 0; i = findPhrase(tokens, name, i + 1)) {
      // Why: another function right before the owner's name makes it that function's team: with `operations` as
      // the owner, "IT Operations" is IT's and "Sales Operations" is sales'.
      const qualified = others.some((f) => f.length <= i && findPhrase(tokens.slice(i - f.length, i), f) === 0);
      if (!qualified) return true;
    }
  }
  return false;
}
