// Config files for the editor, over any file system (VS Code's workspace.fs on the desktop and on the web):
// the nearest .testbed-lint.{yaml,yml,json} walking up, `extends` chains kept inside the workspace, `ignores`.
// The same rules and the same words as the CLI's discovery (src/node/config.ts), on POSIX paths (a URI's path),
// asynchronous, with no Node built-ins. Pure apart from the injected reader: unit-tested with an in-memory one.
import ignore, { type Ignore } from 'ignore';
import { mergeRuleEntries, parseConfigText, PRESETS, presetRules, rules as allRules, type DraftsMode, type LintConfig, type PresetName, type RuleEntry } from '../../core/index.js';

/** Config file names, in the order they win when a folder has more than one (as the CLI). */
export const CONFIG_NAMES = ['.testbed-lint.yaml', '.testbed-lint.yml', '.testbed-lint.json'] as const;

/** The files the resolver may read: absolute POSIX paths. `read` rejects with a short reason as its message. */
export interface ConfigReader {
  isFile(path: string): Promise<boolean>;
  read(path: string): Promise<Uint8Array>;
}

/** One problem with a config file (path, 1-based line and column), in the CLI's words. */
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

/** What a plan's diagnostic says of its broken config: the file's first error, and what the plan is checked with. */
export interface ConfigNotice {
  /** The config that governs the plan (its first error may be in it or about a file it extends). */
  file: string;
  first: ConfigError;
  /** How many errors that file has. */
  count: number;
  /** True when nothing of the file could be read: the plan is checked with the defaults. */
  defaults: boolean;
}

interface Loaded {
  file: string;
  /** The valid part of the chain: what plans it governs are checked with. */
  rules: Record<string, RuleEntry>;
  ignores: { base: string; matcher: Ignore }[];
  /** This file's errors, in the order found (a base's errors are its own; this file says "cannot extend"). */
  errors: ConfigError[];
  /** False when nothing of the file could be read (unreadable, a syntax error, not a mapping). */
  readable: boolean;
  /** `drafts:` from the chain, the file's own setting winning over those it extends (as the CLI reads it). */
  drafts?: DraftsMode;
}

export type ConfigVerdict =
  /**
   * Lint with this config (undefined: no config file governs the plan; the caller's default applies). A config with
   * errors still gives its valid part (or nothing: the defaults), and `notice` says what is wrong with it.
   */
  | { kind: 'lint'; config: LintConfig | undefined; file?: string; notice?: ConfigNotice }
  /** Do not lint: the plan is in its config's `ignores`. */
  | { kind: 'skip'; reason: string };

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** `path` with `.` and `..` segments resolved; absolute. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** `to` relative to the folder `from` ('' when equal; starts with `..` when outside). */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** Whether `path` is inside the folder `dir` (or is it). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('../') && rel !== '..');
}

const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);

/**
 * Finds and loads config files, caching per folder and per file until `reset`. Each config error is reported
 * once, through `onError`, when its file is first loaded.
 */
export class AsyncConfigResolver {
  private readonly dirs = new Map<string, Promise<string | null>>();
  private readonly loaded = new Map<string, Promise<Loaded>>();
  /** Why: two chains loading at once could each wait for the other (A extends B, B extends A); one at a time. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly reader: ConfigReader,
    private readonly onError: (e: ConfigError) => void,
    /** Where `extends` may lead (the editor keeps it inside the workspace). */
    private readonly mayExtend: (path: string) => boolean,
  ) {}

  /** What to do with the plan at `path`. */
  forFile(path: string): Promise<ConfigVerdict> {
    return this.exclusive(() => this.verdict(path));
  }

  /** Loads one config file (to report its errors before a plan uses it); a file that is gone is not reported. */
  load(file: string): Promise<unknown> {
    const path = normalize(file);
    // Why: a watcher may report a change just before (or after) a delete; a deleted config has no errors to show.
    return this.exclusive(async () => ((await this.reader.isFile(path)) ? this.loadChain(path, []) : undefined));
  }

  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const run = this.tail.then(f, f);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async verdict(path: string): Promise<ConfigVerdict> {
    const file = await this.nearest(dirname(path));
    if (file === null) return { kind: 'lint', config: undefined };
    const config = await this.loadChain(file, []);
    for (const set of config.ignores) {
      const rel = relative(set.base, path);
      if (rel !== '' && isInside(path, set.base) && set.matcher.ignores(rel)) return { kind: 'skip', reason: 'it is in the "ignores" of its config' };
    }
    const lintConfig: LintConfig = config.drafts !== undefined ? { rules: config.rules, drafts: config.drafts } : { rules: config.rules };
    if (config.errors.length === 0) return { kind: 'lint', config: lintConfig, file };
    const first = config.errors.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a));
    const notice: ConfigNotice = { file, first, count: config.errors.length, defaults: !config.readable };
    return { kind: 'lint', config: lintConfig, file, notice };
  }

  private nearest(dir: string): Promise<string | null> {
    let found = this.dirs.get(dir);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_NAMES) {
          const candidate = dir === '/' ? `/${name}` : `${dir}/${name}`;
          if (await this.reader.isFile(candidate)) return candidate;
        }
        return dir === '/' ? null : this.nearest(dirname(dir));
      })();
      this.dirs.set(dir, found);
    }
    return found;
  }

  private loadChain(file: string, stack: string[]): Promise<Loaded> {
    let p = this.loaded.get(file);
    if (!p) {
      p = this.read(file, stack);
      this.loaded.set(file, p);
    }
    return p;
  }

  private async read(file: string, stack: string[]): Promise<Loaded> {
    const result: Loaded = { file, rules: {}, ignores: [], errors: [], readable: true };
    const fail = (line: number, column: number, message: string, more?: Pick<ConfigError, 'endLine' | 'endColumn' | 'replacements'>) => {
      const e: ConfigError = { file, line, column, message, ...more };
      result.errors.push(e);
      this.onError(e);
    };
    let text: string | undefined;
    try {
      const bytes = await this.reader.read(file);
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      } catch {
        fail(1, 1, 'cannot read config: not valid UTF-8 text');
      }
    } catch (error) {
      fail(1, 1, `cannot read config: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (text === undefined) {
      result.readable = false;
      return result;
    }
    const { data, problems, readable } = parseConfigText(text, allRules);
    result.readable = readable;
    for (const { line, column, message, ...more } of problems) fail(line, column, message, more);
    const chain = [...stack, file];
    let rules: Record<string, RuleEntry> = {};
    let drafts: DraftsMode | undefined;
    for (const ext of data.extends) {
      if ((PRESETS as readonly string[]).includes(ext.value)) {
        rules = mergeRuleEntries(rules, presetRules(ext.value as PresetName, allRules));
        continue;
      }
      if (!/^\.{1,2}([/\\]|$)/.test(ext.value) && !isAbsolute(ext.value)) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": use "recommended", "strict" or a relative path such as "./${ext.value}"`);
        continue;
      }
      const written = ext.value.replace(/\\/g, '/');
      const target = normalize(isAbsolute(ext.value) ? (written.startsWith('/') ? written : `/${written}`) : `${dirname(file)}/${written}`);
      if (!this.mayExtend(target)) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": it is outside the workspace, and config files outside it are not read`);
        continue;
      }
      if (chain.includes(target)) {
        const names = [...chain.slice(chain.indexOf(target)), target].map((f) => relative(dirname(file), f) || f);
        fail(ext.line, ext.column, `extends cycle: ${names.join(' → ')}`);
        continue;
      }
      if (!(await this.reader.isFile(target))) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": no such file`);
        continue;
      }
      const base = await this.loadChain(target, chain);
      if (base.errors.length > 0) {
        fail(ext.line, ext.column, `cannot extend "${ext.value}": it has errors`);
        continue;
      }
      rules = mergeRuleEntries(rules, base.rules);
      drafts = base.drafts ?? drafts;
      result.ignores.push(...base.ignores);
    }
    result.rules = mergeRuleEntries(rules, data.rules);
    drafts = data.drafts ?? drafts;
    if (drafts !== undefined) result.drafts = drafts;
    if (data.ignores.length > 0) result.ignores.push({ base: dirname(file), matcher: ignore().add(data.ignores) });
    return result;
  }
}
