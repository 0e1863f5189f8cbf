// The file-system functions the CLI uses, injectable so tests can simulate failures (EACCES as root, EIO).
import * as nodeFs from 'node:fs';

export interface Fs {
  statSync: typeof nodeFs.statSync;
  lstatSync: typeof nodeFs.lstatSync;
  fstatSync: typeof nodeFs.fstatSync;
  realpathSync: typeof nodeFs.realpathSync;
  readdirSync: typeof nodeFs.readdirSync;
  readFileSync: typeof nodeFs.readFileSync;
  writeFileSync: typeof nodeFs.writeFileSync;
  renameSync: typeof nodeFs.renameSync;
  rmSync: typeof nodeFs.rmSync;
  openSync: typeof nodeFs.openSync;
  readSync: typeof nodeFs.readSync;
  closeSync: typeof nodeFs.closeSync;
  writeSync: typeof nodeFs.writeSync;
  fsyncSync: typeof nodeFs.fsyncSync;
  fchmodSync: typeof nodeFs.fchmodSync;
}

/** The real file system. */
export const realFs: Fs = {
  statSync: nodeFs.statSync,
  lstatSync: nodeFs.lstatSync,
  fstatSync: nodeFs.fstatSync,
  realpathSync: nodeFs.realpathSync,
  readdirSync: nodeFs.readdirSync,
  readFileSync: nodeFs.readFileSync,
  writeFileSync: nodeFs.writeFileSync,
  renameSync: nodeFs.renameSync,
  rmSync: nodeFs.rmSync,
  openSync: nodeFs.openSync,
  readSync: nodeFs.readSync,
  closeSync: nodeFs.closeSync,
  writeSync: nodeFs.writeSync,
  fsyncSync: nodeFs.fsyncSync,
  fchmodSync: nodeFs.fchmodSync,
};

/** What a file that is not a regular file or a folder is, in words: "a FIFO", "a character device". */
export function specialKind(st: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isDirectory()) return 'a directory';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/** A short, stack-free reason for a file-system error: "permission denied", "no such file or directory". */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}

/** The error code of a file-system error, if any. */
export function fsCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
