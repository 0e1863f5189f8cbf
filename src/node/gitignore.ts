// .gitignore matching: the .gitignore of a folder and of its ancestors up to the git root (or the cwd).
import ignore, { type Ignore } from 'ignore';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { posixPath } from '../api/index.js';
import type { Fs } from './fs.js';
import { displayPath } from '../formatters/paths.js';
import { decodeLenient, formatBytes, readFileBytes } from './read.js';

/** Larger .gitignore files are not read (a notice says so); git's own are a few KB. */
export const GITIGNORE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Answers whether a path is ignored by .gitignore files, as git would: every .gitignore from the
 * boundary (the git root, else the cwd when the path is inside it, else the path's own folder) down to
 * the path's folder applies, deeper files overriding shallower ones, and a file in an ignored folder
 * is ignored. Results and parsed files are cached for the run.
 */
export class GitIgnore {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly gitRoots = new Map<string, string | null>();
  private readonly dirIgnored = new Map<string, boolean>();

  constructor(
    private readonly fs: Fs,
    private readonly cwd: string,
    /** A .gitignore that cannot be used (a FIFO or device, over the size cap): one line, the run goes on. */
    private readonly onNotice: (message: string) => void = () => {},
  ) {}

  /** Whether the file at `path` is ignored. */
  isFileIgnored(path: string): boolean {
    const dir = dirname(path);
    const boundary = this.boundary(dir);
    return this.isDirIgnoredWithin(dir, boundary) || this.matches(path, false, dir, boundary);
  }

  /**
   * Whether `path` itself matches the .gitignore files that apply to it, not looking at whether a folder
   * above it is ignored: for walking a folder, where ignored sub-folders are never entered.
   */
  matchesEntry(path: string, isDir: boolean): boolean {
    const parent = dirname(path);
    return this.matches(path, isDir, parent, this.boundary(parent));
  }

  /** Whether the folder at `path` is ignored (so nothing below it is linted). */
  isDirIgnored(path: string): boolean {
    return this.isDirIgnoredWithin(path, this.boundary(path));
  }

  private isDirIgnoredWithin(dir: string, boundary: string): boolean {
    if (dir === boundary || !isInside(dir, boundary)) return false;
    const key = `${boundary}\0${dir}`;
    const cached = this.dirIgnored.get(key);
    if (cached !== undefined) return cached;
    const parent = dirname(dir);
    const result = this.isDirIgnoredWithin(parent, boundary) || this.matches(dir, true, parent, boundary);
    this.dirIgnored.set(key, result);
    return result;
  }

  /** Applies the .gitignore files from `boundary` down to `parent` (the folder holding `path`). */
  private matches(path: string, isDir: boolean, parent: string, boundary: string): boolean {
    const levels: string[] = [];
    for (let d = parent; ; d = dirname(d)) {
      levels.push(d);
      if (d === boundary || dirname(d) === d) break;
    }
    let ignored = false;
    for (const level of levels.reverse()) {
      const ig = this.rulesIn(level);
      if (!ig) continue;
      const rel = toPosix(relative(level, path));
      if (rel === '' || !isInside(path, level)) continue;
      const t = ig.test(isDir ? `${rel}/` : rel);
      if (t.ignored) ignored = true;
      else if (t.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesIn(dir: string): Ignore | null {
    const cached = this.rules.get(dir);
    if (cached !== undefined) return cached;
    let ig: Ignore | null = null;
    const file = join(dir, '.gitignore');
    // Why: a pull request controls .gitignore; a link to /dev/zero or a FIFO must not hang or fill memory.
    const read = readFileBytes(this.fs, file, GITIGNORE_MAX_BYTES);
    if (read.kind === 'bytes') ig = ignore().add(decodeLenient(read.bytes));
    else if (read.kind === 'not-a-file' && read.what !== 'a directory')
      this.onNotice(`${displayPath(file, this.cwd)} is not a regular file (${read.what}); not read`);
    else if (read.kind === 'too-large')
      this.onNotice(`${displayPath(file, this.cwd)} is over ${formatBytes(GITIGNORE_MAX_BYTES)}; not read`);
    // Empty otherwise: no (readable) .gitignore in this folder.
    this.rules.set(dir, ig);
    return ig;
  }

  /** Where .gitignore lookup stops going up: the git root, else the cwd if `dir` is inside it, else `dir`. */
  private boundary(dir: string): string {
    return this.gitRoot(dir) ?? (isInside(dir, this.cwd) ? this.cwd : dir);
  }

  private gitRoot(dir: string): string | null {
    const cached = this.gitRoots.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null;
    if (this.exists(join(dir, '.git'))) found = dir;
    else {
      const parent = dirname(dir);
      found = parent === dir ? null : this.gitRoot(parent);
    }
    this.gitRoots.set(dir, found);
    return found;
  }

  private exists(path: string): boolean {
    try {
      this.fs.statSync(path);
      return true;
    } catch {
      return false;
    }
  }
}

/** Whether `path` is `dir` or below it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function toPosix(p: string): string {
  return posixPath(p, sep);
}
