// Showing a result's path: relative to the cwd with forward slashes when inside it; stdin stays as is.
import { isAbsolute, relative, sep } from 'node:path';
import { posixPath } from '../api/index.js';

/** The path as a user in `cwd` would type it: `plans/a.testbed.md`; outside the cwd, `../x/a.testbed.md`. */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(cwd, filePath);
  if (rel === '' || isAbsolute(rel)) return filePath;
  return posixPath(rel, sep);
}
