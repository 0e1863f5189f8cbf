// One definition of department matching: finance, back-end, front-line and the owner's own department (spec v2).
import { findPhrase, words } from './text.js';

/** Names that count as finance (option `departments` of counterpart-finance). */
export const FINANCE_DEPARTMENTS: readonly string[] = ['finance', 'controlling', 'fp&a', 'cfo office'];
/** Names that count as back-end functions (option `departments` of counterpart-back-end). */
export const BACK_END_DEPARTMENTS: readonly string[] = ['it', 'logistics', 'supply chain', 'operations', 'procurement'];
/** Front-line functions: a back-end name they qualify ("Sales Operations") is front-line (option `front-line` of counterpart-back-end). */
export const FRONT_LINE_FUNCTIONS: readonly string[] = [
  'sales',
  'inside sales',
  'field sales',
  'marketing',
  'revenue',
  'customer service',
  'customer success',
  'customer care',
  'account management',
  'contact centre',
  'contact center',
  'call centre',
  'call center',
];
/** Functions whose name before the owner's makes a department theirs ("IT Operations" is not the operations department's). */
const FUNCTIONS: readonly string[] = [...FINANCE_DEPARTMENTS, ...BACK_END_DEPARTMENTS, ...FRONT_LINE_FUNCTIONS];
/** Words that name no department by themselves: "Sales team" is sales, "Finance department" is finance. */
const GENERIC: ReadonlySet<string> = new Set([
  'team',
  'teams',
  'department',
  'dept',
  'group',
  'division',
  'unit',
  'function',
  'org',
  'organisation',
  'organization',
  'the',
  'our',
]);

/** Answers a matcher keeps, by department; bounded (cleared when full). */
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

/** Each name's words; names with no word are dropped. */
function phraseWords(names: readonly string[]): string[][] {
  return names.map(words).filter((p) => p.length > 0);
}

function occurs(tokens: readonly string[], phrases: readonly string[][]): boolean {
  return phrases.some((p) => findPhrase(tokens, p) >= 0);
}

/** Whether `tokens` hold `phrase` at `i` right after one of `qualifiers` ("Sales" before "Operations"). */
function qualifiedAt(tokens: readonly string[], i: number, qualifiers: readonly string[][]): boolean {
  return qualifiers.some((f) => f.length <= i && findPhrase(tokens.slice(i - f.length, i), f) === 0);
}

/**
 * Whether a counterpart's department is finance: one of `names` occurs in it as whole words ("Finance", "FP&A West").
 * The names' words are worked out once, and the answers kept, for the matcher's life: a lint run's (a rule builds its
 * matcher from its options in `prepare`).
 */
export function financeMatcher(names: readonly string[] = FINANCE_DEPARTMENTS): (department: string) => boolean {
  const phrases = phraseWords(names);
  const answers: Answers = new Map();
  return (department) => remembered(answers, department, (d) => occurs(words(d), phrases));
}

/**
 * Whether a department is a back-end function: one of `backEnd` occurs in it as whole words, and not only right
 * after a front-line function that qualifies it ("IT", "Logistics", "Sales and Operations Planning" are back-end;
 * "Sales Operations", "Customer Service Operations" are front-line). Built once per lint run, as financeMatcher.
 */
export function backEndMatcher(
  backEnd: readonly string[] = BACK_END_DEPARTMENTS,
  frontLine: readonly string[] = FRONT_LINE_FUNCTIONS,
): (department: string) => boolean {
  const back = phraseWords(backEnd);
  const front = phraseWords(frontLine);
  const answers: Answers = new Map();
  const judge = (department: string): boolean => {
    const tokens = words(department);
    for (const p of back) {
      for (let i = findPhrase(tokens, p); i >= 0; i = findPhrase(tokens, p, i + 1)) {
        if (!qualifiedAt(tokens, i, front)) return true;
      }
    }
    return false;
  };
  return (department) => remembered(answers, department, judge);
}

/** One-off forms of the matchers above, for a single question (each call works the names out again). */
export function isFinanceDepartment(department: string, names: readonly string[] = FINANCE_DEPARTMENTS): boolean {
  return financeMatcher(names)(department);
}

export function isBackEndDepartment(
  department: string,
  backEnd: readonly string[] = BACK_END_DEPARTMENTS,
  frontLine: readonly string[] = FRONT_LINE_FUNCTIONS,
): boolean {
  return backEndMatcher(backEnd, frontLine)(department);
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

/** Owners a matcher keeps answers for; bounded (cleared when full). */
const OWNERS_KEPT = 100;

/**
 * Whether a counterpart's department is the owner's own, or one of its sub-teams: a name of the owner's department
 * occurs in it as whole words ("Inside Sales", "Sales Operations", "Field Sales (West)" when the owner is sales).
 * `sameDepartment`: more names of the owner's department (counterparts-cross-functional's option). The matcher keeps,
 * for its life (a lint run), each owner's names and answers.
 */
export function ownDepartmentMatcher(
  sameDepartment: readonly string[] = [],
): (department: string, owner: string | undefined) => boolean {
  const functions = phraseWords(FUNCTIONS);
  const byOwner = new Map<string, (department: string) => boolean>();
  return (department, owner) => {
    let judge = byOwner.get(owner ?? '');
    if (!judge) {
      if (byOwner.size >= OWNERS_KEPT) byOwner.clear();
      byOwner.set(owner ?? '', (judge = ownJudge(ownDepartmentNames(owner, sameDepartment), functions)));
    }
    return judge(department);
  };
}

/** One-off form of ownDepartmentMatcher, for a single question. */
export function isOwnDepartment(
  department: string,
  owner: string | undefined,
  sameDepartment: readonly string[] = [],
): boolean {
  return ownDepartmentMatcher(sameDepartment)(department, owner);
}

function ownJudge(own: readonly string[][], functions: readonly string[][]): (department: string) => boolean {
  const others = functions.filter((f) => !own.some((o) => o.join(' ') === f.join(' ')));
  const answers: Answers = new Map();
  const judge = (department: string): boolean => {
    const tokens = words(department);
    if (tokens.length === 0) return false;
    for (const name of own) {
      // Why: another function right before the owner's name makes it that function's team: with `operations` as
      // the owner, "IT Operations" is IT's and "Sales Operations" is sales'.
      for (let i = findPhrase(tokens, name); i >= 0; i = findPhrase(tokens, name, i + 1)) {
        if (!qualifiedAt(tokens, i, others)) return true;
      }
    }
    return false;
  };
  return (department) => remembered(answers, department, judge);
}
