// Writing files whole: a temporary file in the same folder, flushed to disk, then renamed over the target, so a
// reader sees the old file or the whole new one, never a part, and a failed write (a full disk) leaves the old one.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Fs } from './fs.js';
import { readFileBytes } from './read.js';

/**
 * Writes `data` to `path` whole: to a temporary sibling first (created new, never through an existing file or link),
 * flushed (fsync) and given `mode` (default: as the process's umask gives), then renamed over `path`. Throws on
 * failure, after removing the temporary file; `path` is then as it was. `check`, given the temporary file's open
 * descriptor, runs last before the rename, once the slow part (writing, flushing) is done; it may throw to cancel.
 */
export function writeFileAtomic(
  fs: Fs,
  path: string,
  data: string | Uint8Array,
  mode?: number,
  check?: (tmpFd: number) => void,
): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    // Why: the mode given to open is cut by the umask; a plan keeps exactly the mode it had.
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    // Why: without it, a crash after the rename can leave an empty file under the plan's name on some file systems.
    fs.fsyncSync(fd);
    check?.(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Empty: the original error is the one worth reporting.
      }
    }
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Empty: the original error is the one worth reporting.
    }
    throw error;
  }
}

/** A file that is no longer what was linted: its fixes are not written. */
export class ChangedDuringRun extends Error {
  constructor() {
    super('changed during the run');
  }
}

/**
 * Replaces the plan at `path` with `data` if it still holds exactly the bytes `linted` (the fixes were worked out
 * from them); otherwise throws ChangedDuringRun and leaves it alone, so text written to it meanwhile (an editor's
 * save, an append) is not lost. The plan keeps its mode (as it is at the check). Other failures throw as
 * writeFileAtomic does.
 *
 * Why the check comes after the temporary file is written and flushed, just before the rename: what is written to the
 * plan between the check and the rename is lost (the rename puts the fixed text in its place), so that window is kept
 * to the re-read itself and two system calls (close, rename); the flush, which can take long, is before it. No file
 * system offers a rename that happens only if the target is unchanged, so the window cannot be closed entirely; a
 * parent folder swapped for a link between the read and the rename is not detected either.
 */
export function replacePlan(fs: Fs, path: string, data: Uint8Array, linted: Uint8Array): void {
  const mode = fs.statSync(path).mode & 0o7777;
  writeFileAtomic(fs, path, data, mode, (tmpFd) => {
    const now = readFileBytes(fs, path, linted.length);
    if (now.kind === 'error') throw new Error(now.reason);
    if (now.kind !== 'bytes' || Buffer.compare(now.bytes, linted) !== 0) throw new ChangedDuringRun();
    if (now.mode !== mode) fs.fchmodSync(tmpFd, now.mode);
  });
}
