// Configuration: types, presets, validation of a config file's text (located), and merging. No file discovery.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { DRAFTS_MODES, type DraftsMode } from './drafts.js';
import { LineIndex } from './positions.js';
import type { OptionSpec, Rule } from './rule-api.js';
import type { Severity, SeveritySetting } from './types.js';
import { suggest } from './parse/keys.js';

/** Alias resolutions allowed in one option value (the yaml library's own default). */
const MAX_ALIAS_COUNT = 100;

export const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
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
}

export interface ConfigProblem {
  message: string;
  line: number;
  column: number;
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
  return Array.isArray(e) ? { severity: e[0], options: e[1] } : { severity: e };
}

/** Overlays `over` on `base`: a later severity wins; options merge key by key (a bare severity keeps earlier options). */
export function mergeRuleEntries(base: Record<string, RuleEntry>, over: Record<string, RuleEntry>): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = { ...base };
  for (const [id, entry] of Object.entries(over)) {
    const prev = out[id] !== undefined ? entryParts(out[id]!) : undefined;
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
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return `option "${key}" must be a list of text values`;
      if (spec.items) {
        const bad = value.find((v) => !spec.items!.includes(v as string));
        if (bad !== undefined) return `option "${key}" has "${String(bad)}", expected one of ${spec.items.join(', ')}`;
      }
      return undefined;
  }
}

/**
 * Reads a config file's text (YAML or JSON; JSON is YAML) and validates it against the rules.
 * Every problem carries the line and column of the offending value; nothing throws.
 */
export function parseConfigText(text: string, rules: readonly Rule[]): { data: ConfigFileData; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const data: ConfigFileData = { extends: [], rules: {}, ignores: [] };
  const at = (node: Node | null | undefined, message: string) => {
    const pos = lines.positionAt(node?.range?.[0] ?? 0);
    problems.push({ message, line: pos.line, column: pos.column });
  };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
  for (const e of doc.errors) {
    const pos = lines.positionAt(e.pos[0]);
    problems.push({ message: `syntax error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, line: pos.line, column: pos.column });
  }
  if (doc.errors.length > 0) return { data, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { data, problems };
  if (!isMap(root)) {
    at(root, 'a config file must be a mapping with "extends", "rules", "ignores" or "drafts"');
    return { data, problems };
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r] as const));
  const ids = [...byId.keys()];
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
        const rule = byId.get(id);
        if (!rule) {
          const s = suggest(id, ids);
          at(rp.key, `unknown rule "${id}"${s ? `; did you mean "${s}"?` : ''}`);
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
        at(empty ? pair.key : value, `"drafts" must be ${DRAFTS_MODES.join(' or ')}, got ${empty ? 'nothing' : isScalar(value) ? JSON.stringify(value.value) : 'a structure'}`);
      }
    } else {
      const s = suggest(key, ['extends', 'rules', 'ignores', 'drafts']);
      at(pair.key, `unknown key "${key}"${s ? `; did you mean "${s}"?` : ''} (a config file has "extends", "rules", "ignores" and "drafts")`);
    }
  }
  return { data, problems };
}

function readRuleEntry(doc: Document, node: Node | null, rule: Rule, at: (n: Node | null | undefined, m: string) => void): RuleEntry | undefined {
  const sevOf = (n: Node | null | undefined): SeveritySetting | undefined => {
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) return v as SeveritySetting;
    at(n, `rule "${rule.meta.id}": severity must be one of ${SEVERITIES.join(', ')}, got ${isScalar(n) ? JSON.stringify(n.value) : 'a structure'}`);
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
      at(op.key, `rule "${rule.meta.id}" has no option "${key}"${s ? `; did you mean "${s}"?` : names.length ? ` (options: ${names.join(', ')})` : ' (it takes no options)'}`);
      ok = false;
      continue;
    }
    let js: unknown;
    try {
      // Why: toJS with the document resolves aliases (`premier-tiers: *tiers`); maxAliasCount stops an alias bomb.
      js = op.value ? (op.value as Node).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : undefined;
    } catch (error) {
      const why = error instanceof Error && /excessive alias/i.test(error.message) ? `expands too many aliases (more than ${MAX_ALIAS_COUNT})` : `cannot be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
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

/** Validates a config object given in code (the API, editor settings); returns sentences, empty when valid. */
export function validateLintConfig(config: LintConfig, rules: readonly Rule[]): string[] {
  const errors: string[] = [];
  if (config.extends !== undefined && !PRESETS.includes(config.extends)) errors.push(`extends must be one of ${PRESETS.join(', ')}`);
  if (config.drafts !== undefined && !DRAFTS_MODES.includes(config.drafts)) errors.push(`drafts must be ${DRAFTS_MODES.join(' or ')}`);
  const byId = new Map(rules.map((r) => [r.meta.id, r] as const));
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const rule = byId.get(id);
    if (!rule) {
      errors.push(`unknown rule "${id}"`);
      continue;
    }
    const { severity, options } = entryParts(entry);
    if (!SEVERITIES.includes(severity)) errors.push(`rule "${id}": severity must be one of ${SEVERITIES.join(', ')}`);
    for (const [k, v] of Object.entries(options ?? {})) {
      const spec = rule.meta.options?.[k];
      if (!spec) errors.push(`rule "${id}" has no option "${k}"`);
      else {
        const e = checkOption(k, spec, v);
        if (e) errors.push(`rule "${id}": ${e}`);
      }
    }
  }
  return errors;
}
