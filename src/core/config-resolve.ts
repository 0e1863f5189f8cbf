// Config files over any file system: the nearest .testbed-lint.{yaml,yml,json} at or above a plan's folder, its
// `extends` chain (presets or files, later entries winning, cycles reported), `ignores`, and every error located.
// The one resolver of the CLI (src/node/config.ts: Node's fs, native paths) and of the editor (src/extension/config.ts:
// vscode.workspace.fs on the desktop and the web, a URI's path). Each shell gives it a ConfigFs and a PathOps;
// nothing here touches a disk.
import ignore, { type Ignore } from 'ignore';
import {
  mergeRuleEntries,
  parseConfigText,
  PRESETS,
  presetRules,
  type LintConfig,
  type PresetName,
  type RuleEntry,
} from './config.js';
import { isInside, type PathOps } from './config-paths.js';
import { mergeTeamRules, teamIds } from './config-team.js';
import { suggest } from './suggest.js';
import type { TeamRuleDef } from './team-rules-check.js';
import type { DraftsMode } from './drafts.js';
import type { Lang } from './lang.js';
import { formatSize, posixPath } from './limits.js';
import type { Rule } from './rule-api.js';

/** Config file names, in the order they win when a folder has more than one. */
export const CONFIG_NAMES = ['.testbed-lint.yaml', '.testbed-lint.yml', '.testbed-lint.json'] as const;

/**
 * The largest config file read, `extends` targets included: 1 MiB. Why: a config with every rule and option set is
 * under 10 KB, while a 19 MB one (600,000 `ignores`) ran the CLI out of heap after two minutes. A larger file is a
 * config error naming it, and is not read.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** What is at a path, links followed. */
export interface ConfigStat {
  /** `other`: a FIFO, a device, a socket (never read: it could block or never end). */
  kind: 'file' | 'directory' | 'other';
  size: number;
}

/** The file system the resolver reads config files through; paths are the host's (see PathOps). */
export interface ConfigFs {
  /** What is at `path`; undefined when nothing is (or it cannot be looked at). */
  stat(path: string): Promise<ConfigStat | undefined>;
  /** `path` with every symbolic link resolved; rejects, with a short reason as its message, when it cannot be. */
  realpath(path: string): Promise<string>;
  /**
   * The bytes of the regular file at `path`, at most `limit + 1` where the file system can stop there (so a file that
   * grew after its stat still shows as over the limit); rejects with a short reason as its message.
   */
  readFile(path: string, limit: number): Promise<Uint8Array>;
  /** Strict UTF-8, a byte-order mark kept; undefined when the bytes are not UTF-8 (the core has no text decoder). */
  decodeUtf8(bytes: Uint8Array): string | undefined;
}

export interface ConfigResolverOptions {
  fs: ConfigFs;
  paths: PathOps;
  /** The rules config files may name (the registry; passed in, as src/core does not import src/rules). */
  rules: readonly Rule[];
  /** Called once per config error, when its file is first loaded. */
  onError(error: ConfigError): void;
  /** `--config FILE`: this file governs every plan, and discovery is off. */
  fixed?: string;
  /**
   * The folders a workspace's configs must stay inside (the editor's open folders, asked each time as they can
   * change): `extends` may not lead outside them, by its path or through a link, and a config file inside them may
   * not be a link to a file outside. Undefined (the CLI): config files are read wherever the user points.
   */
  roots?: () => readonly string[];
}

/** One problem with a config file (path, 1-based line and column): `file:line:column: message` in the CLI. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** 1-based end (exclusive) of the offending key or value, when known. */
  endLine?: number;
  endColumn?: number;
  /** Texts that could replace the offending span (quick fixes; the nearest first). */
  replacements?: string[];
}

/** `ignores` globs of one config file; they are relative to that file's folder. */
export interface IgnoreSet {
  base: string;
  matcher: Ignore;
}

/** A config file with its `extends` chain applied. */
export interface LoadedConfig {
  file: string;
  /** The valid part of the chain (later entries winning; presets expanded): what the editor checks plans with. */
  rules: Record<string, RuleEntry>;
  ignores: IgnoreSet[];
  /** `drafts:` from the chain, the file's own setting winning over those it extends. */
  drafts?: DraftsMode;
  /** `language:` from the chain (the file's own winning): the language of plans without `lang:`. */
  language?: Lang;
  /** `team-rules:` from the chain, valid ones only; the file's own definition of an id replaces an inherited one. */
  teamRules: TeamRuleDef[];
  /** This file's errors, in the order found (a base's errors are its own; this file says "cannot extend"). */
  errors: ConfigError[];
  /** False when nothing of the file could be read (unreadable, too large, a syntax error, not a mapping). */
  readable: boolean;
}

/** What governs a plan: a config file, or none (the caller's default: the `recommended` preset). */
export type ConfigFor = { kind: 'none' } | { kind: 'file'; config: LoadedConfig };

const OUTSIDE = 'config files outside it are not read';

/**
 * Finds and loads config files, caching per folder and per file for its lifetime (the editor makes a new one when a
 * config file changes). Each config error is reported once, through `onError`, when its file is first loaded.
 */
export class ConfigResolver {
  private readonly dirs = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  /** Why: the caches hold finished loads only, so one call runs at a time (the editor asks for many plans at once). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: ConfigResolverOptions) {}

  /** The config that governs files in the folder `dir` (an absolute path). */
  forDirectory(dir: string): Promise<ConfigFor> {
    return this.exclusive(async (): Promise<ConfigFor> => {
      const file = this.o.fixed ?? (await this.nearest(dir));
      return file === null ? { kind: 'none' } : { kind: 'file', config: await this.chain(file, undefined, [], []) };
    });
  }

  /** The config that governs the file at `path` (an absolute path). */
  forFile(path: string): Promise<ConfigFor> {
    return this.forDirectory(this.o.paths.dirname(path));
  }

  /** Loads (or returns the cached) config file with its `extends` chain; undefined when nothing is at `file`. */
  load(file: string): Promise<LoadedConfig | undefined> {
    return this.exclusive(async () =>
      (await this.o.fs.stat(file)) === undefined ? undefined : this.chain(file, undefined, [], []),
    );
  }

  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const run = this.tail.then(f, f);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The nearest config file at or above `dir`, or null. */
  private async nearest(dir: string): Promise<string | null> {
    const cached = this.dirs.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (const name of CONFIG_NAMES) {
      const candidate = this.o.paths.join(dir, name);
      const st = await this.o.fs.stat(candidate);
      // Why: a FIFO or a device under a config's name is that folder's config, reported, not passed over for another.
      if (st !== undefined && st.kind !== 'directory') {
        found = candidate;
        break;
      }
    }
    if (found === null) {
      const parent = this.o.paths.dirname(dir);
      found = parent === dir ? null : await this.nearest(parent);
    }
    this.dirs.set(dir, found);
    return found;
  }

  /**
   * Loads `file` and what it extends. `real` is its path with links resolved when the caller knows it; `files` and
   * `reals` are the chain that led here (to report cycles, which links cannot hide).
   */
  private async chain(
    file: string,
    real: string | undefined,
    files: readonly string[],
    reals: readonly string[],
  ): Promise<LoadedConfig> {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    const { paths } = this.o;
    const result: LoadedConfig = { file, rules: {}, ignores: [], teamRules: [], errors: [], readable: true };
    const fail = (
      line: number,
      column: number,
      message: string,
      more?: Pick<ConfigError, 'endLine' | 'endColumn' | 'replacements'>,
    ) => {
      const e: ConfigError = { file, line, column, message, ...more };
      result.errors.push(e);
      this.o.onError(e);
    };
    const read = await this.readText(file, real);
    if (typeof read === 'string') {
      fail(1, 1, `cannot read config: ${read}`);
      result.readable = false;
      this.loaded.set(file, result);
      return result;
    }
    const { data, problems, readable } = parseConfigText(read.text, this.o.rules);
    result.readable = readable;
    for (const { line, column, message, ...more } of problems) fail(line, column, message, more);
    const chainFiles = [...files, file];
    const chainReals = [...reals, read.real];
    let rules: Record<string, RuleEntry> = {};
    let drafts: DraftsMode | undefined;
    let language: Lang | undefined;
    let teamRules: TeamRuleDef[] = [];
    for (const ext of data.extends) {
      const cannot = (why: string) => fail(ext.line, ext.column, `cannot extend "${ext.value}": ${why}`);
      if ((PRESETS as readonly string[]).includes(ext.value)) {
        rules = mergeRuleEntries(rules, presetRules(ext.value as PresetName, this.o.rules));
        continue;
      }
      if (!/^\.{1,2}([/\\]|$)/.test(ext.value) && !paths.isAbsolute(ext.value)) {
        cannot(`use "recommended", "strict" or a relative path such as "./${ext.value}"`);
        continue;
      }
      const target = paths.resolve(paths.dirname(file), ext.value);
      const roots = this.o.roots?.();
      if (roots && !roots.some((root) => target !== root && isInside(target, root, paths))) {
        cannot(`it is outside the workspace, and ${OUTSIDE}`);
        continue;
      }
      const st = await this.o.fs.stat(target);
      if (st === undefined || st.kind === 'directory') {
        cannot('no such file');
        continue;
      }
      const located = await this.locate(target);
      if (located.refused !== undefined) {
        cannot(located.refused);
        continue;
      }
      const cycleAt = chainReals.indexOf(located.real);
      if (cycleAt >= 0) {
        const names = [...chainFiles.slice(cycleAt), target].map((f) => paths.relative(paths.dirname(file), f) || f);
        fail(ext.line, ext.column, `extends cycle: ${names.join(' → ')}`);
        continue;
      }
      const base = await this.chain(target, located.real, chainFiles, chainReals);
      if (base.errors.length > 0) {
        cannot('it has errors');
        continue;
      }
      rules = mergeRuleEntries(rules, base.rules);
      teamRules = mergeTeamRules(teamRules, base.teamRules);
      drafts = base.drafts ?? drafts;
      language = base.language ?? language;
      result.ignores.push(...base.ignores);
    }
    result.rules = mergeRuleEntries(rules, data.rules);
    result.teamRules = mergeTeamRules(teamRules, data.teamRules);
    // A team rule set in `rules:` must be defined in this file or one it extends.
    const defined = teamIds(result.teamRules);
    for (const { id, line, column, message, ...more } of data.teamRefs) {
      if (defined.includes(id)) continue;
      const s = suggest(id, defined);
      fail(line, column, `${message}${s ? `; did you mean "${s}"?` : ' (define it in "team-rules")'}`, more);
      delete result.rules[id];
    }
    drafts = data.drafts ?? drafts;
    if (drafts !== undefined) result.drafts = drafts;
    language = data.language ?? language;
    if (language !== undefined) result.language = language;
    if (data.ignores.length > 0)
      result.ignores.push({ base: paths.dirname(file), matcher: ignore().add(data.ignores) });
    this.loaded.set(file, result);
    return result;
  }

  /**
   * The text of a config file (without a byte-order mark) and its real path, or why it cannot be read. Only a regular
   * file within MAX_CONFIG_BYTES is read: a FIFO or a device could block or never end, a huge file fill the heap.
   */
  private async readText(file: string, known: string | undefined): Promise<{ text: string; real: string } | string> {
    const st = await this.o.fs.stat(file);
    if (st === undefined) return 'no such file or directory';
    if (st.kind !== 'file') return st.kind === 'directory' ? 'is a directory' : 'not a regular file';
    if (st.size > MAX_CONFIG_BYTES) return tooLarge(st.size);
    let real = known;
    if (real === undefined) {
      const located = await this.locate(file);
      if (located.refused !== undefined) return located.refused;
      real = located.real;
    }
    let bytes: Uint8Array;
    try {
      // Why: the real path is read, so what was checked against the workspace is what is read.
      bytes = await this.o.fs.readFile(real, MAX_CONFIG_BYTES);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    if (bytes.length > MAX_CONFIG_BYTES) return tooLarge(bytes.length);
    const text = this.o.fs.decodeUtf8(bytes);
    if (text === undefined) return 'not valid UTF-8 text';
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, real };
  }

  /**
   * The real path of an existing config file, or why a workspace's config may not read it: inside the open folders,
   * a file must not be a link to one outside them. Elsewhere (the CLI; a config above the workspace) a path that
   * cannot be resolved is used as it is written.
   */
  private async locate(path: string): Promise<{ real: string; refused?: undefined } | { refused: string }> {
    const roots = this.o.roots?.();
    const confined = roots !== undefined && roots.some((root) => isInside(path, root, this.o.paths));
    let real: string;
    try {
      real = await this.o.fs.realpath(path);
    } catch (error) {
      if (!confined) return { real: path };
      return { refused: error instanceof Error ? error.message : String(error) };
    }
    if (roots === undefined || !confined) return { real };
    const realRoots = await Promise.all(roots.map((root) => this.o.fs.realpath(root).catch(() => root)));
    if (realRoots.some((root) => real !== root && isInside(real, root, this.o.paths))) return { real };
    return { refused: `it links to a file outside the workspace, and ${OUTSIDE}` };
  }
}

function tooLarge(size: number): string {
  return `it is ${formatSize(size)}, over the limit of ${formatSize(MAX_CONFIG_BYTES)} for a config file`;
}

/** The core's lint config for a plan's config (undefined: no file; the caller's default applies). */
export function toLintConfig(config: ConfigFor): LintConfig | undefined {
  if (config.kind !== 'file') return undefined;
  const { rules, drafts, language, teamRules } = config.config;
  return {
    rules,
    ...(drafts !== undefined ? { drafts } : {}),
    ...(language !== undefined ? { language } : {}),
    ...(teamRules.length > 0 ? { teamRules } : {}),
  };
}

/** Whether `path` (a file, or a folder when `isDir`) matches its config's `ignores` (gitignore-style globs). */
export function isIgnoredBy(config: ConfigFor, path: string, isDir: boolean, paths: PathOps): boolean {
  if (config.kind !== 'file') return false;
  for (const set of config.config.ignores) {
    const rel = paths.relative(set.base, path);
    if (rel === '' || !isInside(path, set.base, paths)) continue;
    const posix = posixPath(rel, paths.sep);
    if (set.matcher.ignores(isDir ? `${posix}/` : posix)) return true;
  }
  return false;
}
