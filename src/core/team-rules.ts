// Team rules as rules: each checked definition (team-rules-check.ts) becomes a Rule `team/<id>` the engine runs like a
// built-in one (severity from `rules:`, disable comments, fixes), judging the values its `given` path resolves to.
import type { RE2JS } from 're2js';
import { defineRule, type Rule, type RuleMeta } from './rule-api.js';
import { pathSpec, type PathSpec, type PathValue } from './team-paths.js';
import {
  checkTeamRules,
  compilePattern,
  TEAM_CHECKS,
  TEAM_PREFIX,
  type TeamChecks,
  type TeamRuleDef,
} from './team-rules-check.js';
import type { Fix, Span } from './types.js';

/** The placeholders a team rule's message may use; every finding supplies all of them (empty when not apt). */
type Data = Record<'value' | 'match' | 'preferred' | 'count', string>;

/** A team rule has one message: its own (or its checks described), with the detail of the finding. */
const MESSAGES = { finding: '{{text}}' } as const;

/** What a check says when the rule has no `message` of its own, and what its rule page says it checks. */
export function describeCheck(path: string, check: keyof TeamChecks, checks: TeamChecks): string {
  switch (check) {
    case 'present':
      return `${path} is given`;
    case 'pattern':
      return `${path} matches the pattern \`${checks.pattern}\``;
    case 'not-pattern':
      return `${path} does not match the pattern \`${checks['not-pattern']}\``;
    case 'enum':
      return `${path} is one of ${checks.enum!.map((v) => `"${v}"`).join(', ')}`;
    case 'min-words':
      return `${path} has at least ${checks['min-words']} words`;
    case 'max-words':
      return `${path} has at most ${checks['max-words']} words`;
    case 'min-count':
      return `the plan gives ${path} at least ${checks['min-count']} times`;
    case 'max-count':
      return `the plan gives ${path} at most ${checks['max-count']} times`;
    case 'before':
      return `${path} is before ${checks.before}`;
    case 'after':
      return `${path} is after ${checks.after}`;
    case 'existence':
      return `${path} does not say ${checks.existence!.map((w) => `"${w}"`).join(', ')}`;
    case 'substitution':
      return `${path} says ${checks.substitution!.map(([a, b]) => `"${b}", not "${a}"`).join('; ')}`;
  }
}

/** A team rule's meta: id `team/<id>`, warning by default in every preset, its checks as its description. */
export function teamRuleMeta(def: TeamRuleDef): RuleMeta<'finding'> {
  const checks = TEAM_CHECKS.filter((c) => def.then[c] !== undefined);
  const description = checks.map((c) => describeCheck(def.given, c, def.then)).join('; ');
  return {
    id: `${TEAM_PREFIX}${def.id}`,
    description: `checks that ${description}`,
    category: 'beyond',
    defaultSeverity: 'warning',
    presets: { recommended: 'warning', strict: 'warning' },
    fixable: def.then.substitution ? 'safe' : 'none',
    messages: MESSAGES,
    // Why: a team rule's page is its own link; without one it has none (not a built-in rule's address).
    link: def.link ?? '',
  };
}

/** Each word or phrase of a list as a whole-word, case-insensitive search (spaces match any run of spaces). */
function wordSearch(word: string): RegExp {
  const body = word
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  // Why: the body is literal words, so this engine cannot backtrack badly; the lookarounds make them whole words.
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/** `preferred` in the case of `found`: "Pilot" → "Testbed", "PILOT" → "TESTBED". */
function inCaseOf(found: string, preferred: string): string {
  if (found.length > 1 && found === found.toUpperCase() && found !== found.toLowerCase())
    return preferred.toUpperCase();
  const first = found.charAt(0);
  if (first !== first.toLowerCase()) return preferred.charAt(0).toUpperCase() + preferred.slice(1);
  return preferred;
}

interface Prepared {
  spec: PathSpec;
  pattern?: RE2JS;
  notPattern?: RE2JS;
  enumValues?: Set<string>;
  existence?: { word: string; re: RegExp }[];
  substitution?: { word: string; preferred: string; re: RegExp }[];
  before?: PathSpec;
  after?: PathSpec;
}

/** A checked team rule as a Rule for the engine. */
export function teamRule(def: TeamRuleDef): Rule {
  const meta = teamRuleMeta(def);
  const t = def.then;
  const prepare = (): Prepared => {
    const compiled = (s: string | undefined) => {
      const c = s !== undefined ? compilePattern(s) : undefined;
      return typeof c === 'string' ? undefined : c;
    };
    const p: Prepared = { spec: pathSpec(def.given)! };
    const pattern = compiled(t.pattern);
    const notPattern = compiled(t['not-pattern']);
    if (pattern) p.pattern = pattern;
    if (notPattern) p.notPattern = notPattern;
    if (t.enum) p.enumValues = new Set(t.enum.map((v) => v.trim().toLowerCase()));
    if (t.existence) p.existence = t.existence.map((word) => ({ word, re: wordSearch(word) }));
    if (t.substitution)
      p.substitution = t.substitution.map(([word, preferred]) => ({ word, preferred, re: wordSearch(word) }));
    if (t.before) p.before = pathSpec(t.before);
    if (t.after) p.after = pathSpec(t.after);
    return p;
  };
  return defineRule({
    meta: { ...meta, messages: MESSAGES },
    prepare,
    check(ctx, p) {
      const { plan, doc } = ctx;
      const resolved = p.spec.resolve(plan);
      const say = (check: keyof TeamChecks, at: Span, data: Partial<Data>, fix?: () => Fix) => {
        const full: Data = { value: '', match: '', preferred: '', count: '', ...data };
        const text =
          def.message !== undefined
            ? fillData(def.message, full)
            : describeCheck(def.given, check, t).replace(/^./, (c) => `Expected ${c.toLowerCase()}`);
        const detail =
          check === 'existence' && !def.message?.includes('{{match}}')
            ? ` ("${full.match}")`
            : check === 'substitution' && !def.message?.includes('{{preferred}}')
              ? ` (write "${full.preferred}", not "${full.match}")`
              : '';
        ctx.report({ messageId: 'finding', data: { text: text + detail }, at, ...(fix ? { fix } : {}) });
      };
      if (t.present) {
        for (const at of resolved.missing) say('present', at, {});
        // A placeholder (TBD, TODO: ...) is not a value given: reported at the placeholder.
        for (const v of resolved.values)
          if (v.text !== '' && ctx.isPlaceholder(v.text)) say('present', v.span, { value: v.text });
      }
      const count = resolved.values.length;
      if (t['min-count'] !== undefined && count < t['min-count'])
        say('min-count', resolved.countAt, { count: String(count) });
      if (t['max-count'] !== undefined && count > t['max-count'])
        say('max-count', resolved.countAt, { count: String(count) });
      for (const v of resolved.values) judge(v);
      function judge(v: PathValue) {
        const data = { value: v.text };
        if (p.pattern && !p.pattern.test(v.text)) say('pattern', v.span, data);
        if (p.notPattern && p.notPattern.test(v.text)) say('not-pattern', v.span, data);
        if (p.enumValues && !p.enumValues.has(v.text.trim().toLowerCase())) say('enum', v.span, data);
        const n = t['min-words'] !== undefined || t['max-words'] !== undefined ? wordCount(v.text) : 0;
        if (t['min-words'] !== undefined && n < t['min-words']) say('min-words', v.span, data);
        if (t['max-words'] !== undefined && n > t['max-words']) say('max-words', v.span, data);
        for (const [check, other] of [
          ['before', p.before],
          ['after', p.after],
        ] as const) {
          const o = other?.resolve(plan).values[0];
          if (v.day === undefined || o?.day === undefined) continue;
          if (check === 'before' ? v.day >= o.day : v.day <= o.day) say(check, v.span, data);
        }
        // Words are looked for in the plan's text as written in the value's span, so a finding and its fix point at them.
        const raw = p.existence || p.substitution ? doc.text.slice(v.span.start, v.span.end) : '';
        for (const e of p.existence ?? [])
          for (const m of raw.matchAll(e.re)) say('existence', spanOf(v.span, m), { ...data, match: m[0] });
        for (const s of p.substitution ?? [])
          for (const m of raw.matchAll(s.re)) {
            const at = spanOf(v.span, m);
            const preferred = inCaseOf(m[0], s.preferred);
            say('substitution', at, { ...data, match: m[0], preferred }, () => ({
              title: `Replace "${m[0]}" with "${preferred}"`,
              edits: [{ span: at, text: preferred }],
            }));
          }
      }
    },
  });
}

function spanOf(value: Span, m: RegExpMatchArray): Span {
  const start = value.start + m.index!;
  return { start, end: start + m[0].length };
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’&-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function fillData(template: string, data: Data): string {
  return template.replace(/\{\{\s*(value|match|preferred|count)\s*\}\}/g, (_, k: keyof Data) => data[k]);
}

/**
 * The team rules of a lint config as rules. Definitions are checked again (an API caller may give any data); a
 * definition with a mistake is left out here, and reported where the config is read.
 */
export function teamRulesOf(defs: readonly unknown[] | undefined): Rule[] {
  if (!defs || defs.length === 0) return [];
  return checkTeamRules(defs).rules.map(teamRule);
}

/**
 * A team rule's page, generated from its definition (the editor's rule view shows it as it shows a built-in rule's
 * page): what it checks, its message, its severity and its team's own page.
 */
export function teamRulePage(def: TeamRuleDef): string {
  const meta = teamRuleMeta(def);
  const checks = TEAM_CHECKS.filter((c) => def.then[c] !== undefined);
  const lines = [
    `# ${meta.id}`,
    '',
    `> Team rule from the config file's \`team-rules:\`. Default severity: warning; set it in \`rules:\`.`,
    '',
    def.message ?? `This rule ${meta.description}.`,
    '',
    '## What it checks',
    '',
    `Path: \`${def.given}\`.`,
    '',
    ...checks.map((c) => `- \`${c}\`: ${describeCheck(def.given, c, def.then)}.`),
    '',
    'A path that gives no value is not a finding, except for `present` and `min-count`.',
  ];
  if (def.then.substitution)
    lines.push('', '## Fix', '', 'Each word found is replaced by the preferred word, in its case.');
  if (def.link) lines.push('', '## Team page', '', `[${def.link}](${def.link})`);
  return `${lines.join('\n')}\n`;
}
