// One definition of department matching: finance, back-end, front-line and the owner's own department (spec v2).
import { WordList, tokenise, type Language } from './words/index.js';

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
const GENERIC: readonly string[] = [
  'team',
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
];

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

/**
 * A list of department names for the word matcher: names are compared on their words with only plural endings
 * dropped (`'plural'`), not stemmed, since a stem joins names that differ ("Quality Control" is not "Controlling",
 * "Market Access" is not "Marketing").
 */
export function departmentList(names: readonly string[]): WordList {
  return new WordList(names, 'plural');
}

/**
 * Whether a counterpart's department is finance: one of `names` occurs in it as whole words ("Finance", "FP&A West",
 * "Finances"). The names are compiled once, and the answers kept, for the matcher's life: a lint run's (a rule builds
 * its matcher from its options in `prepare`).
 */
export function financeMatcher(
  names: readonly string[] = FINANCE_DEPARTMENTS,
  language: Language = 'en',
): (department: string) => boolean {
  const list = departmentList(names);
  const answers: Answers = new Map();
  return (department) => remembered(answers, department, (d) => list.test(d, language));
}

/**
 * Whether a department is a back-end function: one of `backEnd` occurs in it as whole words, and not only right
 * after a front-line function that qualifies it ("IT", "Logistics", "Sales and Operations Planning" are back-end;
 * "Sales Operations", "Customer Service Operations" are front-line). Built once per lint run, as financeMatcher.
 */
export function backEndMatcher(
  backEnd: readonly string[] = BACK_END_DEPARTMENTS,
  frontLine: readonly string[] = FRONT_LINE_FUNCTIONS,
  language: Language = 'en',
): (department: string) => boolean {
  const back = departmentList(backEnd);
  const front = departmentList(frontLine);
  const answers: Answers = new Map();
  const judge = (department: string): boolean => {
    const tokens = back.words(department, language);
    return back.all(tokens, language).some((m) => !front.endsBefore(tokens, m.index, language));
  };
  return (department) => remembered(answers, department, judge);
}

/** One-off forms of the matchers above, for a single question (each call compiles the names again). */
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
export function ownDepartmentNames(owner: string | undefined, sameDepartment: readonly string[] = []): string[] {
  const parts = (owner ?? '').split(/\s+(?:&|and|\+)\s+|\s*[/,;]\s*/i);
  const generic = departmentList(GENERIC);
  const names: string[] = [];
  for (const part of [...parts, ...sameDepartment]) {
    const all = tokenise(part);
    const kept = all.filter((w) => !generic.test(w));
    const name = kept.length > 0 ? kept : all;
    if (name.length > 0) names.push(name.join(' '));
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
  language: Language = 'en',
): (department: string, owner: string | undefined) => boolean {
  const byOwner = new Map<string, (department: string) => boolean>();
  return (department, owner) => {
    let judge = byOwner.get(owner ?? '');
    if (!judge) {
      if (byOwner.size >= OWNERS_KEPT) byOwner.clear();
      byOwner.set(owner ?? '', (judge = ownJudge(ownDepartmentNames(owner, sameDepartment), language)));
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

function ownJudge(ownNames: readonly string[], language: Language): (department: string) => boolean {
  const own = departmentList(ownNames);
  const key = (name: string): string => own.words(name, language).join(' ');
  const ownKeys = new Set(ownNames.map(key));
  const others = departmentList(FUNCTIONS.filter((f) => !ownKeys.has(key(f))));
  const answers: Answers = new Map();
  const judge = (department: string): boolean => {
    const tokens = own.words(department, language);
    // Why: another function right before the owner's name makes it that function's team: with `operations` as
    // the owner, "IT Operations" is IT's and "Sales Operations" is sales'.
    return own.all(tokens, language).some((m) => !others.endsBefore(tokens, m.index, language));
  };
  return (department) => remembered(answers, department, judge);
}
