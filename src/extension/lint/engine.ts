// Where the editor's lints run. The controller hands each lint to a LintEngine: in-thread (unit tests, and the
// fallback where no worker can start), or in workers (worker-engine.ts; desktop: node:worker_threads, web: a nested
// web worker), so a huge plan never freezes the extension host. This file holds the engine's interface, the in-thread
// engine, and the worker's side of the protocol (serveLints). Pure: no `vscode`, no Node built-ins.
import {
  createSession,
  LineIndex,
  lintDetailed,
  rules,
  summarizePlan,
  type LintOptions,
  type PlanDocument,
  type PlanSummary,
  type Problem,
} from '../../api/index.js';

/** One lint: the document's text at `version`, with serialisable options (no callbacks). */
export interface LintRequest {
  /** The document's URI string: a newer request with the same key supersedes a queued older one. */
  key: string;
  path: string;
  text: string;
  version: number;
  options: Omit<LintOptions, 'filePath' | 'onRuleError'>;
  /**
   * A file read once for the plans view: linted without keeping incremental state for its path, and answered with
   * the plan's summary as of this day (YYYY-MM-DD) instead of its document.
   */
  summarize?: string;
  /** With `summarize`: the warnings of the plan's config (a config with errors), which the summary counts. */
  configWarnings?: number;
}

export interface LintReply {
  problems: Problem[];
  /** The parsed plan; not for a `summarize` request. */
  doc: PlanDocument;
  /** The plan's summary, for a `summarize` request. */
  summary?: PlanSummary;
  /** Rules that threw: their id and the error's stack or message. */
  crashes: { ruleId: string; error: string }[];
}

export interface LintEngine {
  /** Resolves with the lint, or undefined when it was superseded by a newer request or its worker died. */
  lint(request: LintRequest): Promise<LintReply | undefined>;
  /** Forgets a closed document's incremental state. */
  close(path: string): void;
  dispose(): void;
}

/** Lints on the calling thread with one incremental session. */
export class InThreadEngine implements LintEngine {
  private readonly session = createSession();
  lint(r: LintRequest): Promise<LintReply | undefined> {
    const { problems, document, crashes, summary } = lintOf(this.session, r);
    return Promise.resolve({
      problems,
      doc: document,
      crashes: crashes.map((c) => ({ ruleId: c.ruleId, error: errorText(c.error) })),
      ...(summary ? { summary } : {}),
    });
  }
  close(path: string): void {
    this.session.close(path);
  }
  dispose(): void {}
}

function lintOf(
  session: ReturnType<typeof createSession>,
  r: LintRequest,
): ReturnType<typeof lintDetailed> & { summary?: PlanSummary } {
  if (r.summarize === undefined) return session.lintDetailed(r.path, r.text, r.options);
  const result = lintDetailed(r.text, { ...r.options, filePath: r.path });
  return {
    ...result,
    summary: summarizePlan(result.document, result.problems, r.summarize, r.options.config, r.configWarnings),
  };
}

export const errorText = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

/** A worker's lane: `large` lints plans over HEAVY_CHARS (worker-engine.ts), `normal` the others. */
export type LaneName = 'normal' | 'large';

// ---- The protocol between the extension host and a lint worker (plain, structured-clone-able data). ----

export type ToWorker =
  | { type: 'lint'; id: number; request: LintRequest }
  | { type: 'close'; path: string }
  | { type: 'exit' }
  // For the real VS Code suite: makes a rule's check throw in the worker (undefined: restores it).
  | { type: 'breakRule'; ruleId: string | undefined }
  // For the real VS Code suite: a plan whose text holds `hang` never finishes its lint; one holding `crash` ends the worker.
  | ({ type: 'faults' } & Faults);
/** Test-only faults of a worker (WorkerEngine.injectFaults): markers in a plan's text that make its lint hang or crash. */
export interface Faults {
  hang?: string;
  crash?: string;
}
export type FromWorker =
  | {
      type: 'done';
      id: number;
      problems: Problem[];
      doc: string;
      crashes: { ruleId: string; error: string }[];
      summary?: PlanSummary;
    }
  | { type: 'failed'; id: number; error: string }
  // A web worker that closes itself says so first (the page sees no exit event).
  | { type: 'exiting' }
  // Sent once, when the worker's script has loaded: lints' watchdogs run from then (worker-engine.ts).
  | { type: 'ready' };

/** The worker's side: answers lint requests with one incremental session. `exit` ends the worker (tests use it). */
export function serveLints(post: (m: FromWorker) => void, exit: () => void): (m: ToWorker) => void {
  const session = createSession();
  const broken = new Map<string, (typeof rules)[number]['check']>();
  let faults: Faults = {};
  post({ type: 'ready' });
  return (m) => {
    if (m.type === 'exit') return exit();
    if (m.type === 'faults') {
      faults = { ...(m.hang ? { hang: m.hang } : {}), ...(m.crash ? { crash: m.crash } : {}) };
      return;
    }
    if (m.type === 'breakRule') {
      for (const [id, check] of broken) rules.find((r) => r.meta.id === id)!.check = check;
      broken.clear();
      const rule = rules.find((r) => r.meta.id === m.ruleId);
      if (rule) {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on the same rule object above: same `this`
        broken.set(rule.meta.id, rule.check);
        rule.check = () => {
          throw new Error('injected failure');
        };
      }
      return;
    }
    if (m.type === 'close') return session.close(m.path);
    if (faults.crash && m.request.text.includes(faults.crash)) return exit();
    // A lint that never ends, as a pathological plan's would: only the watchdog (terminate) gets the worker back.
    if (faults.hang && m.request.text.includes(faults.hang)) {
      for (;;) {
        // Empty: spins until the worker is terminated.
      }
    }
    try {
      const { problems, document, crashes, summary } = lintOf(session, m.request);
      const crashed = crashes.map((c) => ({ ruleId: c.ruleId, error: errorText(c.error) }));
      // A summary (the plans view) is all that crosses back: no document to rebuild on the host's thread.
      if (summary) return post({ type: 'done', id: m.id, problems, doc: '', crashes: crashed, summary });
      // Why: the document goes as one JSON string, parsed only when a provider (hover, completion) asks for it: a
      // string crosses threads as one copy, where a cloned object graph of a huge plan would be rebuilt on the host's thread.
      const { lines: _lines, ...rest } = document;
      post({ type: 'done', id: m.id, problems, doc: JSON.stringify(rest), crashes: crashed });
    } catch (error) {
      post({ type: 'failed', id: m.id, error: errorText(error) });
    }
  };
}

/** A reply's document, rebuilt lazily (line index included) the first time it is read. */
export function lazyDoc(json: string): () => PlanDocument {
  let doc: PlanDocument | undefined;
  return () => {
    if (!doc) {
      const d = JSON.parse(json) as PlanDocument;
      d.lines = new LineIndex(d.text);
      doc = d;
    }
    return doc;
  };
}
