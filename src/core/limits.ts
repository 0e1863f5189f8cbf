// Limits and path spelling every shell (CLI, Node API, editor) shares, defined once.
import { plural } from './text.js';

/** Files (CLI, Node) and documents (editor, setting `testbedLint.maxFileSize`) larger than this are not linted. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** A path with forward slashes, from one written with the platform's `separator` (Node's `path.sep`). */
export function posixPath(p: string, separator: string): string {
  return separator === '/' ? p : p.split(separator).join('/');
}

/** A byte or character count in words: "5 MB", "120 KB", "900 bytes". */
export function formatSize(n: number, unit: 'bytes' | 'characters' = 'bytes'): string {
  const trim = (x: number) => (Math.round(x * 10) / 10).toString();
  const one = unit === 'bytes' ? 'byte' : 'character';
  if (unit === 'bytes' && n >= 1024 * 1024) return `${trim(n / (1024 * 1024))} MB`;
  if (unit === 'bytes' && n >= 1024) return `${trim(n / 1024)} KB`;
  return plural(n, one);
}
