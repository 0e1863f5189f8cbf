// `team-rules:` in a config file or a config given in code: the checked definitions, and each mistake located at the
// offending key or value of the file (team-rules-check.ts says what is wrong; this finds where).
import { isCollection, isMap, isPair, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { Rule } from './rule-api.js';
import { checkTeamRules, TEAM_PREFIX, type TeamRuleDef } from './team-rules-check.js';

/** Alias resolutions allowed in `team-rules:` (the yaml library's own default, as for rule options). */
const MAX_ALIAS_COUNT = 100;

type At = (node: Node | null | undefined, message: string, replacements?: string[]) => void;

/** The team rules of a config file's `team-rules:` value; every mistake goes to `at` with its node. */
export function readTeamRules(doc: Document, value: Node | null, fallback: Node, at: At): TeamRuleDef[] {
  let js: unknown;
  try {
    js = value ? value.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : undefined;
  } catch (error) {
    at(
      value ?? fallback,
      `"team-rules" cannot be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
    return [];
  }
  const { rules, problems } = checkTeamRules(js);
  for (const p of problems) at(nodeAt(value, p.at, p.key === true) ?? value ?? fallback, p.message, p.replacements);
  return rules;
}

/** The node at `path` inside `root` (a key's node when `key`), or the nearest one above it that exists. */
function nodeAt(root: Node | null, path: readonly (string | number)[], key: boolean): Node | null {
  let node: Node | null = root;
  for (let i = 0; i < path.length; i++) {
    if (!isCollection(node)) return node;
    const step = path[i]!;
    const pair = isMap(node)
      ? (node.items as Pair<Node, Node>[]).find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === step)
      : undefined;
    if (key && i === path.length - 1 && pair) return pair.key;
    const next = isMap(node) ? (pair?.value ?? pair?.key) : (node.items[step as number] as Node | undefined);
    if (next === undefined || next === null) return node;
    node = next;
  }
  return node;
}

/** A stand-in for a team rule named in `rules:`: what the reader of a rule's entry needs (a team rule takes no options). */
export function teamRuleStub(id: string): Rule {
  return {
    meta: { id, description: '', category: 'beyond', defaultSeverity: 'warning', fixable: 'none', messages: {} },
    check: () => undefined,
  };
}

export const isTeamId = (id: string): boolean => id.startsWith(TEAM_PREFIX);

/** The ids of team rules (`team/<id>`) a list of definitions defines. */
export function teamIds(defs: readonly TeamRuleDef[] | undefined): string[] {
  return (defs ?? []).map((d) => `${TEAM_PREFIX}${d.id}`);
}

/** A chain's team rules: later definitions of the same id replace earlier ones, in the place of the first. */
export function mergeTeamRules(base: readonly TeamRuleDef[], over: readonly TeamRuleDef[]): TeamRuleDef[] {
  const out = [...base];
  for (const d of over) {
    const i = out.findIndex((b) => b.id === d.id);
    if (i >= 0) out[i] = d;
    else out.push(d);
  }
  return out;
}
