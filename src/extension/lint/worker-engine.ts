// The lint workers as the controller sees them: two lanes (normal plans, huge plans), each one worker with a queue, a
// watchdog on the lint in flight, and a restart when the worker dies. Pure: no `vscode`, no Node built-ins; the worker
// itself is behind `Spawn` (start-worker-node.ts, start-worker-web.ts).
import {
  InThreadEngine,
  lazyDoc,
  type Faults,
  type FromWorker,
  type LaneName,
  type LintEngine,
  type LintReply,
  type LintRequest,
  type ToWorker,
} from './engine.js';

/** A started worker, as the engine sees it. */
export interface WorkerChannel {
  post(m: ToWorker): void;
  terminate(): void;
}
/**
 * Starts a worker for a lane; `onMessage` gets its replies, `onExit` fires once when it ends for any reason (crash,
 * out of memory), with `startFailed` when it never started (no worker support here): the lane then lints in-thread.
 */
export type Spawn = (
  onMessage: (m: FromWorker) => void,
  onExit: (reason: string, startFailed?: boolean) => void,
  lane?: LaneName,
) => WorkerChannel;

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

/**
 * How long one lint may run (wall time, from the worker's ready message) before its worker is stopped (terminated and
 * started again) and the plan gets an internal-error finding: 10 s, plus 120 s per million characters, plus 10 s for
 * the first lint of a worker (it compiles as it goes). A normal plan of a few KB gets about 10 s and the largest
 * normal plan (under HEAVY_CHARS) 41 s; their lints take milliseconds, and under a second with 20 processes per core.
 * The 4.7 MB table plan of the real VS Code suite gets 9.6 minutes: its lint takes about 2 s on a quiet machine, but
 * the large-plan worker runs at a low priority (worker-script-node.ts), and with 15 busy processes per core it took
 * 89 s, with 25 over 150 s. Why so long: a lint stopped for being slow is a false alarm, and false alarms are worse
 * than a huge plan waiting (only other huge plans wait behind it). Where lints run in-thread nothing can stop them.
 */
export function lintTimeoutMs(chars: number, firstInWorker = false): number {
  return 10_000 + Math.ceil((chars * 12) / 100) + (firstInWorker ? 10_000 : 0);
}

/** Why a worker was stopped: it ended by itself (crash, out of memory, exit), or its lint overran the watchdog. */
export interface WorkerFailure {
  reason: string;
  /** The lint it was running, if any. */
  request?: LintRequest;
  /** The watchdog stopped it after this many ms (the lint never finished). */
  stuckAfterMs?: number;
}

/** One worker with a queue: one lint in flight; a queued lint is replaced by a newer version of the same document. */
class Lane {
  private worker: WorkerChannel | undefined;
  private inFlight: Pending | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /** The worker said it is ready (its script loaded): a lint's watchdog runs from then, not while the worker starts. */
  private ready = false;
  /** The worker has not run a lint yet (its first lint gets the start-up allowance of lintTimeoutMs). */
  private fresh = false;
  private readonly queue = new Map<string, Pending>();
  private readonly known = new Set<string>();
  private disposed = false;
  /** Set when no worker can start here: lints then run on the calling thread. */
  private fallback: InThreadEngine | undefined;

  constructor(
    private readonly name: LaneName,
    private readonly spawn: Spawn,
    private readonly onFailure: (failure: WorkerFailure) => void,
    private readonly onFallback: (reason: string) => void,
    private readonly timeoutMs: (chars: number, firstInWorker: boolean) => number,
    private readonly faults: () => Faults,
    private readonly held: (requestKey: string) => boolean,
  ) {}

  enqueue(p: Pending): void {
    if (this.disposed) return p.resolve(undefined);
    this.drop(p.request.key);
    this.queue.set(p.request.key, p);
    // A read for a summary keeps no state in the worker: nothing to close later.
    if (p.request.summarize === undefined) this.known.add(p.request.path);
    this.pump();
  }

  /** Drops the queued lint of `key`, if any: it resolves with undefined (superseded). */
  drop(key: string): void {
    this.queue.get(key)?.resolve(undefined);
    this.queue.delete(key);
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
    return p && this.worker
      ? { id: p.id, key: p.request.key, version: p.request.version, chars: p.request.text.length }
      : undefined;
  }

  /** Ends the worker now (tests); the exit is handled as a crash. */
  exit(): void {
    this.worker?.post({ type: 'exit' });
  }

  /** The worker is gone (ended, or stopped by the watchdog): its lint in flight ends unanswered, the queue goes on. */
  private lost(): Pending | undefined {
    clearTimeout(this.watchdog);
    this.worker = undefined;
    this.known.clear();
    const p = this.inFlight;
    this.inFlight = undefined;
    return p;
  }

  private start(): WorkerChannel {
    const w = this.spawn(
      (m) => {
        if (w !== this.worker) return;
        const p = this.inFlight;
        if (m.type === 'ready') {
          this.ready = true;
          if (p) this.arm(p);
          return;
        }
        if (!p || m.type === 'exiting' || p.id !== m.id) return;
        clearTimeout(this.watchdog);
        this.inFlight = undefined;
        if (m.type === 'done') {
          const doc = lazyDoc(m.doc);
          const reply = {
            problems: m.problems,
            crashes: m.crashes,
            ...(m.summary ? { summary: m.summary } : {}),
          } as LintReply;
          Object.defineProperty(reply, 'doc', { get: doc, enumerable: true });
          p.resolve(reply);
        } else {
          this.onFailure({ reason: m.error, request: p.request });
          p.resolve(undefined);
        }
        this.pump();
      },
      (reason, startFailed) => {
        if (w !== this.worker) return;
        const p = this.lost();
        if (startFailed && !this.disposed) {
          this.fallback = new InThreadEngine();
          this.onFallback(reason);
          if (p && this.queue.has(p.request.key)) p.resolve(undefined);
          else if (p) this.queue.set(p.request.key, p);
        } else {
          p?.resolve(undefined);
          if (!this.disposed) this.onFailure({ reason, ...(p ? { request: p.request } : {}) });
        }
        this.pump();
      },
      this.name,
    );
    this.ready = false;
    this.fresh = true;
    const faults = this.faults();
    if (faults.hang !== undefined || faults.crash !== undefined) w.post({ type: 'faults', ...faults });
    return w;
  }

  /**
   * Starts the watchdog of the lint in flight. Why only once the worker is ready: a worker that starts on a loaded
   * machine (a web worker fetches and compiles its script) took over 20 s before it could lint anything.
   */
  private arm(p: Pending): void {
    clearTimeout(this.watchdog);
    const ms = this.timeoutMs(p.request.text.length, this.fresh);
    this.fresh = false;
    this.watchdog = setTimeout(() => this.stuck(p, ms), ms);
  }

  /**
   * The watchdog fired: the worker is stopped and started again for the next lint; the stuck one is reported. A lint
   * of the same version queued meanwhile (the document opened again, a settings change) is dropped: it would only
   * get stuck again.
   */
  private stuck(p: Pending, ms: number): void {
    if (this.inFlight !== p || !this.worker) return;
    const w = this.worker;
    this.lost();
    w.terminate();
    p.resolve(undefined);
    const again = this.queue.get(p.request.key);
    if (again?.request.version === p.request.version && again.request.text === p.request.text) this.drop(p.request.key);
    this.onFailure({
      reason: `its lint did not finish in ${(ms / 1000).toFixed(1)} s`,
      request: p.request,
      stuckAfterMs: ms,
    });
    this.pump();
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
    // Why here, as it is sent: a lint queued before its plan was quarantined (a provider asked for the plan's current
    // lint while the lint that crashed for the third time ran) passed the controller's check before the quarantine
    // existed. It ends unanswered, as a superseded one; the controller publishes the quarantine's finding itself.
    if (this.held(p.request.key)) {
      p.resolve(undefined);
      return this.pump();
    }
    if (this.fallback) {
      void this.fallback.lint(p.request).then(p.resolve);
      return this.pump();
    }
    this.worker ??= this.start();
    this.inFlight = p;
    if (this.ready) this.arm(p);
    try {
      this.worker.post({ type: 'lint', id: p.id, request: p.request });
    } catch (error) {
      // A request that cannot be sent (not cloneable) fails alone; the lane goes on with the next.
      clearTimeout(this.watchdog);
      this.inFlight = undefined;
      p.reject(error);
      this.pump();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.watchdog);
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
 * another plan. A worker that dies (crash, out of memory) is started again for the next lint; one whose lint runs
 * past `timeoutMs` (lintTimeoutMs) is stopped and started again. Either way the lints queued behind it go on, and
 * `onFailure` names the lint that was running. `held` names the plans that are sent to no worker (quarantined): it is
 * asked as each lint is about to be sent, so no lint of such a plan reaches a worker, whenever it was queued.
 */
export class WorkerEngine implements LintEngine {
  private nextId = 1;
  private readonly lanes: [Lane, Lane];
  private faults: Faults = {};

  constructor(
    spawn: Spawn,
    onFailure: (failure: WorkerFailure) => void,
    onFallback: (reason: string) => void,
    timeoutMs = lintTimeoutMs,
    held: (requestKey: string) => boolean = () => false,
  ) {
    const lane = (name: LaneName) => new Lane(name, spawn, onFailure, onFallback, timeoutMs, () => this.faults, held);
    this.lanes = [lane('normal'), lane('large')];
  }

  lint(request: LintRequest): Promise<LintReply | undefined> {
    const heavy = request.text.length > HEAVY_CHARS ? 1 : 0;
    // A plan that moved lanes (it grew or shrank past the line) leaves no queued lint behind in the other one: that
    // older version would only be linted to be thrown away. (One already running there finishes, and is not shown.)
    this.lanes[1 - heavy]!.drop(request.key);
    return new Promise((resolve, reject) => this.lanes[heavy].enqueue({ id: this.nextId++, request, resolve, reject }));
  }

  close(path: string): void {
    for (const l of this.lanes) l.close(path);
  }

  /** Makes a rule throw in the running workers; undefined restores it (for tests). */
  breakRule(ruleId: string | undefined): void {
    for (const l of this.lanes) l.send({ type: 'breakRule', ruleId });
  }

  /** Makes lints of plans holding these markers hang or crash, in the running workers and every one started later (tests). */
  injectFaults(faults: Faults): void {
    this.faults = { ...faults };
    for (const l of this.lanes) l.send({ type: 'faults', ...this.faults });
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
