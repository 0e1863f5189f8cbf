// Config files on disk: discovery (nearest .testbed-lint.{yaml,yml,json} walking up), `extends` chains, ignores.
import ignore, { type Ignore } from 'ignore';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { mergeRuleEntries, parseConfigText, posixPath, PRESETS, presetRules, rules as allRules, type DraftsMode, type LintConfig, type PresetName, type RuleEntry } from '../api/index.js';
import { fsReason, type Fs } from './fs.js';
import { isInside } from './gitignore.js';
import { decodeUtf8 } from './read.js';

/** Config file names, in the order they win when a folder has more than one. */
export const CONFIG_NAMES = ['.testbed-lint.yaml', '.testbed-lint.yml', '.testbed-lint.json'] as const;

/** One problem with a config file, reported as `file:line:column: message`. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `ignores` globs of one config file; they are relative to that file's folder. */
export interface IgnoreSet {
  base: string;
  matcher: Ignore;
}

/** A config file with its `extends` chain applied. */
export interface LoadedConfig {
  file: string;
  /** Every rule setting from the chain, later entries winning; presets expanded. */
  rules: Record<string, RuleEntry>;
  ignores: IgnoreSet[];
  /** `drafts:` from the chain, the file's own setting winning over those it extends. */
  drafts?: DraftsMode;
  /** False when this file or one it extends has errors: plans governed by it are not linted. */
  ok: boolean;
}

/** What governs a plan: a loaded config file, or none (the `recommended` preset). */
export type ConfigFor = { kind: 'none' } | { kind: 'file'; config: LoadedConfig };

/**
 * Finds and loads config files, caching per folder and per file within one run. Each config error is
 * reported once, through `onError`, when the file is first loaded.
 */
export class ConfigResolver {
  private readonly dirCache = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly fixed: string | undefined;

  constructor(
    private readonly fs: Fs,
    private readonly onError: (e: ConfigError) => void,
    /** `--config FILE`: this file governs every plan, and discovery is off. */
    fixedConfig?: string,
    /** Where `extends` may lead (the editor keeps it inside the workspace); default: anywhere. */
    private readonly mayExtend: (target: string) => boolean = () => true,
  ) {
    this.fixed = fixedConfig;
  }

  /** The config that governs files in `dir`. */
  forDirectory(dir: string): ConfigFor {
    const file = this.fixed ?? this.nearest(dir);
    return file === null ? { kind: 'none' } : { kind: 'file', config: this.load(file) };
  }

  /** The config that governs `file`. */
  forFile(file: string): ConfigFor {
    return this.forDirectory(dirname(file));
  }

  /** Loads (or returns the cached) config file with its `extends` chain. */
  load(file: string): LoadedConfig {
    return this.loadChain(resolve(file), []);
  }

  /** The nearest config file at or above `dir`, or null. */
  private nearest(dir: string): string | null {
    const cached = this.dirCache.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (this.isFile(candidate)) {
        found = candidate;
        break;
      }
    }
    if (found === null) {
      const parent = dirname(dir);
      found = parent === dir ? null : this.nearest(parent);
    }
    this.dirCache.set(dir, found);
    return found;
  }

  private isFile(path: string): boolean {
    try {
      return this.fs.statSync(path).isFile();
    } catch {
      return false;
    }
  }

  private loadChain(file: string, stack: string[]): LoadedConfig {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    const result: LoadedConfig = { file, rules: {}, ignores: [], ok: true };
    const fail = (line: number, column: number, message: string) => {
      result.ok = false;
      this.onError({ file, line, column, message });
    };
    let text: string | undefined;
    try {
      const decoded = decodeUtf8(this.fs.readFileSync(file));
      if (decoded === undefined) fail(1, 1, 'cannot read config: not valid UTF-8 text');
      else text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    } catch (error) {
      fail(1, 1, `cannot read config: ${fsReason(error)}`);
    }
    if (text === undefined) {
      this.loaded.set(file, result);
      return result;
    }
    const { data, problems } = parseConfigText(text, allRules);
    for (const p of problems) fail(p.line, p.column, p.message);
    const chain = [...stack, file];
    let rules: Record<string, RuleEntry> = {};
    let drafts: DraftsMode | undefined;
    const ignores: IgnoreSet[] = [];
    for (const ext of data.extends) {
      if ((PRESETS as readonly string[]).includes(ext.value)) {
        rules = mergeRuleEntries(rules, presetRules(ext.value as PresetName, allRules));
        continue;
      }
      if (!/^\.{1,2}([/\\]|$)/.test(ext.value) && !isAbsolute(ext.value)) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": use "recommended", "strict" or a relative path such as "./${ext.value}"`);
        continue;
      }
      const target = resolve(dirname(file), ext.value);
      if (!this.mayExtend(target)) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": it is outside the workspace, and config files outside it are not read`);
        continue;
      }
      if (chain.includes(target)) {
        const names = [...chain.slice(chain.indexOf(target)), target].map((f) => relative(dirname(file), f) || f);
        fail(ext.line, ext.column, `extends cycle: ${names.join(' → ')}`);
        continue;
      }
      if (!this.isFile(target)) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": no such file`);
        continue;
      }
      const base = this.loadChain(target, chain);
      if (!base.ok) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": it has errors`);
        continue;
      }
      rules = mergeRuleEntries(rules, base.rules);
      ignores.push(...base.ignores);
      drafts = base.drafts ?? drafts;
    }
    rules = mergeRuleEntries(rules, data.rules);
    if (data.ignores.length > 0) ignores.push({ base: dirname(file), matcher: ignore().add(data.ignores) });
    result.rules = rules;
    result.ignores = ignores;
    drafts = data.drafts ?? drafts;
    if (drafts !== undefined) result.drafts = drafts;
    this.loaded.set(file, result);
    return result;
  }
}

/** The core's lint config for a loaded config file (`recommended` underneath what the file sets). */
export function toLintConfig(config: ConfigFor): LintConfig | undefined {
  if (config.kind !== 'file') return undefined;
  return config.config.drafts !== undefined ? { rules: config.config.rules, drafts: config.config.drafts } : { rules: config.config.rules };
}

/** Whether `path` (a file, or a folder when `isDir`) matches a config's `ignores` (gitignore-style globs). */
export function isIgnoredBy(config: ConfigFor, path: string, isDir: boolean): boolean {
  if (config.kind !== 'file') return false;
  for (const set of config.config.ignores) {
    const rel = relative(set.base, path);
    if (rel === '' || !isInside(path, set.base)) continue;
    const posix = posixPath(rel, sep);
    if (set.matcher.ignores(isDir ? `${posix}/` : posix)) return true;
  }
  return false;
}
