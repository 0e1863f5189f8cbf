// The editor's memory of plans whose lint stopped the lint worker (it crashed, or the watchdog stopped a lint that
// never finished). A plan that does so QUARANTINE_AFTER times within QUARANTINE_WINDOW_MS is quarantined: it is not
// sent to a worker again until the user asks ("Check again"), so one bad plan cannot restart the worker without end.
// Pure: no `vscode`, no Node built-ins; the clock is a parameter (unit tests).

/** Failures of one plan's lint that quarantine it, when they fall within QUARANTINE_WINDOW_MS. */
export const QUARANTINE_AFTER = 3;
export const QUARANTINE_WINDOW_MS = 5 * 60_000;

/** What one more failure of a plan's lint means. */
export interface FailureVerdict {
  /** Its failures within the window, this one included. */
  failures: number;
  /** The plan is quarantined now (this failure was the QUARANTINE_AFTER-th). */
  quarantined: boolean;
}

/** Why a plan is quarantined: how many failures in how long, and the last one's reason. */
export interface QuarantineReason {
  failures: number;
  withinMs: number;
  lastReason: string;
}

export class Quarantine {
  private readonly times = new Map<string, number[]>();
  private readonly held = new Map<string, QuarantineReason>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly limit = QUARANTINE_AFTER,
    private readonly windowMs = QUARANTINE_WINDOW_MS,
  ) {}

  /** Records a failure of the lint of `key` (a document's URI string). */
  record(key: string, reason: string): FailureVerdict {
    const now = this.now();
    const times = [...(this.times.get(key) ?? []).filter((t) => now - t < this.windowMs), now];
    this.times.set(key, times);
    if (times.length < this.limit || this.held.has(key)) return { failures: times.length, quarantined: false };
    this.held.set(key, { failures: times.length, withinMs: now - times[0]!, lastReason: reason });
    return { failures: times.length, quarantined: true };
  }

  /** Why `key` is quarantined; undefined when it is not. */
  reasonFor(key: string): QuarantineReason | undefined {
    return this.held.get(key);
  }

  /** "Check again": the plan's failures are forgotten and it is linted as any other. */
  lift(key: string): void {
    this.held.delete(key);
    this.times.delete(key);
  }
}

/** The document a lint request is for: a plans-view read's key is the document's with `#summary-N` after it. */
export const documentKey = (requestKey: string): string => requestKey.replace(/#summary-\d+$/, '');
