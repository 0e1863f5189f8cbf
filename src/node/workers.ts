// Linting many plans on worker threads: the main thread lints too, the workers take the rest, and the
// outcomes come back in the order the jobs were given, so the report is the same as a serial run's.
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fixText, lintDetailed, runFor, type LintConfig, type LintOptions, type Problem } from '../api/index.js';

/** One plan to lint: everything a worker needs, as plain data. */
export interface LintJob {
  filePath: string;
  text: string;
  config?: LintConfig;
  today?: string;
  /** Work out fixes (--fix, --fix-dry-run) instead of only linting. */
  fix: boolean;
}

/** What linting one plan gave; plain data, so it crosses threads unchanged. */
export interface LintOutcome {
  problems: Problem[];
  /** The fixed text, when fixing changed it. */
  output?: string;
  /** Rules that threw, with the first line of their error. */
  crashes: { ruleId: string; message: string }[];
  /** The first line of an error that stopped the whole lint of this plan. */
  error?: string;
}

const WORKER_MARK = 'testbed-lint/lint-worker';

/** The young generation of a worker's heap, in MB (V8's default is larger: up to 3 × 16 MB). */
const WORKER_YOUNG_MB = 4;

/** Counts for tests and benchmarks: workers started, and plans linted on them (since the process started). */
export const workerStats = { started: 0, jobs: 0 };

/**
 * This thread's lint run for the config of its last job, kept while the jobs' config stays the same (a CLI run lints
 * hundreds of plans under one or a few configs): the rules' word lists are compiled once, not for every plan.
 */
let kept: { json: string; run: ReturnType<typeof runFor> } | undefined;

function runOf(config: LintConfig | undefined): ReturnType<typeof runFor> {
  const json = JSON.stringify(config ?? null);
  if (kept?.json !== json) kept = { json, run: runFor(config) };
  return kept.run;
}

/** Lints one job on this thread. Never throws. */
export function lintJob(job: LintJob): LintOutcome {
  const crashes = new Map<string, string>();
  const options: LintOptions = {
    filePath: job.filePath,
    onRuleError: (c) => crashes.set(c.ruleId, firstLine(c.error)),
  };
  if (job.config !== undefined) options.config = job.config;
  if (job.today !== undefined) options.today = job.today;
  const outcome: LintOutcome = { problems: [], crashes: [] };
  try {
    const run = runOf(job.config);
    if (job.fix) {
      const r = fixText(job.text, options, run);
      outcome.problems = r.problems;
      if (r.text !== job.text) outcome.output = r.text;
    } else outcome.problems = lintDetailed(job.text, options, run).problems;
  } catch (error) {
    outcome.error = firstLine(error);
  }
  for (const [ruleId, message] of crashes) outcome.crashes.push({ ruleId, message });
  return outcome;
}

/** How many threads `--concurrency auto` uses: one per core. */
export function defaultThreads(): number {
  const n = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, n);
}

/** Below these, starting a worker (loading the bundle: ~0.1 s) costs more than it saves. */
export const PARALLEL_MIN_FILES = 8;
export const PARALLEL_MIN_BYTES = 256 * 1024;

/**
 * The script a worker runs: this very bundle (dist/cli.js), which serves lint jobs when started as a
 * worker. Undefined when running from TypeScript sources (tests): then everything runs on this thread.
 */
export function workerScript(): string | undefined {
  let file: string | undefined;
  if (typeof __filename === 'string') file = __filename;
  else {
    try {
      file = fileURLToPath(import.meta.url);
    } catch {
      return undefined;
    }
  }
  return /\.c?js$/.test(file) ? file : undefined;
}

export interface LintAllOptions {
  /** Threads in all, this one included; 1: no workers. */
  threads: number;
  /** Use workers even for small inputs (tests of the parallel path). */
  force?: boolean;
}

/** Lints every job and returns the outcomes in the jobs' order. Falls back to this thread if a worker fails. */
export async function lintAll(jobs: LintJob[], o: LintAllOptions): Promise<LintOutcome[]> {
  const script = workerScript();
  const bytes = jobs.reduce((n, j) => n + j.text.length, 0);
  const small = jobs.length < PARALLEL_MIN_FILES || bytes < PARALLEL_MIN_BYTES;
  const workerCount = Math.min(o.threads, jobs.length) - 1;
  if (script === undefined || workerCount < 1 || (small && !o.force)) return jobs.map(lintJob);
  return new Pool(jobs, script, workerCount).run();
}

interface PoolWorker {
  worker: Worker;
  inFlight: Set<number>;
  bytes: number;
  dead: boolean;
}

class Pool {
  private readonly results: (LintOutcome | undefined)[];
  /** Each job's text length; the texts themselves are let go once a thread has them. */
  private readonly sizes: number[];
  /** Job indexes, largest first, so the big plans do not end up last on one thread. */
  private readonly queue: number[];
  private done = 0;
  private readonly workers: PoolWorker[] = [];
  private wake: (() => void) | undefined;

  constructor(
    private readonly jobs: LintJob[],
    private readonly script: string,
    private readonly workerCount: number,
  ) {
    this.results = new Array<LintOutcome | undefined>(jobs.length);
    this.sizes = jobs.map((j) => j.text.length);
    this.queue = jobs.map((_, i) => i).sort((a, b) => this.sizes[b]! - this.sizes[a]! || a - b);
  }

  async run(): Promise<LintOutcome[]> {
    for (let n = 0; n < this.workerCount; n++) this.start();
    // Why: this thread lints too, one job at a time, yielding in between so worker replies are handled.
    while (this.done < this.jobs.length) {
      const i = this.queue.shift();
      if (i !== undefined) {
        this.finish(i, lintJob(this.jobs[i]!));
        await new Promise((r) => setImmediate(r));
      } else await new Promise<void>((r) => (this.wake = r));
    }
    await Promise.all(this.workers.filter((w) => !w.dead).map((w) => w.worker.terminate().catch(() => undefined)));
    return this.results as LintOutcome[];
  }

  private start(): void {
    let worker: Worker;
    try {
      // Why: a small young generation keeps the worker's heap (and the process's peak memory) down; the
      // parser's garbage is short-lived, and measured on the benchmark corpus it costs no noticeable time.
      worker = new Worker(this.script, {
        workerData: { [WORKER_MARK]: true },
        stdout: true,
        stderr: true,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      });
    } catch {
      return;
    }
    const w: PoolWorker = { worker, inFlight: new Set(), bytes: 0, dead: false };
    this.workers.push(w);
    workerStats.started++;
    worker.on('message', (m: { index: number; outcome: LintOutcome }) => {
      w.inFlight.delete(m.index);
      workerStats.jobs++;
      w.bytes -= this.sizes[m.index]!;
      this.finish(m.index, m.outcome);
      this.feed(w);
    });
    const lost = () => {
      if (w.dead) return;
      w.dead = true;
      // Why: whatever the worker had not finished goes back to the queue, for this thread to lint.
      for (const i of w.inFlight) if (this.results[i] === undefined) this.queue.unshift(i);
      w.inFlight.clear();
      this.poke();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.feed(w);
  }

  /** Keeps a worker busy: a few jobs (or ~0.5 MB) queued, so it does not idle while this thread lints. */
  private feed(w: PoolWorker): void {
    while (
      !w.dead &&
      this.queue.length > 0 &&
      (w.inFlight.size < 2 || (w.inFlight.size < 16 && w.bytes < 512 * 1024))
    ) {
      const i = this.queue.shift()!;
      w.inFlight.add(i);
      w.bytes += this.sizes[i]!;
      try {
        w.worker.postMessage({ index: i, job: this.jobs[i] });
      } catch {
        w.inFlight.delete(i);
        this.queue.unshift(i);
        w.dead = true;
      }
    }
  }

  private finish(i: number, outcome: LintOutcome): void {
    if (this.results[i] !== undefined) return;
    this.results[i] = outcome;
    // Why: a finished job's text is not needed again; letting it go keeps the peak memory down.
    this.jobs[i] = { ...this.jobs[i]!, text: '' };
    this.done++;
    this.poke();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * In a worker started by lintAll: serves lint jobs and returns true. On the main thread: returns false.
 * The CLI's entry point calls this first, so the one bundle serves as both program and worker.
 */
export function serveLintWorker(): boolean {
  if (isMainThread || parentPort === null || !(workerData as Record<string, unknown> | null)?.[WORKER_MARK])
    return false;
  const port = parentPort;
  port.on('message', (m: { index: number; job: LintJob }) =>
    port.postMessage({ index: m.index, outcome: lintJob(m.job) }),
  );
  return true;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}
