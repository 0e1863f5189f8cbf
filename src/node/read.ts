// Reading a file for linting: size limit before reading, binary sniffing, strict UTF-8 decoding.
import { plural } from '../api/index.js';
import { fsReason, type Fs } from './fs.js';

/** Files larger than this are skipped unless `--max-file-size` says otherwise (the core's one limit). */
export { DEFAULT_MAX_FILE_SIZE } from '../api/index.js';

export type ReadOutcome =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file' }
  | { kind: 'error'; reason: string };

/** Reads a regular file's bytes, unless it is larger than `maxBytes` (then it is not read at all). */
export function readFileBytes(fs: Fs, path: string, maxBytes: number): ReadOutcome {
  try {
    const st = fs.statSync(path);
    // Why: a FIFO or device would block or never end; only regular files are read.
    if (!st.isFile()) return { kind: 'not-a-file' };
    if (st.size > maxBytes) return { kind: 'too-large', size: st.size };
    const bytes = fs.readFileSync(path);
    if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
    return { kind: 'bytes', bytes };
  } catch (error) {
    return { kind: 'error', reason: fsReason(error) };
  }
}

/** Binary content: a NUL byte in the first 8 KB (as git and grep decide). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes UTF-8 strictly; undefined when the bytes are not valid UTF-8. A byte-order mark is kept in the
 * text (the core skips it when linting), so a file written back after `--fix` keeps it too.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes UTF-8, replacing invalid sequences; only for sniffing whether a file is a plan. */
export function decodeLenient(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}

/** A byte count in words: "5 MB", "120 KB", "900 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${trim(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${trim(n / 1024)} KB`;
  return plural(n, 'byte');
}

function trim(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** The first `n` bytes of a file (fewer when it is shorter), for sniffing whether a file too large to read is a plan. */
export function readHead(fs: Fs, path: string, n: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const buf = new Uint8Array(n);
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Empty: the head is read; a failing close changes nothing for the run.
      }
    }
  }
}
