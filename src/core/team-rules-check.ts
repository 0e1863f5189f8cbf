// Team rules' definitions checked (`team-rules:` in a config): every mistake a sentence at the path of the offending
// value inside the list, so the config reader can locate it; only the valid rules are kept, as plain data.
import { RE2JS } from 're2js';
import { suggest } from './suggest.js';
import { pathSpec, TEAM_PATHS, type PathSpec } from './team-paths.js';

/** The checks a team rule's `then` may hold, in the order a rule page lists them. */
export const TEAM_CHECKS = [
  'present',
  'pattern',
  'not-pattern',
  'enum',
  'min-words',
  'max-words',
  'min-count',
  'max-count',
  'before',
  'after',
  'existence',
  'substitution',
] as const;
export type TeamCheckName = (typeof TEAM_CHECKS)[number];

/** A team rule's checks, validated. `substitution` keeps its pairs in the order written. */
export interface TeamChecks {
  present?: true;
  pattern?: string;
  'not-pattern'?: string;
  enum?: string[];
  'min-words'?: number;
  'max-words'?: number;
  'min-count'?: number;
  'max-count'?: number;
  before?: string;
  after?: string;
  existence?: string[];
  substitution?: [string, string][];
}

/** A team rule as the config gives it, validated: plain data (an editor posts it to its lint worker). */
export interface TeamRuleDef {
  /** The id as written; the rule is reported as `team/<id>`. */
  id: string;
  message?: string;
  given: string;
  then: TeamChecks;
  link?: string;
}

/** One mistake in `team-rules:`: `at` is the path to the offending value inside the list (`[0, 'then', 'pattern']`). */
export interface TeamRuleProblem {
  at: (string | number)[];
  /** Whether `at` names a key (an unknown one) rather than a value. */
  key?: boolean;
  message: string;
  replacements?: string[];
}

export const TEAM_PREFIX = 'team/';
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RULE_KEYS = ['id', 'message', 'given', 'then', 'link'] as const;
/** The longest pattern, word list entry or message read; a longer one is a mistake, not a rule. */
const MAX_TEXT = 1000;
const MAX_LIST = 500;
/** The most team rules a config holds. Why: each is compiled and run on every lint; a team has a few dozen. */
const MAX_RULES = 500;
const TEXT_CHECKS: readonly TeamCheckName[] = [
  'pattern',
  'not-pattern',
  'enum',
  'min-words',
  'max-words',
  'existence',
  'substitution',
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The compiled pattern, or why it is not one (re2js: RE2 syntax, matched in linear time, no backreferences). */
export function compilePattern(source: string): RE2JS | string {
  try {
    return RE2JS.compile(source);
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

/** Checks `team-rules:` given as plain data: the valid rules, and every mistake located inside the list. */
export function checkTeamRules(value: unknown): { rules: TeamRuleDef[]; problems: TeamRuleProblem[] } {
  const problems: TeamRuleProblem[] = [];
  const rules: TeamRuleDef[] = [];
  if (value === null || value === undefined) return { rules, problems };
  if (!Array.isArray(value)) {
    problems.push({ at: [], message: '"team-rules" must be a list of rules, each with id, given and then' });
    return { rules, problems };
  }
  if (value.length > MAX_RULES) {
    problems.push({ at: [], message: `"team-rules" has ${value.length} rules, more than the ${MAX_RULES} read` });
    return { rules, problems };
  }
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    const before = problems.length;
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    if (id !== undefined && seen.has(id)) {
      problems.push({ at: [i, 'id'], message: `team rule "${id}" is defined twice; each id must be unique` });
      return;
    }
    if (id !== undefined) seen.add(id);
    const def = checkOne(item, i, problems);
    if (def && problems.length === before) rules.push(def);
  });
  return { rules, problems };
}

function checkOne(item: unknown, i: number, problems: TeamRuleProblem[]): TeamRuleDef | undefined {
  const fail = (at: (string | number)[], message: string, more: Partial<TeamRuleProblem> = {}) =>
    problems.push({ at: [i, ...at], message, ...more });
  if (!isRecord(item)) {
    fail([], 'a team rule must be a mapping with id, given and then');
    return undefined;
  }
  const name = typeof item.id === 'string' ? item.id : undefined;
  const who = name !== undefined ? `team rule "${name}"` : 'team rule';
  for (const k of Object.keys(item)) {
    if ((RULE_KEYS as readonly string[]).includes(k)) continue;
    const s = suggest(k, RULE_KEYS);
    fail([k], `${who} has no key "${k}"${s ? `; did you mean "${s}"?` : ` (keys: ${RULE_KEYS.join(', ')})`}`, {
      key: true,
      ...(s ? { replacements: [s] } : {}),
    });
  }
  let id = name;
  if (id === undefined) {
    fail(own(item, 'id') ? ['id'] : [], `${who} needs an "id" (kebab-case text; reported as team/<id>)`);
  } else if (!ID.test(id) || id.length > 100) {
    fail(['id'], `team rule id "${id}" must be kebab-case (lower-case letters, digits and single hyphens)`);
    id = undefined;
  }
  if (own(item, 'message') && (typeof item.message !== 'string' || item.message.trim() === ''))
    fail(['message'], `${who}: "message" must be text`);
  else if (typeof item.message === 'string' && item.message.length > MAX_TEXT)
    fail(['message'], `${who}: "message" is longer than ${MAX_TEXT} characters`);
  if (own(item, 'link') && (typeof item.link !== 'string' || !/^https?:\/\/\S+$/.test(item.link)))
    fail(['link'], `${who}: "link" must be an http(s) address`);
  let spec: PathSpec | undefined;
  if (typeof item.given !== 'string') {
    fail(
      own(item, 'given') ? ['given'] : [],
      `${who} needs "given": a path in the plan model, such as counterparts[*].benefit`,
    );
  } else {
    spec = pathSpec(item.given);
    if (!spec) {
      const s = suggest(
        item.given.replace(/\s+/g, ''),
        TEAM_PATHS.map((p) => p.path),
      );
      fail(['given'], `${who}: unknown path "${item.given}"${s ? `; did you mean "${s}"?` : ''}`, {
        ...(s ? { replacements: [s] } : {}),
      });
    }
  }
  const then = checkThen(item, spec, who, fail);
  if (id === undefined || spec === undefined || then === undefined) return undefined;
  const def: TeamRuleDef = { id, given: spec.path, then };
  if (typeof item.message === 'string') def.message = item.message;
  if (typeof item.link === 'string') def.link = item.link;
  return def;
}

type Fail = (at: (string | number)[], message: string, more?: Partial<TeamRuleProblem>) => void;

function checkThen(
  item: Record<string, unknown>,
  spec: PathSpec | undefined,
  who: string,
  fail: Fail,
): TeamChecks | undefined {
  const then = item.then;
  if (!isRecord(then) || Object.keys(then).length === 0) {
    fail(own(item, 'then') ? ['then'] : [], `${who} needs "then": a mapping of checks (${TEAM_CHECKS.join(', ')})`);
    return undefined;
  }
  const out: TeamChecks = {};
  for (const [k, v] of Object.entries(then)) {
    const at = ['then', k];
    if (!(TEAM_CHECKS as readonly string[]).includes(k)) {
      const s = suggest(k, TEAM_CHECKS);
      fail(at, `${who}: unknown check "${k}"${s ? `; did you mean "${s}"?` : ` (checks: ${TEAM_CHECKS.join(', ')})`}`, {
        key: true,
        ...(s ? { replacements: [s] } : {}),
      });
      continue;
    }
    const check = k as TeamCheckName;
    if (spec && spec.kind === 'entries' && TEXT_CHECKS.includes(check)) {
      fail(at, `${who}: "${check}" judges text, and "${spec.path}" is a list of entries; name one of their fields`);
      continue;
    }
    const bad = (what: string) => fail(at, `${who}: "${check}" must be ${what}`);
    switch (check) {
      case 'present':
        if (v === true) out.present = true;
        else bad('true');
        break;
      case 'pattern':
      case 'not-pattern': {
        if (typeof v !== 'string' || v === '' || v.length > MAX_TEXT) {
          bad(`a regular expression (RE2 syntax, at most ${MAX_TEXT} characters)`);
          break;
        }
        const compiled = compilePattern(v);
        if (typeof compiled === 'string') fail(at, `${who}: invalid pattern "${v}": ${compiled}`);
        else out[check] = v;
        break;
      }
      case 'enum':
      case 'existence': {
        const list = textList(v);
        if (list) out[check] = list;
        else bad(`a list of text values (at most ${MAX_LIST})`);
        break;
      }
      case 'min-words':
      case 'max-words':
      case 'min-count':
      case 'max-count':
        if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[check] = v;
        else bad('a whole number, 0 or more');
        break;
      case 'before':
      case 'after': {
        const other = typeof v === 'string' ? pathSpec(v) : undefined;
        if (spec && spec.kind !== 'date')
          fail(at, `${who}: "${check}" compares dates, and "${spec.path}" is not a date`);
        else if (other?.kind === 'date' && !other.many) out[check] = other.path;
        else {
          const dates = TEAM_PATHS.filter((p) => p.kind === 'date' && !p.many).map((p) => p.path);
          const s = typeof v === 'string' ? suggest(v, dates) : undefined;
          fail(
            at,
            `${who}: "${check}" takes the path of one date (${dates.join(', ')})${s ? `; did you mean "${s}"?` : ''}`,
            {
              ...(s ? { replacements: [s] } : {}),
            },
          );
        }
        break;
      }
      case 'substitution': {
        // A mapping as written; or the pairs of a definition checked before (a lint config re-checks its team rules).
        const pairs: [string, unknown][] = isRecord(v)
          ? Object.entries(v)
          : Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string')
            ? (v as [string, unknown][])
            : [];
        if (
          pairs.length === 0 ||
          pairs.length > MAX_LIST ||
          pairs.some(([from, to]) => !words(from) || typeof to !== 'string' || !words(to))
        )
          bad('a mapping from a word to the preferred word (say: { pilot: testbed })');
        else out.substitution = pairs as [string, string][];
        break;
      }
    }
  }
  return Object.keys(out).length > 0 && !problemsIn(then, out) ? out : undefined;
}

/** Whether some check written was dropped (then the rule is not kept: half a rule would pass what it should not). */
function problemsIn(then: Record<string, unknown>, out: TeamChecks): boolean {
  return Object.keys(then).some((k) => !own(out as Record<string, unknown>, k));
}

/** Whether `s` is text with a word in it, within the length limit. */
function words(s: string): boolean {
  return s.length <= MAX_TEXT && /[\p{L}\p{N}]/u.test(s);
}

function textList(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_LIST) return undefined;
  if (v.some((x) => typeof x !== 'string' || !words(x))) return undefined;
  return v as string[];
}
