// Where the editor's lints run. The controller hands each lint to a LintEngine: in-thread (unit tests, and the
// fallback where no worker can start), or in workers (desktop: node:worker_threads, web: a nested web worker), so a
// huge plan never freezes the extension host. Pure: no `vscode`, no Node built-ins; the worker itself is behind `Spawn`.
import { createSession, LineIndex, lintDetailed, rules, summarizePlan, type LintOptions, type PlanDocument, type PlanSummary, type Problem } from '../api/index.js';

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
    return Promise.resolve({ problems, doc: document, crashes: crashes.map((c) => ({ ruleId: c.ruleId, error: errorText(c.error) })), ...(summary ? { summary } : {}) });
  }
  close(path: string): void {
    this.session.close(path);
  }
  dispose(): void {}
}

function lintOf(session: ReturnType<typeof createSession>, r: LintRequest): ReturnType<typeof lintDetailed> & { summary?: PlanSummary } {
  if (r.summarize === undefined) return session.lintDetailed(r.path, r.text, r.options);
  const result = lintDetailed(r.text, { ...r.options, filePath: r.path });
  return { ...result, summary: summarizePlan(result.document, result.problems, r.summarize, r.options.config) };
}

export const errorText = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

// ---- The protocol between the extension host and a lint worker (plain, structured-clone-able data). ----

export type ToWorker =
  | { type: 'lint'; id: number; request: LintRequest }
  | { type: 'close'; path: string }
  | { type: 'exit' }
  // For the real VS Code suite: makes a rule's check throw in the worker (undefined: restores it).
  | { type: 'breakRule'; ruleId: string | undefined };
export type FromWorker =
  | { type: 'done'; id: number; problems: Problem[]; doc: string; crashes: { ruleId: string; error: string }[]; summary?: PlanSummary }
  | { type: 'failed'; id: number; error: string }
  // A web worker that closes itself says so first (the page sees no exit event).
  | { type: 'exiting' };

/** The worker's side: answers lint requests with one incremental session. `exit` ends the worker (tests use it). */
export function serveLints(post: (m: FromWorker) => void, exit: () => void): (m: ToWorker) => void {
  const session = createSession();
  const broken = new Map<string, (typeof rules)[number]['check']>();
  return (m) => {
    if (m.type === 'exit') return exit();
    if (m.type === 'breakRule') {
      for (const [id, check] of broken) rules.find((r) => r.meta.id === id)!.check = check;
      broken.clear();
      const rule = rules.find((r) => r.meta.id === m.ruleId);
      if (rule) {
        broken.set(rule.meta.id, rule.check);
        rule.check = () => {
          throw new Error('injected failure');
        };
      }
      return;
    }
    if (m.type === 'close') return session.close(m.path);
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

/** A started worker, as the engine sees it. */
export interface WorkerChannel {
  post(m: ToWorker): void;
  terminate(): void;
}
/**
 * Starts a worker for a lane; `onMessage` gets its replies, `onExit` fires once when it ends for any reason (crash,
 * out of memory), with `startFailed` when it never started (no worker support here): the lane then lints in-thread.
 */
export type Spawn = (onMessage: (m: FromWorker) => void, onExit: (reason: string, startFailed?: boolean) => void, lane?: LaneName) => WorkerChannel;
/** `large`: the lane of plans over HEAVY_CHARS. */
export type LaneName = 'normal' | 'large';

/** Above this many characters a plan is linted in the second lane, so a long lint never queues a normal plan's. */
export const HEAVY_CHARS = 256 * 1024;

/** A lint a worker is working on (for tests): `id` is unique per request, so two sightings of one id span one lint. */
export interface LintInFlight {
  id: number;
  key: string;
  version: number;
  chars: number;
}

interface Pending {
  id: number;
  request: LintRequest;
  resolve: (r: LintReply | undefined) => void;
  reject: (error: unknown) => void;
}

/** One worker with a queue: one lint in flight; a queued lint is replaced by a newer version of the same document. */
class Lane {
  private worker: WorkerChannel | undefined;
  private inFlight: Pending | undefined;
  private readonly queue = new Map<string, Pending>();
  private readonly known = new Set<string>();
  private disposed = false;
  /** Set when no worker can start here: lints then run on the calling thread. */
  private fallback: InThreadEngine | undefined;

  constructor(
    private readonly name: LaneName,
    private readonly spawn: Spawn,
    private readonly onCrash: (reason: string, request: LintRequest | undefined) => void,
    private readonly onFallback: (reason: string) => void,
  ) {}

  enqueue(p: Pending): void {
    if (this.disposed) return p.resolve(undefined);
    this.queue.get(p.request.key)?.resolve(undefined);
    this.queue.delete(p.request.key);
    this.queue.set(p.request.key, p);
    // A read for a summary keeps no state in the worker: nothing to close later.
    if (p.request.summarize === undefined) this.known.add(p.request.path);
    this.pump();
  }

  close(path: string): void {
    this.fallback?.close(path);
    if (this.known.delete(path)) this.worker?.post({ type: 'close', path });
  }

  /** Sends a message to the running worker, if any (tests). */
  send(m: ToWorker): void {
    this.worker?.post(m);
  }

  /** The lint posted to this lane's worker and not answered yet (tests). */
  running(): LintInFlight | undefined {
    const p = this.inFlight;
    return p && this.worker ? { id: p.id, key: p.request.key, version: p.request.version, chars: p.request.text.length } : undefined;
  }

  /** Ends the worker now (tests); the exit is handled as a crash. */
  exit(): void {
    this.worker?.post({ type: 'exit' });
  }

  private start(): WorkerChannel {
    const w = this.spawn(
      (m) => {
        if (w !== this.worker) return;
        const p = this.inFlight;
        if (!p || m.type === 'exiting' || p.id !== m.id) return;
        this.inFlight = undefined;
        if (m.type === 'done') {
          const doc = lazyDoc(m.doc);
          const reply = { problems: m.problems, crashes: m.crashes, ...(m.summary ? { summary: m.summary } : {}) } as LintReply;
          Object.defineProperty(reply, 'doc', { get: doc, enumerable: true });
          p.resolve(reply);
        } else {
          this.onCrash(m.error, p.request);
          p.resolve(undefined);
        }
        this.pump();
      },
      (reason, startFailed) => {
        if (w !== this.worker) return;
        this.worker = undefined;
        this.known.clear();
        const p = this.inFlight;
        this.inFlight = undefined;
        if (startFailed && !this.disposed) {
          this.fallback = new InThreadEngine();
          this.onFallback(reason);
          if (p && this.queue.has(p.request.key)) p.resolve(undefined);
          else if (p) this.queue.set(p.request.key, p);
        } else {
          p?.resolve(undefined);
          if (!this.disposed) this.onCrash(reason, p?.request);
        }
        this.pump();
      },
      this.name,
    );
    return w;
  }

  private pump(): void {
    if (this.disposed || this.inFlight) return;
    // Why: an open plan's lint (a keystroke) goes before the plans view's summaries, which may be many and queued first.
    let p: Pending | undefined;
    for (const q of this.queue.values()) {
      if (q.request.summarize === undefined) {
        p = q;
        break;
      }
      p ??= q;
    }
    if (!p) return;
    this.queue.delete(p.request.key);
    if (this.fallback) {
      void this.fallback.lint(p.request).then(p.resolve);
      return this.pump();
    }
    this.worker ??= this.start();
    this.inFlight = p;
    try {
      this.worker.post({ type: 'lint', id: p.id, request: p.request });
    } catch (error) {
      // A request that cannot be sent (not cloneable) fails alone; the lane goes on with the next.
      this.inFlight = undefined;
      p.reject(error);
      this.pump();
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const p of this.queue.values()) p.resolve(undefined);
    this.queue.clear();
    this.inFlight?.resolve(undefined);
    this.inFlight = undefined;
    const w = this.worker;
    this.worker = undefined;
    w?.terminate();
  }
}

/**
 * Lints in two workers, started when first needed: one for normal plans, one for huge ones (over HEAVY_CHARS
 * characters), so a plan that takes seconds gets its diagnostics late but never delays a keystroke's lint in
 * another plan. A worker that dies (crash, out of memory) is started again on the next request.
 */
export class WorkerEngine implements LintEngine {
  private nextId = 1;
  private readonly lanes: [Lane, Lane];

  constructor(spawn: Spawn, onCrash: (reason: string, request: LintRequest | undefined) => void, onFallback: (reason: string) => void) {
    this.lanes = [new Lane('normal', spawn, onCrash, onFallback), new Lane('large', spawn, onCrash, onFallback)];
  }

  lint(request: LintRequest): Promise<LintReply | undefined> {
    const heavy = request.text.length > HEAVY_CHARS ? 1 : 0;
    // A plan that moved lanes (it grew or shrank past the line) leaves no queued lint behind in the other one.
    return new Promise((resolve, reject) => this.lanes[heavy].enqueue({ id: this.nextId++, request, resolve, reject }));
  }

  close(path: string): void {
    for (const l of this.lanes) l.close(path);
  }

  /** Makes a rule throw in the running workers; undefined restores it (for tests). */
  breakRule(ruleId: string | undefined): void {
    for (const l of this.lanes) l.send({ type: 'breakRule', ruleId });
  }

  /** The lints the workers are working on now, by lane (for tests: proves a long lint was running at a moment). */
  inFlight(): { normal?: LintInFlight; large?: LintInFlight } {
    const [normal, large] = this.lanes.map((l) => l.running());
    return { ...(normal ? { normal } : {}), ...(large ? { large } : {}) };
  }

  /** Makes every worker exit, as a crash would (for tests). */
  exitWorkers(): void {
    for (const l of this.lanes) l.exit();
  }

  dispose(): void {
    for (const l of this.lanes) l.dispose();
  }
}
