// An editor's lint session: the state its lints share lives here, owned by the session and dropped with it.
import type { LintConfig } from '../core/config.js';
import { ParseSession } from '../core/parse/index.js';
import type { LintRun } from '../core/run.js';
import type { Problem } from '../core/types.js';
import { lintWith, runFor, type LintOptions, type LintResult } from './lint.js';

/** An editor's lint session: it keeps each document's parsed blocks and re-parses only the blocks an edit changed. */
export interface LintSession {
  /** Lints the text of the document `uri` (its extension picks the form); the same result as `lint()`. */
  lint(uri: string, text: string, options?: Omit<LintOptions, 'filePath'>): Problem[];
  /** As `lint`, with the parsed document and rule crashes. */
  lintDetailed(uri: string, text: string, options?: Omit<LintOptions, 'filePath'>): LintResult;
  /** How many blocks the last lint of `uri` had to parse (the rest were reused). */
  parsedBlocks(uri: string): number;
  /** Forgets a document (call when it is closed). */
  close(uri: string): void;
}

/**
 * Creates a lint session. Pure: no I/O; memory is the parsed blocks of the documents still open and one lint run
 * (the config resolved, the rules' matchers built), kept while the config stays the same. Why: an editor lints on
 * every keystroke with the same config; resolving it and building the matchers each time was a twentieth of a re-lint.
 */
export function createSession(): LintSession {
  const caches = new Map<string, ParseSession>();
  const cacheOf = (uri: string) => {
    let c = caches.get(uri);
    if (!c) caches.set(uri, (c = new ParseSession()));
    return c;
  };
  // Keyed by the config's JSON: a config posted to a worker is a new object each time, with the same content.
  let last: { json: string; run: LintRun } | undefined;
  const runOf = (config: LintConfig | undefined): LintRun => {
    const json = config === undefined ? '' : JSON.stringify(config);
    if (last?.json !== json) last = { json, run: runFor(config) };
    return last.run;
  };
  const lintDetailedIn = (uri: string, text: string, options?: Omit<LintOptions, 'filePath'>) =>
    lintWith(text, { ...options, filePath: uri }, cacheOf(uri), runOf(options?.config));
  return {
    lintDetailed: lintDetailedIn,
    lint: (uri, text, options) => lintDetailedIn(uri, text, options).problems,
    parsedBlocks: (uri) => caches.get(uri)?.parsedLastTime ?? 0,
    close: (uri) => {
      caches.delete(uri);
    },
  };
}
