// A plan that stops the lint worker (issue 23): the quarantine's counting, and the controller over a WorkerEngine whose
// fake worker crashes or hangs on a marker: the plan's finding, its quarantine after 3 crashes, "Check again", and
// the other plans, which are linted once and never again for its sake.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfigSource } from '../../src/extension/config/workspace-config.js';
import { serveLints, type FromWorker, type ToWorker } from '../../src/extension/lint/engine.js';
import {
  documentKey,
  Quarantine,
  QUARANTINE_AFTER,
  QUARANTINE_WINDOW_MS,
} from '../../src/extension/lint/quarantine.js';
import { WorkerEngine, type Spawn } from '../../src/extension/lint/worker-engine.js';
import { CodeActionKind, Diagnostic, EventEmitter, fake, FakeDocument, Range, Uri } from '../helpers/fake-vscode.js';

vi.mock('vscode', () => import('../helpers/fake-vscode.js'));
const { LintController } = await import('../../src/extension/lint/controller.js');
const { diagnosticsOf } = await import('../../src/extension/lint/diagnostics.js');
const { PlanCodeActions, CHECK_AGAIN_COMMAND } = await import('../../src/extension/features/code-actions.js');

const PLAN = readFileSync('test/vscode/workspace/plan.testbed.md', 'utf8');

describe('the quarantine', () => {
  it(`quarantines a plan at its ${QUARANTINE_AFTER}rd failure within the window, and "Check again" lifts it`, () => {
    let now = 0;
    const q = new Quarantine(() => now);
    expect(q.record('a', 'first')).toEqual({ failures: 1, quarantined: false });
    now += QUARANTINE_WINDOW_MS;
    // The first failure has left the window: two in it now.
    expect(q.record('a', 'second')).toEqual({ failures: 1, quarantined: false });
    now += 1000;
    expect(q.record('a', 'third')).toEqual({ failures: 2, quarantined: false });
    expect(q.record('b', 'other plan')).toEqual({ failures: 1, quarantined: false });
    now += 2000;
    expect(q.record('a', 'fourth')).toEqual({ failures: 3, quarantined: true });
    expect(q.reasonFor('a')).toEqual({ failures: 3, withinMs: 3000, lastReason: 'fourth' });
    expect(q.reasonFor('b')).toBeUndefined();
    // Already quarantined: a later failure (a plans-view read under way) does not quarantine it twice.
    expect(q.record('a', 'fifth').quarantined).toBe(false);
    q.lift('a');
    expect(q.reasonFor('a')).toBeUndefined();
    expect(q.record('a', 'after check again')).toEqual({ failures: 1, quarantined: false });
  });

  it('counts a plans-view read against the plan it reads', () => {
    expect(documentKey('file:///ws/a.testbed.md#summary-12')).toBe('file:///ws/a.testbed.md');
    expect(documentKey('file:///ws/a.testbed.md')).toBe('file:///ws/a.testbed.md');
  });
});

describe('the controller when a plan stops the lint worker', () => {
  const config: ConfigSource = {
    onDidChangeErrors: new EventEmitter<void>().event as never,
    errors: () => [],
    reset: () => {},
    load: async () => {},
    forFile: async () => undefined,
  };

  /** A worker on this thread (serveLints), answering on a later turn; a text holding HANG is never answered. */
  function setup(watchdogMs = 10_000, onPost?: (key: string) => void) {
    const posted: string[] = [];
    const spawn: Spawn = (onMessage: (m: FromWorker) => void, onExit: (reason: string) => void) => {
      let alive = true;
      const handle = serveLints(
        (m) => setTimeout(() => alive && onMessage(m), 1),
        () => {
          alive = false;
          setTimeout(() => onExit('exited with code 3'), 1);
        },
      );
      return {
        post: (m: ToWorker) => {
          if (m.type === 'lint') posted.push(m.request.key.replace('file:///ws/', ''));
          if (m.type === 'lint') onPost?.(m.request.key);
          if (m.type === 'lint' && m.request.text.includes('HANG')) return;
          setTimeout(() => alive && handle(m), 0);
        },
        terminate: () => {
          alive = false;
        },
      };
    };
    const log: string[] = [];
    const linter: InstanceType<typeof LintController> = new LintController(
      config,
      { appendLine: (l) => log.push(l) },
      new WorkerEngine(
        spawn,
        (f) => linter.trouble.workerFailed(f),
        (r) => linter.trouble.workerFallback(r),
        () => watchdogMs,
        (k) => linter.trouble.quarantined(k),
      ),
    );
    const lints: string[] = [];
    linter.onDidLint((r) =>
      lints.push(
        `${r.uri.path.slice(4)}@${r.version} ${r.linted ? `${r.problems.length} problems` : r.internalError?.slice(0, 60)}`,
      ),
    );
    const open = (name: string, text: string) => {
      const d = new FakeDocument(Uri.parse(`file:///ws/${name}`), text);
      fake.textDocuments.push(d);
      return d;
    };
    const until = async (pred: () => boolean) => {
      for (let i = 0; i < 500 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(pred()).toBe(true);
    };
    return { linter, log, lints, posted, open, until };
  }

  beforeEach(() => {
    fake.reset();
    fake.workspaceFolders = [{ uri: Uri.parse('file:///ws') }];
  });

  it('retries the plan whose lint crashed the worker, quarantines it at the 3rd crash, and lints no other plan again', async () => {
    const { linter, lints, posted, open, until } = setup();
    const good = open('good.testbed.md', PLAN);
    await linter.lint(good as never);
    const goodProblems = lints[0]!;
    linter.trouble.workerLog.length = 0;
    (linter as unknown as { engine: WorkerEngine }).engine.injectFaults({ crash: 'BOOM' });
    const bad = open('bad.testbed.md', `${PLAN}\n<!-- BOOM -->\n`);
    void linter.lint(bad as never);
    await until(() => lints.length === 2);
    expect(linter.trouble.workerLog).toEqual([
      `the lint worker stopped while linting bad.testbed.md (${bad.getText().length} characters): exited with code 3; it is restarted`,
      `the lint worker stopped while linting bad.testbed.md (${bad.getText().length} characters): exited with code 3; it is restarted`,
      `the lint worker stopped while linting bad.testbed.md (${bad.getText().length} characters): exited with code 3; it is restarted`,
      'bad.testbed.md is not linted again until "Check again": its lint stopped the lint worker 3 times',
    ]);
    // Three tries, then one finding; the good plan was not linted again for it.
    expect(posted).toEqual(['good.testbed.md', 'bad.testbed.md', 'bad.testbed.md', 'bad.testbed.md']);
    expect(lints).toEqual([
      goodProblems,
      'bad.testbed.md@1 Testbed Lint stopped checking this plan (internal error): it',
    ]);
    const result = linter.result(bad.uri)!;
    expect(result.linted).toBe(false);
    const [d, ...more] = diagnosticsOf(result);
    expect(more).toEqual([]);
    expect([d!.code, d!.severity, d!.source, d!.range.start.line, d!.range.start.character]).toEqual([
      'internal-error',
      0,
      'testbed-lint',
      0,
      0,
    ]);
    expect(d!.message).toBe(
      'Testbed Lint stopped checking this plan (internal error): its lint stopped the lint worker 3 times within 1 min (last: exited with code 3). Other plans are still checked; run "Check again" to check this one again.',
    );
    // An edit of the quarantined plan reaches no worker; the plans view's read of it fails at once.
    bad.setText(`${bad.getText()}\nmore\n`);
    expect((await linter.lint(bad as never)).internalError).toBe(d!.message);
    await expect(linter.summarizeFile(bad.uri as never, bad.getText(), '2026-03-01')).rejects.toThrow('is quarantined');
    expect(posted.length).toBe(4);
    // "Check again" is the quick fix of the finding; with the fault gone, the plan is linted.
    const actions = await new PlanCodeActions(linter).provideCodeActions(
      bad as never,
      new Range(0, 0, 0, 0) as never,
      { diagnostics: [d], only: undefined } as never,
    );
    expect(actions.map((a) => [a.title, a.command?.command, a.command?.arguments, a.isPreferred])).toEqual([
      ['Check again', CHECK_AGAIN_COMMAND, [bad.uri.toString()], true],
    ]);
    (linter as unknown as { engine: WorkerEngine }).engine.injectFaults({});
    const again = (await linter.checkAgain(bad.uri))!;
    expect([again.linted, again.problems.length > 0, again.internalError]).toEqual([true, true, undefined]);
  });

  it('sends no lint of a quarantined plan to a worker, not even one queued before the quarantine took effect', async () => {
    // A provider (code actions, hover, the status bar) asks for the plan's current lint while its lint runs: that
    // lint waits in the queue, having passed the quarantine check before the quarantine existed.
    const asked: { doc?: FakeDocument } = {};
    const { linter, lints, posted, open, until } = setup(10_000, (key) => {
      if (asked.doc && key === asked.doc.uri.toString()) void linter.current(asked.doc as never);
    });
    (linter as unknown as { engine: WorkerEngine }).engine.injectFaults({ crash: 'BOOM' });
    const bad = open('bad.testbed.md', `${PLAN}\n<!-- BOOM -->\n`);
    asked.doc = bad;
    void linter.lint(bad as never);
    await until(() => lints.length > 0);
    // Let a lint that was still queued reach the worker, as it did before the fix (a 4th crash after the quarantine).
    await new Promise((r) => setTimeout(r, 100));
    expect(posted).toEqual(['bad.testbed.md', 'bad.testbed.md', 'bad.testbed.md']);
    const crash = `the lint worker stopped while linting bad.testbed.md (${bad.getText().length} characters): exited with code 3; it is restarted`;
    expect(linter.trouble.workerLog).toEqual([
      crash,
      crash,
      crash,
      'bad.testbed.md is not linted again until "Check again": its lint stopped the lint worker 3 times',
    ]);
    expect(lints).toEqual(['bad.testbed.md@1 Testbed Lint stopped checking this plan (internal error): it']);
    // A plans-view read queued before the quarantine is not sent either.
    const file = open('file.testbed.md', `${PLAN}\n<!-- BOOM -->\n`);
    const reads = [1, 2, 3, 4].map(() => linter.summarizeFile(file.uri as never, file.getText(), '2026-03-01'));
    const outcomes = await Promise.allSettled(reads);
    expect(
      outcomes.map((o) => (o.status === 'rejected' ? String(o.reason).replace(/^Error: /, '') : 'answered')),
    ).toEqual([
      'the lint worker stopped before /ws/file.testbed.md was summarised',
      'the lint worker stopped before /ws/file.testbed.md was summarised',
      // The third crash quarantined it: that read, and the one queued behind it, say so.
      'file:///ws/file.testbed.md is quarantined: its lint stopped the lint worker',
      'file:///ws/file.testbed.md is quarantined: its lint stopped the lint worker',
    ]);
    expect(posted.filter((k) => k.startsWith('file.testbed.md')).length).toBe(3);
  });

  it("forgets a closed untitled document's quarantine (the next untitled document gets its name), not a file's", async () => {
    const { linter, lints, posted, until } = setup();
    (linter as unknown as { engine: WorkerEngine }).engine.injectFaults({ crash: 'BOOM' });
    const untitled = new FakeDocument(Uri.parse('untitled:Untitled-1'), `${PLAN}\n<!-- BOOM -->\n`, 'markdown');
    const file = new FakeDocument(Uri.parse('file:///ws/bad.testbed.md'), `${PLAN}\n<!-- BOOM -->\n`);
    fake.textDocuments.push(untitled, file);
    void linter.lint(untitled as never);
    void linter.lint(file as never);
    await until(() => lints.length === 2);
    expect(posted.length).toBe(6);
    linter.forget(untitled.uri);
    linter.forget(file.uri);
    (linter as unknown as { engine: WorkerEngine }).engine.injectFaults({});
    expect((await linter.lint(untitled as never)).linted).toBe(true);
    expect((await linter.lint(file as never)).internalError).toMatch(/^Testbed Lint stopped checking this plan/);
    expect(posted.length).toBe(7);
  });

  it('reports a stuck lint on its plan after the watchdog, lints the plan queued behind it, and waits for an edit', async () => {
    // Long enough for a first lint on a loaded machine (this thread's JIT is cold), short for a test.
    const { linter, lints, posted, open, until } = setup(1500);
    const stuck = open('stuck.testbed.md', `${PLAN}\n<!-- HANG -->\n`);
    const other = open('other.testbed.md', PLAN);
    const [s, o] = await Promise.all([linter.lint(stuck as never), linter.lint(other as never)]);
    expect(s.internalError).toBeUndefined();
    expect(o.linted).toBe(true);
    await until(() => linter.result(stuck.uri)?.internalError !== undefined);
    expect(linter.trouble.workerLog).toEqual([
      `the lint worker was stopped while linting stuck.testbed.md (${stuck.getText().length} characters): its lint did not finish in 1.5 s; it is restarted`,
    ]);
    const r = linter.result(stuck.uri)!;
    expect(r.internalError).toBe(
      'Testbed Lint could not check this plan (internal error): its lint did not finish in 1.5 s and was stopped. It is checked again when you edit it, or with "Check again".',
    );
    expect(diagnosticsOf(r).map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character])).toEqual([
      ['internal-error', 0, 0, 0],
    ]);
    expect(lints.filter((l) => l.startsWith('other')).length).toBe(1);
    // The same version is not sent again; an edit is.
    await linter.lint(stuck as never);
    expect(posted).toEqual(['stuck.testbed.md', 'other.testbed.md']);
    stuck.setText(PLAN);
    expect((await linter.lint(stuck as never)).linted).toBe(true);
    expect(posted).toEqual(['stuck.testbed.md', 'other.testbed.md', 'stuck.testbed.md']);
    // A plain diagnostic of another source gets no "Check again".
    const plain = new Diagnostic(new Range(0, 0, 0, 0), 'x', 0);
    expect(
      await new PlanCodeActions(linter).provideCodeActions(
        stuck as never,
        new Range(0, 0, 0, 0) as never,
        { diagnostics: [plain], only: CodeActionKind.QuickFix } as never,
      ),
    ).toEqual([]);
  });
});
