// Which files a run looks at: paths, folders (walked) and globs, with node_modules, .git and ignores skipped.
import { join, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { CONFIG_NAMES, formOf, posixPath } from '../api/index.js';
import { displayPath } from '../formatters/paths.js';
import { fsCode, fsReason, specialKind, type Fs } from './fs.js';
import type { GitIgnore } from './gitignore.js';

/** Folders never entered, whatever the ignore files say. */
export const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface Candidate {
  /** Absolute path. */
  path: string;
  /** Named on the command line (not found by walking a folder or matching a glob). */
  explicit: boolean;
  /** Found through a symbolic link while walking a folder or matching a glob (`--fix` never writes it). */
  viaLink?: boolean;
}

export interface CollectOptions {
  cwd: string;
  fs: Fs;
  gitignore: GitIgnore;
  /** Whether a folder is ignored by the `ignores` of the config that governs it (walking skips it). */
  isConfigIgnoredDir(path: string): Promise<boolean>;
  /** A path that does not exist or cannot be read. */
  onError(path: string, reason: string): void;
  /** Something worth a line on stderr that does not fail the run. */
  onNotice(message: string): void;
}

/**
 * The files to consider for `args` (paths or globs), de-duplicated and sorted by path. Folders are walked
 * for .md/.markdown/.yaml/.yml files; files named explicitly are kept whatever their extension (the caller
 * decides whether they are plans).
 */
export async function collectFiles(args: readonly string[], opts: CollectOptions): Promise<Candidate[]> {
  const found = new Map<string, { explicit: boolean; viaLink: boolean }>();
  const add = (path: string, explicit: boolean, viaLink = false) => {
    const had = found.get(path);
    // Why: a file named on the command line is the user's to fix, even when a walk also met it.
    found.set(path, {
      explicit: explicit || (had?.explicit ?? false),
      viaLink: explicit ? false : had !== undefined ? had.viaLink && viaLink : viaLink,
    });
  };
  for (const arg of args) {
    const abs = resolve(opts.cwd, arg);
    let kind: 'file' | 'dir' | 'other' | 'missing';
    try {
      const st = opts.fs.statSync(abs);
      kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch (error) {
      const code = fsCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        opts.onError(arg, fsReason(error));
        continue;
      }
      kind = 'missing';
    }
    if (kind === 'file' || kind === 'other') add(abs, true);
    else if (kind === 'dir') await walk(abs, opts, add);
    else if (isDynamicPattern(toPattern(arg))) {
      const before = found.size;
      for (const path of glob(arg, opts)) add(path, false, isLink(opts.fs, path));
      if (found.size === before) opts.onNotice(`no files match the pattern "${arg}"`);
    } else opts.onError(arg, 'no such file or directory');
  }
  return [...found.entries()]
    .map(([path, f]) => ({ path, explicit: f.explicit, ...(f.viaLink ? { viaLink: true } : {}) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(
  root: string,
  opts: CollectOptions,
  add: (path: string, explicit: boolean, viaLink?: boolean) => void,
): Promise<void> {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = opts.fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      opts.onError(dir, fsReason(error));
      continue;
    }
    for (const entry of entries) {
      const name = String(entry.name);
      const path = join(dir, name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let what: string | undefined = isDir || isFile ? undefined : specialKind(entry);
      const viaLink = entry.isSymbolicLink();
      if (viaLink) {
        // Why: linked files are linted (never written: see lint-run); linked folders are not entered, so a link
        // cycle cannot loop; a link to a FIFO or device is reported like one.
        what = undefined;
        try {
          const st = opts.fs.statSync(path);
          isFile = st.isFile();
          if (!isFile && !st.isDirectory()) what = specialKind(st);
        } catch {
          isFile = false;
        }
        isDir = false;
      }
      if (isDir) {
        if (ALWAYS_SKIPPED.has(name)) continue;
        if (opts.gitignore.matchesEntry(path, true) || (await opts.isConfigIgnoredDir(path))) continue;
        stack.push(path);
      } else if ((isFile || what !== undefined) && formOf(name) !== undefined) {
        if (opts.gitignore.matchesEntry(path, false)) continue;
        // Why: a config file that is not a regular file is the config resolver's to report, as a located config error.
        if (what !== undefined && (CONFIG_NAMES as readonly string[]).includes(name)) continue;
        if (what !== undefined) opts.onNotice(`skipped ${displayPath(path, opts.cwd)}: not a regular file (${what})`);
        else add(path, false, viaLink);
      }
    }
  }
}

function isLink(fs: Fs, path: string): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function glob(pattern: string, opts: CollectOptions): string[] {
  const results = globSync(toPattern(pattern), {
    cwd: opts.cwd,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return results.map((p) => resolve(p)).filter((p) => !opts.gitignore.isFileIgnored(p));
}

/** Globs use forward slashes on every platform. */
function toPattern(arg: string): string {
  return posixPath(arg, sep);
}
