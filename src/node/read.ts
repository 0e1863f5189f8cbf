// Reading a file for linting: regular files only, a size cap, binary sniffing, strict decoding (UTF-8, UTF-16 with a BOM).
import { constants as nodeConstants } from 'node:fs';
import { plural } from '../api/index.js';
import { fsReason, specialKind, type Fs } from './fs.js';

/** Files larger than this are skipped unless `--max-file-size` says otherwise (the core's one limit). */
export { DEFAULT_MAX_FILE_SIZE } from '../api/index.js';

export type ReadOutcome =
  | { kind: 'bytes'; bytes: Uint8Array; mode: number }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'error'; reason: string };

// Why: opening a FIFO for reading blocks until a writer comes; O_NONBLOCK makes the open return so fstat can tell.
// It changes nothing for a regular file. (Windows has no such flag, and no FIFOs in the file system.)
const OPEN_FLAGS = nodeConstants.O_RDONLY | (nodeConstants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file's bytes, at most `maxBytes` of them. The file is opened first and the opened handle is
 * checked (fstat), so a file swapped for a FIFO, a device or a link to one between a check and the read is never
 * read: only a regular file is, and never past `maxBytes` + 1 bytes, whatever its size claims (a file that grows
 * while it is read, /proc files that claim 0 bytes).
 */
export function readFileBytes(fs: Fs, path: string, maxBytes: number): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { kind: 'not-a-file', what: specialKind(st) };
    if (st.size > maxBytes) return { kind: 'too-large', size: st.size };
    const limit = maxBytes + 1;
    // Why: sized from fstat plus one byte, so reading the end is one call; grown (up to the cap) if the file grows.
    let buf = Buffer.allocUnsafe(Math.min(limit, st.size + 1));
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got >= limit) return { kind: 'too-large', size: got };
        const bigger = Buffer.allocUnsafe(Math.min(limit, buf.length * 2));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return { kind: 'bytes', bytes: buf.subarray(0, got), mode: st.mode & 0o7777 };
  } catch (error) {
    return { kind: 'error', reason: fsReason(error) };
  } finally {
    if (fd !== undefined) closeQuietly(fs, fd);
  }
}

function closeQuietly(fs: Fs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Empty: what was read is read; a failing close changes nothing for the run.
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

/** How a plan's text is stored on disk; `--fix` writes it back the same way. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  /** `text`: the bytes decoded leniently; `offset`: where in it the first bad byte is; `detail`: what is wrong, in words. */
  | { ok: false; text: string; offset: number; detail: string };

/**
 * Decodes a plan's bytes as editors do: UTF-16 (LE or BE) when they start with its byte-order mark, else UTF-8. The
 * byte-order mark stays in the text as U+FEFF (the core skips it, `--fix` writes it back). Bytes that are not text
 * (invalid UTF-8 or UTF-16, a NUL) give where the first bad one is, for a located finding.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf16be' : undefined;
  if (utf16 !== undefined) return decodeUtf16(bytes, utf16);
  const bad = firstBadUtf8(bytes);
  const nul = bytes.indexOf(0);
  if (bad === -1 && nul === -1) return { ok: true, text: strict.decode(bytes), encoding: 'utf8' };
  const at = bad === -1 ? nul : nul === -1 ? bad : Math.min(bad, nul);
  const detail =
    bytes[at] === 0
      ? `a NUL byte (0x00) at byte ${at + 1}`
      : `invalid UTF-8 (byte 0x${hex(bytes[at]!)}) at byte ${at + 1}`;
  // Why: the bytes before `at` are valid UTF-8, so they decode to the same characters in the lenient text.
  return { ok: false, text: lenient.decode(bytes), offset: strict.decode(bytes.subarray(0, at)).length, detail };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): Decoded {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  const le = encoding === 'utf16le' ? even : even.swap16();
  const text = le.toString('utf16le');
  const name = encoding === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  if (bytes.length % 2 === 1)
    return { ok: false, text, offset: text.length, detail: `${name} with an odd number of bytes (${bytes.length})` };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { ok: false, text, offset: i, detail: `a NUL character at byte ${2 * i + 1}` };
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (low || (high && !(text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff))) {
      return { ok: false, text, offset: i, detail: `invalid ${name} (an unpaired surrogate) at byte ${2 * i + 1}` };
    }
    if (high) i++;
  }
  return { ok: true, text, encoding };
}

/** The index of the first byte that does not belong to a valid UTF-8 sequence, or -1 (the rules of the WHATWG decoder). */
export function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Encodes a plan's text (U+FEFF first when it had a byte-order mark) as it was stored. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
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

/** The first `n` bytes of a regular file (fewer when it is shorter), for sniffing whether a file too large to read is a plan. */
export function readHead(fs: Fs, path: string, n: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
    if (!fs.fstatSync(fd).isFile()) return undefined;
    const buf = new Uint8Array(n);
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeQuietly(fs, fd);
  }
}
