// The --cache: each plan's problems, kept under a key that changes whenever the result could change.
//
// The key hashes the tool's version, the date the rules take as today, the ids of the rules, the plan's
// resolved config and the plan's text. A plan whose key is unchanged is not linted again. The cache is
// one JSON file, written atomically (a temporary file, then a rename); a missing, unreadable or corrupt
// cache is treated as empty, an entry of the wrong shape is dropped, and a cache that cannot be written is
// skipped with a notice.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION, rules, type LintConfig, type Problem } from '../api/index.js';
import type { Fs } from './fs.js';
import { formatBytes, readFileBytes } from './read.js';
import { writeFileAtomic } from './write.js';

/** Where --cache keeps its file, relative to the current folder, unless --cache-location says otherwise. */
export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'testbed-lint');
/** The cache file inside the cache folder. */
export const CACHE_FILE_NAME = 'lint-cache.json';
const FORMAT = 1;

interface Entry {
  /** The key the problems were found under. */
  k: string;
  /** The problems. */
  p: Problem[];
}

interface CacheFile {
  format: number;
  entries: Record<string, Entry>;
}

export class LintCache {
  private readonly entries: Map<string, Entry>;
  private changed = false;
  private readonly configHashes = new Map<string, string>();

  private constructor(
    private readonly fs: Fs,
    /** The cache folder. */
    readonly dir: string,
    entries: Map<string, Entry>,
  ) {
    this.entries = entries;
  }

  /** The path of the cache file. */
  get file(): string {
    return join(this.dir, CACHE_FILE_NAME);
  }

  /**
   * Loads the cache in `dir`; anything wrong with it (missing, unreadable, corrupt) gives an empty cache, and an entry
   * that is not the shape this version writes is dropped (its plan is linted again). A cache file that is not a
   * regular file or is over CACHE_MAX_BYTES is not read, with a notice.
   */
  static load(fs: Fs, dir: string, onNotice: (message: string) => void = () => {}): LintCache {
    const entries = new Map<string, Entry>();
    const file = join(dir, CACHE_FILE_NAME);
    const read = readFileBytes(fs, file, CACHE_MAX_BYTES);
    if (read.kind === 'not-a-file') onNotice(`the cache ${file} is not a regular file (${read.what}); not used`);
    else if (read.kind === 'too-large') onNotice(`the cache ${file} is over ${formatBytes(CACHE_MAX_BYTES)}; not used`);
    else if (read.kind === 'bytes') {
      try {
        const data = JSON.parse(Buffer.from(read.bytes).toString('utf8')) as Partial<CacheFile> | null;
        if (data && data.format === FORMAT && typeof data.entries === 'object' && data.entries !== null) {
          for (const [path, e] of Object.entries(data.entries)) if (isEntry(e)) entries.set(path, e);
        }
      } catch {
        // Empty: a cache we cannot use; the plans are linted and the cache rewritten.
      }
    }
    return new LintCache(fs, dir, entries);
  }

  /** The key for one plan: version, today, rule ids, resolved config and text. */
  keyFor(text: string, config: LintConfig | undefined, today: string): string {
    const configJson = stableJson(config ?? null);
    let configHash = this.configHashes.get(configJson);
    if (configHash === undefined) {
      configHash = sha256(configJson);
      this.configHashes.set(configJson, configHash);
    }
    const head = [
      `format=${FORMAT}`,
      `version=${VERSION}`,
      `today=${today}`,
      `rules=${RULE_IDS}`,
      `config=${configHash}`,
    ].join('\n');
    return createHash('sha256').update(head).update('\n\n').update(text, 'utf8').digest('hex');
  }

  /** The cached problems for `path`, if they were found under `key`. */
  get(path: string, key: string): Problem[] | undefined {
    const e = this.entries.get(path);
    return e !== undefined && e.k === key ? e.p : undefined;
  }

  set(path: string, key: string, problems: Problem[]): void {
    this.entries.set(path, { k: key, p: problems });
    this.changed = true;
  }

  /** Writes the cache if it changed. Throws on failure (the caller turns that into a notice). */
  save(): void {
    if (!this.changed) return;
    mkdirSync(this.dir, { recursive: true });
    const data: CacheFile = { format: FORMAT, entries: Object.fromEntries(this.entries) };
    writeFileAtomic(this.fs, this.file, JSON.stringify(data));
    this.changed = false;
  }
}

const RULE_IDS = rules.map((r) => r.meta.id).join(',');

/** Larger cache files are not read (a notice says so): about 100,000 plans' worth of problems. */
export const CACHE_MAX_BYTES = 256 * 1024 * 1024;

// Why: the cache file is only data on disk; anyone (or a crash, or another version) may have written it, and a
// Problem of the wrong shape would crash the formatters. Each entry is checked field by field.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isSpan = (v: unknown) => isObject(v) && isCount(v.start) && isCount(v.end) && v.start <= v.end;
const isEdit = (v: unknown) => isObject(v) && isSpan(v.span) && typeof v.text === 'string';
const isFix = (v: unknown) =>
  isObject(v) && typeof v.title === 'string' && Array.isArray(v.edits) && v.edits.every(isEdit);
const isPlace = (v: Record<string, unknown>) =>
  isSpan(v.span) && [v.line, v.column, v.endLine, v.endColumn].every((n) => isCount(n) && n >= 1);
const isRelated = (v: unknown) => isObject(v) && typeof v.message === 'string' && isPlace(v);
const SEVERITY_NAMES: readonly unknown[] = ['error', 'warning', 'info'];

/** Whether `v` is a Problem as this version writes it. */
export function isProblem(v: unknown): v is Problem {
  return (
    isObject(v) &&
    typeof v.ruleId === 'string' &&
    SEVERITY_NAMES.includes(v.severity) &&
    typeof v.messageId === 'string' &&
    typeof v.message === 'string' &&
    typeof v.docsUrl === 'string' &&
    isPlace(v) &&
    (v.fix === undefined || isFix(v.fix)) &&
    (v.suggestions === undefined || (Array.isArray(v.suggestions) && v.suggestions.every(isFix))) &&
    (v.related === undefined || (Array.isArray(v.related) && v.related.every(isRelated)))
  );
}

function isEntry(e: unknown): e is Entry {
  return isObject(e) && typeof e.k === 'string' && Array.isArray(e.p) && e.p.every(isProblem);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted, so equal configs hash equally whatever order their keys came in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
