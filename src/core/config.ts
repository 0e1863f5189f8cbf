// Configuration: types, presets, validation of a config file's text (located), and merging. No file discovery.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { DRAFTS_MODES, type DraftsMode } from './drafts.js';
import { LANGS, isLang, type Lang } from './lang.js';
import { LineIndex } from './positions.js';
import type { OptionSpec, Rule } from './rule-api.js';
import type { Severity, SeveritySetting } from './types.js';
import { suggest } from './parse/keys.js';
import { isTeamId, readTeamRules, teamIds, teamRuleStub } from './config-team.js';
import type { TeamRuleDef } from './team-rules-check.js';

/** Alias resolutions allowed in one option value (the yaml library's own default). */
const MAX_ALIAS_COUNT = 100;

export const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
/**
 * Other words for a severity, accepted where a severity is written: `warn` as ESLint users write it. ESLint's numbers
 * (0, 1, 2) are not accepted (there is no number for `info`); they get a fix to the word instead.
 */
export const SEVERITY_ALIASES: Readonly<Record<string, SeveritySetting>> = { warn: 'warning' };
const ESLINT_NUMBERS: Readonly<Record<number, SeveritySetting>> = { 0: 'off', 1: 'warning', 2: 'error' };
/**
 * Words that are not severities but say one (`disabled` means `off`): the fix a config error offers first. Only words
 * with one clear meaning; `true`, `on` or `enabled` say nothing of the level, so they get every severity to choose from.
 */
const SEVERITY_MEANINGS: Readonly<Record<string, SeveritySetting>> = {
  disabled: 'off',
  disable: 'off',
  none: 'off',
  ignore: 'off',
  ignored: 'off',
  false: 'off', // YAML's `false` (a boolean) and the string alike
  no: 'off',
  skip: 'off',
  silent: 'off',
  never: 'off',
  err: 'error',
  errors: 'error',
  fatal: 'error',
  fail: 'error',
  failure: 'error',
  critical: 'error',
  warnings: 'warning',
  caution: 'warning',
  information: 'info',
  informational: 'info',
  notice: 'info',
  note: 'info',
  hint: 'info',
  suggestion: 'info',
};

/** A written severity as the engine knows it (`warn` → `warning`); undefined when it is none. */
export function normalizeSeverity(value: unknown): SeveritySetting | undefined {
  if (typeof value !== 'string') return undefined;
  if ((SEVERITIES as readonly string[]).includes(value)) return value as SeveritySetting;
  return Object.prototype.hasOwnProperty.call(SEVERITY_ALIASES, value) ? SEVERITY_ALIASES[value] : undefined;
}
export const PRESETS = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESETS)[number];

/** A rule's setting in a config: a severity, or `[severity, {options}]`. */
export type RuleEntry = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** What `lint()` takes: a preset to start from and rule settings on top. */
export interface LintConfig {
  extends?: PresetName;
  rules?: Record<string, RuleEntry>;
  /** How drafts are judged: `lenient` (default: what is missing is a to-do, at most info) or `strict` (like proposed plans). */
  drafts?: DraftsMode;
  language?: Lang; // of plans without `lang:` (else each plan's is detected)
  /** Team rules (`team-rules:`), reported as `team/<id>`; a definition with a mistake is left out. */
  teamRules?: TeamRuleDef[];
}

export interface ResolvedRule {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** A config file's content after validation; `extends` keeps the written references (presets or paths). */
export interface ConfigFileData {
  extends: { value: string; line: number; column: number }[];
  rules: Record<string, RuleEntry>;
  ignores: string[];
  /** `drafts:` when the file sets it. */
  drafts?: DraftsMode;
  language?: Lang;
  /** `team-rules:`, the valid ones. */
  teamRules: TeamRuleDef[];
  /** `team/<id>` ids in `rules:` that this file does not define: a file it extends must (config-resolve.ts checks). */
  teamRefs: (ConfigProblem & { id: string })[];
}

export interface ConfigProblem {
  message: string;
  /** 1-based start of the offending key or value. */
  line: number;
  column: number;
  /** 1-based end (exclusive) of the offending key or value, when it has one. */
  endLine?: number;
  endColumn?: number;
  /** Texts that could replace the offending span (did-you-mean first), quoted as the original was. */
  replacements?: string[];
}

/** A config file's text checked: the problems, and the valid part (what plans are checked with). */
export interface ParsedConfig {
  /** The valid part: unknown rules and keys dropped, a rule with a bad severity or option keeps its defaults. */
  data: ConfigFileData;
  problems: ConfigProblem[];
  /** False when nothing of the file could be read (a syntax error, not a mapping): `data` is then empty. */
  readable: boolean;
}

function presetSeverity(preset: PresetName, s: Severity): Severity {
  if (preset === 'strict') return s === 'info' ? 'warning' : 'error';
  return s;
}

/** The rule settings of a preset: every rule at its (for `strict`, raised) default severity. */
export function presetRules(preset: PresetName, rules: readonly Rule[]): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const r of rules) out[r.meta.id] = r.meta.presets?.[preset] ?? presetSeverity(preset, r.meta.defaultSeverity);
  return out;
}

/** The default options of a rule. */
export function defaultOptions(rule: Rule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(rule.meta.options ?? {})) out[k] = spec.default;
  return out;
}

function entryParts(e: RuleEntry): { severity: SeveritySetting; options?: Record<string, unknown> } {
  const [severity, options] = Array.isArray(e) ? [e[0], e[1]] : [e, undefined];
  // Why: a config given in code may say `warn` as ESLint's does; the engine knows `warning`.
  return { severity: normalizeSeverity(severity) ?? severity, ...(options !== undefined ? { options } : {}) };
}

/** Overlays `over` on `base`: a later severity wins; options merge key by key (a bare severity keeps earlier options). */
export function mergeRuleEntries(
  base: Record<string, RuleEntry>,
  over: Record<string, RuleEntry>,
): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = { ...base };
  for (const [id, entry] of Object.entries(over)) {
    const prev = out[id] !== undefined ? entryParts(out[id]) : undefined;
    const next = entryParts(entry);
    const options = prev?.options || next.options ? { ...prev?.options, ...next.options } : undefined;
    out[id] = options ? [next.severity, options] : next.severity;
  }
  return out;
}

/** Each rule's severity and options for a lint config (unknown rule ids are ignored here; validation reports them). */
export function resolveRules(rules: readonly Rule[], config: LintConfig | undefined): Map<string, ResolvedRule> {
  const base = presetRules(config?.extends ?? 'recommended', rules);
  const merged = mergeRuleEntries(base, config?.rules ?? {});
  const out = new Map<string, ResolvedRule>();
  for (const r of rules) {
    const { severity, options } = entryParts(merged[r.meta.id]!);
    out.set(r.meta.id, { severity, options: { ...defaultOptions(r), ...options } });
  }
  return out;
}

/** Problems with one option value, as sentences (empty when it is valid). */
export function checkOption(key: string, spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `option "${key}" must be a whole number`;
      if (spec.minimum !== undefined && value < spec.minimum) return `option "${key}" must be at least ${spec.minimum}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `option "${key}" must be true or false`;
    case 'string':
      if (typeof value !== 'string') return `option "${key}" must be text`;
      if (spec.enum && !spec.enum.includes(value)) return `option "${key}" must be one of ${spec.enum.join(', ')}`;
      return undefined;
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return `option "${key}" must be a list of text values`;
      if (spec.items) {
        const bad = (value as string[]).find((v) => !spec.items!.includes(v));
        if (bad !== undefined) return `option "${key}" has "${String(bad)}", expected one of ${spec.items.join(', ')}`;
      }
      return undefined;
  }
}

/**
 * Reads a config file's text (YAML or JSON; JSON is YAML) and validates it against the rules.
 * Every problem carries the line and column of the offending value; nothing throws.
 */
export function parseConfigText(text: string, rules: readonly Rule[]): ParsedConfig {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const data: ConfigFileData = { extends: [], rules: {}, ignores: [], teamRules: [], teamRefs: [] };
  const locate = (node: Node | null | undefined, message: string, replacements?: string[]): ConfigProblem => {
    const pos = lines.positionAt(node?.range?.[0] ?? 0);
    const problem: ConfigProblem = { message, line: pos.line, column: pos.column };
    if (node?.range && node.range[1] > node.range[0]) {
      const end = lines.positionAt(node.range[1]);
      problem.endLine = end.line;
      problem.endColumn = end.column;
      if (replacements && replacements.length > 0) {
        // Why: a fix keeps the user's quoting (JSON keys, "quoted" YAML scalars): only the word inside changes.
        const q = text[node.range[0]];
        problem.replacements = replacements.map((r) => (q === '"' || q === "'" ? `${q}${r}${q}` : r));
      }
    }
    return problem;
  };
  const at: At = (node, message, replacements) => problems.push(locate(node, message, replacements));
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
  for (const e of doc.errors) {
    const pos = lines.positionAt(e.pos[0]);
    problems.push({
      message: `syntax error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      line: pos.line,
      column: pos.column,
    });
  }
  if (doc.errors.length > 0) return { data, problems, readable: false };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === '')))
    return { data, problems, readable: true };
  if (!isMap(root)) {
    at(
      root,
      'a config file must be a mapping with "extends", "rules", "ignores", "drafts", "language" or "team-rules"',
    );
    return { data, problems, readable: false };
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r] as const));
  const ids = [...byId.keys()];
  const teamRefs: { id: string; node: Node }[] = [];
  for (const item of root.items) {
    if (!isPair(item)) continue;
    const pair = item as Pair<Node, Node>;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (key === '$schema') continue;
    if (key === 'extends') {
      const list = isSeq(value) ? value.items : [value];
      for (const v of list as Node[]) {
        if (isScalar(v) && typeof v.value === 'string' && v.value.trim()) {
          const pos = lines.positionAt(v.range?.[0] ?? 0);
          data.extends.push({ value: v.value.trim(), line: pos.line, column: pos.column });
        } else at(v ?? pair.key, '"extends" takes "recommended", "strict" or a relative path to another config file');
      }
    } else if (key === 'ignores') {
      if (!isSeq(value)) at(value ?? pair.key, '"ignores" must be a list of globs');
      else
        for (const v of value.items as Node[]) {
          if (isScalar(v) && typeof v.value === 'string') data.ignores.push(v.value);
          else at(v, '"ignores" entries must be globs (text)');
        }
    } else if (key === 'rules') {
      if (value === null || value === undefined || (isScalar(value) && value.value === null)) continue;
      if (!isMap(value)) {
        at(value, '"rules" must be a mapping from rule id to a severity or [severity, {options}]');
        continue;
      }
      for (const ri of value.items) {
        const rp = ri as Pair<Node, Node>;
        const id = isScalar(rp.key) ? String(rp.key.value) : '';
        if (isTeamId(id)) teamRefs.push({ id, node: rp.key });
        const rule = byId.get(id) ?? (isTeamId(id) ? teamRuleStub(id) : undefined);
        if (!rule) {
          const s = suggest(id, ids);
          at(rp.key, `unknown rule "${id}"${s ? `; did you mean "${s}"?` : ''}`, s ? [s] : undefined);
          continue;
        }
        const entry = readRuleEntry(doc, rp.value, rule, at);
        if (entry !== undefined) data.rules[id] = entry;
      }
    } else if (key === 'drafts') {
      const v = isScalar(value) ? value.value : undefined;
      if (typeof v === 'string' && (DRAFTS_MODES as readonly string[]).includes(v)) data.drafts = v as DraftsMode;
      else {
        const empty = !value || (isScalar(value) && value.value === null);
        at(
          empty ? pair.key : value,
          `"drafts" must be ${DRAFTS_MODES.join(' or ')}, got ${empty ? 'nothing' : isScalar(value) ? JSON.stringify(value.value) : 'a structure'}`,
        );
      }
    } else if (key === 'language' && isScalar(value) && isLang(value.value)) data.language = value.value;
    else if (key === 'language') at(value ?? pair.key, `"language" must be one of ${LANGS.join(', ')}`);
    else if (key === 'team-rules') {
      data.teamRules = readTeamRules(doc, value, pair.key, at);
    } else {
      const s = suggest(key, TOP_KEYS);
      const all = `${TOP_KEYS.slice(0, -1)
        .map((k) => `"${k}"`)
        .join(', ')} and "${TOP_KEYS.at(-1)}"`;
      at(
        pair.key,
        `unknown key "${key}"${s ? `; did you mean "${s}"?` : ''} (a config file has ${all})`,
        s ? [s] : undefined,
      );
    }
  }
  const own = new Set(teamIds(data.teamRules));
  for (const { id, node } of teamRefs) {
    if (!own.has(id) && data.rules[id]) data.teamRefs.push({ ...locate(node, `unknown team rule "${id}"`), id });
  }
  return { data, problems, readable: true };
}

const TOP_KEYS: readonly string[] = ['extends', 'rules', 'ignores', 'drafts', 'language', 'team-rules'];

type At = (node: Node | null | undefined, message: string, replacements?: string[]) => unknown;

/** Why a written severity is not one, with the words that could replace it (the nearest first). */
export function severityProblem(value: unknown): { why: string; replacements: string[] } {
  const list = `severity must be one of ${SEVERITIES.join(', ')}`;
  if (typeof value === 'number' && Object.prototype.hasOwnProperty.call(ESLINT_NUMBERS, value)) {
    const word = ESLINT_NUMBERS[value]!;
    return { why: `${list}, got ${value}; write "${word}" for ESLint's ${value}`, replacements: [word] };
  }
  const meant =
    typeof value === 'string' || value === false ? SEVERITY_MEANINGS[String(value).trim().toLowerCase()] : undefined;
  const near =
    typeof value === 'string' ? suggest(value, [...SEVERITIES, ...Object.keys(SEVERITY_ALIASES)]) : undefined;
  // Why: what the writer meant comes before what the word looks like ("disabled" is nearer "error" than "off").
  const word = meant ?? (near !== undefined ? (normalizeSeverity(near) ?? near) : undefined);
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  return {
    why: `${list}, got ${shown}${word ? `; did you mean "${word}"?` : ''}`,
    replacements: word ? [word] : [...SEVERITIES],
  };
}

function readRuleEntry(doc: Document, node: Node | null, rule: Rule, at: At): RuleEntry | undefined {
  const sevOf = (n: Node | null | undefined): SeveritySetting | undefined => {
    const v = isScalar(n) ? n.value : undefined;
    const severity = normalizeSeverity(v);
    if (severity !== undefined) return severity;
    if (!isScalar(n)) {
      at(n, `rule "${rule.meta.id}": severity must be one of ${SEVERITIES.join(', ')}, got a structure`);
      return undefined;
    }
    const { why, replacements } = severityProblem(v === null ? undefined : v);
    at(n, `rule "${rule.meta.id}": ${why}`, replacements);
    return undefined;
  };
  if (!isSeq(node)) {
    return sevOf(node);
  }
  const [sevNode, optNode] = node.items as Node[];
  const severity = sevOf(sevNode);
  if (severity === undefined) return undefined;
  if (optNode === undefined) return [severity];
  if (!isMap(optNode)) {
    at(optNode, `rule "${rule.meta.id}": options must be a mapping`);
    return undefined;
  }
  const specs = rule.meta.options ?? {};
  const options: Record<string, unknown> = {};
  let ok = true;
  for (const oi of optNode.items) {
    const op = oi as Pair<Node, Node>;
    const key = isScalar(op.key) ? String(op.key.value) : '';
    const spec = Object.prototype.hasOwnProperty.call(specs, key) ? specs[key] : undefined;
    if (!spec) {
      const names = Object.keys(specs);
      const s = suggest(key, names);
      at(
        op.key,
        `rule "${rule.meta.id}" has no option "${key}"${s ? `; did you mean "${s}"?` : names.length ? ` (options: ${names.join(', ')})` : ' (it takes no options)'}`,
        s ? [s] : undefined,
      );
      ok = false;
      continue;
    }
    let js: unknown;
    try {
      // Why: toJS with the document resolves aliases (`premier-tiers: *tiers`); maxAliasCount stops an alias bomb.
      js = op.value ? op.value.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : undefined;
    } catch (error) {
      const why =
        error instanceof Error && /excessive alias/i.test(error.message)
          ? `expands too many aliases (more than ${MAX_ALIAS_COUNT})`
          : `cannot be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      at(op.value, `rule "${rule.meta.id}": option "${key}" ${why}`);
      ok = false;
      continue;
    }
    const err = checkOption(key, spec, js);
    if (err) {
      at(op.value ?? op.key, `rule "${rule.meta.id}": ${err}`);
      ok = false;
      continue;
    }
    // Why: option names come from the rule's own meta, so this cannot set __proto__ or other inherited keys.
    Object.defineProperty(options, key, { value: js, enumerable: true, writable: true, configurable: true });
  }
  return ok ? [severity, options] : undefined;
}
