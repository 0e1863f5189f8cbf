// What the editor says and does when a lint stops the lint worker (a crash, or the watchdog stopping a lint that never
// finished): a line in the "Testbed Lint" output, one notice per window, and a finding on the plan whose lint it was,
// at 1:1 with the code `internal-error` (as the CLI's "internal error while linting FILE"). After QUARANTINE_AFTER such
// failures the plan is quarantined (quarantine.ts) until "Check again".
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { documentKey, Quarantine } from './quarantine.js';
import type { WorkerFailure } from './worker-engine.js';

/** The diagnostic code of a plan that could not be checked. */
export const INTERNAL_ERROR_CODE = 'internal-error';

type Log = { appendLine(line: string): void };

export class WorkerTrouble {
  /** The lint-worker lines logged, for tests. */
  readonly workerLog: string[] = [];
  private noticeShown = false;
  /** Document versions whose lint the watchdog stopped, with their finding: not tried again until the document changes. */
  private readonly stopped = new Map<string, { version: number; message: string }>();

  /**
   * @param relint lints the open document `key` again (none when it is not open): after a crash, to retry it or to
   *   publish its quarantine; after a stuck lint, to publish its finding.
   */
  constructor(
    private readonly output: Log,
    private readonly relint: (key: string) => void,
    private readonly quarantine = new Quarantine(),
  ) {}

  private log(line: string): void {
    this.workerLog.push(line);
    this.output.appendLine(line);
  }

  /**
   * A lint worker ended (crash, out of memory) or the watchdog stopped it: logged, one notice per window. The lints
   * queued behind it go on in a new worker, and no other plan is linted again. The plan whose lint was running is
   * linted again after a crash (it may not be what ended the worker), or gets a finding after a stuck lint; either
   * counts towards its quarantine. A plans-view read that failed counts too; the view reads the plan again itself.
   */
  workerFailed({ reason, request, stuckAfterMs }: WorkerFailure): void {
    const key = request ? documentKey(request.key) : undefined;
    const name = key === undefined ? '' : vscode.workspace.asRelativePath(vscode.Uri.parse(key));
    const on = request ? ` while linting ${name} (${request.text.length} characters)` : '';
    this.log(
      `the lint worker ${stuckAfterMs === undefined ? 'stopped' : 'was stopped'}${on}: ${reason}; it is restarted`,
    );
    if (!this.noticeShown) {
      this.noticeShown = true;
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Testbed Lint: the lint worker stopped and was restarted. See the "Testbed Lint" output for details.',
        ),
      );
    }
    if (!request || key === undefined) return;
    const verdict = this.quarantine.record(key, reason);
    if (verdict.quarantined) {
      this.log(
        `${name} is not linted again until "Check again": its lint stopped the lint worker ${verdict.failures} times`,
      );
    } else if (request.summarize !== undefined) {
      return;
    } else if (stuckAfterMs !== undefined) {
      const seconds = (stuckAfterMs / 1000).toFixed(1);
      const message = vscode.l10n.t(
        'Testbed Lint could not check this plan (internal error): its lint did not finish in {0} s and was stopped. It is checked again when you edit it, or with "Check again".',
        seconds,
      );
      this.stopped.set(key, { version: request.version, message });
    }
    this.relint(key);
  }

  /** No lint worker can start in this host: logged; lints then run on the extension host's thread. */
  workerFallback(reason: string): void {
    this.log(`no lint worker can start here (${reason}): plans are linted on the extension host's thread`);
  }

  /** The finding of a document version that is not to be linted (quarantined, or its lint stopped); else undefined. */
  findingFor(key: string, version: number): string | undefined {
    const q = this.quarantine.reasonFor(key);
    if (q) {
      const minutes = Math.max(1, Math.ceil(q.withinMs / 60_000));
      return vscode.l10n.t(
        'Testbed Lint stopped checking this plan (internal error): its lint stopped the lint worker {0} times within {1} min (last: {2}). Other plans are still checked; run "Check again" to check this one again.',
        q.failures,
        minutes,
        q.lastReason,
      );
    }
    const stopped = this.stopped.get(key);
    if (stopped?.version === version) return stopped.message;
    this.stopped.delete(key);
    return undefined;
  }

  /**
   * Whether the plan is quarantined: it is not sent to a worker, not even for the plans view. `key` is a document's
   * key or a lint request's (a plans-view read's key names its document).
   */
  quarantined(key: string): boolean {
    return this.quarantine.reasonFor(documentKey(key)) !== undefined;
  }

  /**
   * A document was closed: a finding of its stopped lint goes (a file opened again starts at version 1 again, maybe with
   * other text). An untitled document's failures and quarantine go too: the next untitled document gets its name. A
   * file's stay, so the plans view, which reads the file again, does not start the worker crashing again.
   */
  forget(key: string, untitled: boolean): void {
    this.stopped.delete(key);
    if (untitled) this.quarantine.lift(key);
  }

  /** "Check again": the plan's failures are forgotten; the caller lints it. */
  checkAgain(key: string): void {
    this.quarantine.lift(key);
    this.stopped.delete(key);
  }
}
