// Limits and path spelling every shell (CLI, Node API, editor) shares, defined once.

/** Files (CLI, Node) and documents (editor, setting `testbedLint.maxFileSize`) larger than this are not linted. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** A path with forward slashes, from one written with the platform's `separator` (Node's `path.sep`). */
export function posixPath(p: string, separator: string): string {
  return separator === '/' ? p : p.split(separator).join('/');
}
