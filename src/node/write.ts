// Writing a report atomically: a temporary file in the same folder, then a rename over the target.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Fs } from './fs.js';

/**
 * Writes `text` to `path` so that readers see either the old file or the whole new one, never a part:
 * the text goes to a temporary sibling first, which is renamed over `path`. Throws on failure, after
 * removing the temporary file.
 */
export function writeFileAtomic(fs: Fs, path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(tmp, path);
  } catch (error) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Empty: the original error is the one worth reporting.
    }
    throw error;
  }
}
