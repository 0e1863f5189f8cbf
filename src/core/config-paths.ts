// Path arithmetic for the config resolver (config-resolve.ts), in the flavour of the file system it reads: Node's
// `node:path` (native paths) for the CLI, POSIX_PATHS (a URI's path) for the editor, on the desktop and the web.

/** What the resolver needs of a path module; Node's `node:path` is one as it is. */
export interface PathOps {
  /** The separator `relative` writes (Node: `path.sep`; a URI path: `/`). */
  readonly sep: string;
  dirname(path: string): string;
  join(dir: string, name: string): string;
  /** `to` (relative to `dir`, or absolute) as an absolute path with `.` and `..` resolved. */
  resolve(dir: string, to: string): string;
  /** `to` relative to the folder `from` ('' when equal; starts with `..` when outside). */
  relative(from: string, to: string): string;
  /** Whether a path as written is absolute (an `extends` entry that needs no `./`). */
  isAbsolute(path: string): boolean;
}

/** `path` with `.` and `..` segments resolved; absolute. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/**
 * Absolute POSIX paths, as a URI's path is written (`/C:/x` for a Windows drive). An absolute `extends` entry may be
 * written with a drive (`C:/x`) or backslashes; it is read as that URI path.
 */
export const POSIX_PATHS: PathOps = {
  sep: '/',
  dirname(path) {
    const i = path.replace(/\/+$/, '').lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  },
  join: (dir, name) => normalize(`${dir}/${name}`),
  resolve(dir, to) {
    const written = to.replace(/\\/g, '/');
    if (!POSIX_PATHS.isAbsolute(to)) return normalize(`${dir}/${written}`);
    return normalize(written.startsWith('/') ? written : `/${written}`);
  },
  relative(from, to) {
    const a = normalize(from).split('/').filter(Boolean);
    const b = normalize(to).split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  },
  isAbsolute: (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path),
};

/** Whether `path` is inside the folder `dir` (or is it). */
export function isInside(path: string, dir: string, paths: PathOps): boolean {
  const rel = paths.relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${paths.sep}`) && !paths.isAbsolute(rel));
}
