// The editor's lint engine: workers with a queue per lane, superseded requests, crash and restart, in-thread fallback.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintDetailed, summarizePlan } from '../../src/api/index.js';
import {
  InThreadEngine,
  lazyDoc,
  serveLints,
  type FromWorker,
  type LintRequest,
  type ToWorker,
} from '../../src/extension/lint/engine.js';
import {
  HEAVY_CHARS,
  lintTimeoutMs,
  WorkerEngine,
  type Spawn,
  type WorkerFailure,
} from '../../src/extension/lint/worker-engine.js';

const PLAN = readFileSync('examples/flawed.testbed.md', 'utf8');
const req = (key: string, version: number, text = PLAN): LintRequest => ({
  key,
  path: `/ws/${key}.testbed.md`,
  text,
  version,
  options: { today: '2026-01-15' },
});

/**
 * A fake worker: serveLints on this thread, each message answered on a later turn; `exit` ends it as a crash. A lint
 * of a text holding `hang` is never answered (a real worker would spin: serveLints' hang fault would block this thread).
 */
function fakeSpawn(
  log: string[],
  opts: { failStart?: boolean; hang?: string } = {},
): Spawn & { started: number; terminated: number } {
  const spawn = ((onMessage: (m: FromWorker) => void, onExit: (reason: string, startFailed?: boolean) => void) => {
    spawn.started++;
    if (opts.failStart) {
      queueMicrotask(() => onExit('no Worker here', true));
      return { post: () => undefined, terminate: () => undefined };
    }
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
        log.push(m.type === 'lint' ? `lint ${m.request.key}@${m.request.version}` : m.type);
        if (m.type === 'lint' && opts.hang !== undefined && m.request.text.includes(opts.hang)) return;
        setTimeout(() => alive && handle(m), 0);
      },
      terminate: () => {
        spawn.terminated++;
        alive = false;
      },
    };
  }) as Spawn & { started: number; terminated: number };
  spawn.started = 0;
  spawn.terminated = 0;
  return spawn;
}

/** Resolves once `pred` holds (checked every 10 ms, for up to 5 s): a worker's exit comes on a later turn. */
async function until(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('the lint engine', () => {
  it('gives the same problems and document in a worker as in-thread, the document read lazily', async () => {
    const engine = new WorkerEngine(
      fakeSpawn([]),
      () => undefined,
      () => undefined,
    );
    const r = (await engine.lint(req('a', 1)))!;
    const expected = lintDetailed(PLAN, { filePath: '/ws/a.testbed.md', today: '2026-01-15' });
    expect(r.problems).toEqual(JSON.parse(JSON.stringify(expected.problems)));
    expect(r.doc.plan).toEqual(JSON.parse(JSON.stringify(expected.document.plan)));
    expect(r.doc.lines.positionAt(PLAN.indexOf('## Counterparts'))).toEqual(
      expected.document.lines.positionAt(PLAN.indexOf('## Counterparts')),
    );
    expect(r.doc.unclosedTail).toBe(expected.document.unclosedTail);
    const inThread = (await new InThreadEngine().lint(req('a', 1)))!;
    expect(inThread.problems).toEqual(expected.problems);
    engine.dispose();
  });

  it("sends an open plan's lint before the plans view's summaries queued ahead of it", async () => {
    const log: string[] = [];
    const engine = new WorkerEngine(
      fakeSpawn(log),
      () => undefined,
      () => undefined,
    );
    const reads = ['r1', 'r2', 'r3'].map((k) => engine.lint({ ...req(k, 0), summarize: '2026-01-15' }));
    const typed = engine.lint(req('open', 7));
    await Promise.all([...reads, typed]);
    // r1 was already on its way to the worker; the keystroke's lint overtakes r2 and r3.
    expect(log).toEqual(['lint r1@0', 'lint open@7', 'lint r2@0', 'lint r3@0']);
    engine.dispose();
  });

  it('drops a queued lint when a newer version of the same document comes, and keeps other documents', async () => {
    const log: string[] = [];
    const engine = new WorkerEngine(
      fakeSpawn(log),
      () => undefined,
      () => undefined,
    );
    const [one, two, three, other] = [
      engine.lint(req('a', 1)),
      engine.lint(req('a', 2)),
      engine.lint(req('a', 3)),
      engine.lint(req('b', 1)),
    ];
    expect(await two).toBeUndefined();
    expect((await one)?.problems.length).toBeGreaterThan(0);
    expect((await three)?.problems.length).toBeGreaterThan(0);
    expect((await other)?.problems.length).toBeGreaterThan(0);
    expect(log).toEqual(['lint a@1', 'lint a@3', 'lint b@1']);
    engine.close('/ws/a.testbed.md');
    expect(log.at(-1)).toBe('close');
    engine.dispose();
  });

  it("answers the plans view's reads with the plan's summary and keeps no state for them; a huge plan's in the large-plan lane", async () => {
    const log: string[] = [];
    const lanes: (string | undefined)[] = [];
    const spawn = fakeSpawn(log);
    const engine = new WorkerEngine(
      (m, e, lane) => (lanes.push(lane), spawn(m, e, lane)),
      () => undefined,
      () => undefined,
    );
    const big = `${PLAN}\n${'x'.repeat(HEAVY_CHARS)}\n`;
    const read = engine.lint({ ...req('read', 0), summarize: '2026-01-15' });
    const bigRead = engine.lint({ ...req('big', 0, big), summarize: '2026-01-15' });
    expect(lanes).toEqual(['normal', 'large']);
    expect(engine.inFlight()).toEqual({
      normal: { id: 1, key: 'read', version: 0, chars: PLAN.length },
      large: { id: 2, key: 'big', version: 0, chars: big.length },
    });
    const r = (await read)!;
    expect((await bigRead)?.summary?.title).toBe(r.summary?.title);
    const expected = lintDetailed(PLAN, { filePath: '/ws/read.testbed.md', today: '2026-01-15' });
    expect(r.summary).toEqual(
      JSON.parse(JSON.stringify(summarizePlan(expected.document, expected.problems, '2026-01-15'))),
    );
    expect(r.problems).toEqual(JSON.parse(JSON.stringify(expected.problems)));
    expect(engine.inFlight()).toEqual({});
    // No incremental state for a read: closing its path sends nothing to the worker.
    engine.close('/ws/read.testbed.md');
    expect(log).toEqual(['lint read@0', 'lint big@0']);
    expect((await new InThreadEngine().lint({ ...req('read', 0), summarize: '2026-01-15' }))!.summary).toEqual(
      summarizePlan(expected.document, expected.problems, '2026-01-15'),
    );
    engine.dispose();
  });

  it('lints a huge plan in its own worker, so a normal plan is not queued behind it', async () => {
    const log: string[] = [];
    const spawn = fakeSpawn(log);
    const engine = new WorkerEngine(
      spawn,
      () => undefined,
      () => undefined,
    );
    const big = `${PLAN}\n${'x'.repeat(HEAVY_CHARS)}\n`;
    const a = engine.lint(req('big', 1, big));
    const b = engine.lint(req('small', 1));
    expect(spawn.started).toBe(2);
    expect(log).toEqual(['lint big@1', 'lint small@1']);
    await Promise.all([a, b]);
    engine.dispose();
  });

  it('reports a worker that dies with the lint it was running, and starts a new one for the next lint', async () => {
    const crashes: string[] = [];
    const spawn = fakeSpawn([]);
    const engine = new WorkerEngine(
      spawn,
      (f) => crashes.push(`${f.reason} on ${f.request?.key ?? 'nothing'}`),
      () => undefined,
    );
    expect(await engine.lint(req('a', 1))).toBeDefined();
    engine.exitWorkers();
    await until(() => crashes.length > 0);
    expect(crashes).toEqual(['exited with code 3 on nothing']);
    expect((await engine.lint(req('a', 2)))?.problems.length).toBeGreaterThan(0);
    expect(spawn.started).toBe(2);
    engine.dispose();
    expect(await engine.lint(req('a', 3))).toBeUndefined();
  });

  it('lints in-thread where no worker can start, and says so once per lane', async () => {
    const notes: string[] = [];
    const engine = new WorkerEngine(
      fakeSpawn([], { failStart: true }),
      () => undefined,
      (reason) => notes.push(reason),
    );
    expect((await engine.lint(req('a', 1)))?.problems.length).toBeGreaterThan(0);
    expect((await engine.lint(req('a', 2)))?.problems.length).toBeGreaterThan(0);
    expect(notes).toEqual(['no Worker here']);
    engine.close('/ws/a.testbed.md');
    engine.dispose();
  });

  it('answers a lint that throws with a failure, and reads a document once', () => {
    const out: FromWorker[] = [];
    const handle = serveLints(
      (m) => out.push(m),
      () => undefined,
    );
    handle({ type: 'lint', id: 7, request: { ...req('a', 1), text: null as never } });
    expect(out.map((m) => m.type)).toEqual(['ready', 'failed']);
    const read = lazyDoc(JSON.stringify({ text: 'a\nb', plan: {} }));
    expect(read()).toBe(read());
    expect(read().lines.lineCount).toBe(2);
  });
});

describe('the watchdog, injected faults and lanes', () => {
  const failures = (out: string[]) => (f: WorkerFailure) =>
    out.push(
      `${f.reason} on ${f.request?.key ?? 'nothing'}${f.stuckAfterMs === undefined ? '' : ` after ${f.stuckAfterMs} ms`}`,
    );

  it('stops a lint that never finishes: its worker is terminated and restarted, the lint queued behind it is answered', async () => {
    const log: string[] = [];
    const out: string[] = [];
    const spawn = fakeSpawn(log, { hang: 'SPIN' });
    const engine = new WorkerEngine(
      spawn,
      failures(out),
      () => undefined,
      (chars) => (chars === PLAN.length + 6 ? 40 : 60_000),
    );
    const stuck = engine.lint(req('stuck', 1, `${PLAN}\nSPIN\n`));
    const other = engine.lint(req('other', 1));
    // The same version asked again while it runs (the document opened again): dropped with it, not stuck twice.
    const twice = engine.lint(req('stuck', 1, `${PLAN}\nSPIN\n`));
    expect(await stuck).toBeUndefined();
    expect(await twice).toBeUndefined();
    expect(out).toEqual(['its lint did not finish in 0.0 s on stuck after 40 ms']);
    expect((await other)?.problems.length).toBeGreaterThan(0);
    expect([spawn.started, spawn.terminated]).toEqual([2, 1]);
    expect(log).toEqual(['lint stuck@1', 'lint other@1']);
    engine.dispose();
  });

  it("gives the watchdog 10 s plus 120 s per million characters (41 s for the largest normal plan, 574 s at 4.7 MB), 10 s more for a worker's first lint", async () => {
    expect(lintTimeoutMs(0)).toBe(10_000);
    expect(lintTimeoutMs(HEAVY_CHARS)).toBe(41_458);
    expect(lintTimeoutMs(4_700_000)).toBe(574_000);
    expect(lintTimeoutMs(4_700_000, true)).toBe(584_000);
    const given: string[] = [];
    let exited = false;
    const engine = new WorkerEngine(
      fakeSpawn([]),
      () => (exited = true),
      () => undefined,
      (chars, first) => (given.push(`${chars} ${first}`), 10_000),
    );
    await engine.lint(req('a', 1));
    await engine.lint(req('a', 2));
    engine.exitWorkers();
    await until(() => exited);
    await engine.lint(req('a', 3));
    expect(given).toEqual([`${PLAN.length} true`, `${PLAN.length} false`, `${PLAN.length} true`]);
    engine.dispose();
  });

  it('sends the injected faults to the running workers and to every worker started later; a crash names its lint', async () => {
    const log: string[] = [];
    const out: string[] = [];
    const engine = new WorkerEngine(fakeSpawn(log), failures(out), () => undefined);
    expect((await engine.lint(req('a', 1)))?.problems.length).toBeGreaterThan(0);
    engine.injectFaults({ crash: 'BOOM' });
    expect(await engine.lint(req('bad', 1, `${PLAN}\nBOOM\n`))).toBeUndefined();
    expect(out).toEqual(['exited with code 3 on bad']);
    // The new worker gets the faults first: the same plan crashes it again; others are linted.
    expect(await engine.lint(req('bad', 2, `${PLAN}\nBOOM\n`))).toBeUndefined();
    expect((await engine.lint(req('a', 2)))?.problems.length).toBeGreaterThan(0);
    engine.injectFaults({});
    expect((await engine.lint(req('bad', 3, `${PLAN}\nBOOM\n`)))?.problems.length).toBeGreaterThan(0);
    expect(log).toEqual([
      'lint a@1',
      'faults',
      'lint bad@1',
      'faults',
      'lint bad@2',
      'faults',
      'lint a@2',
      'faults',
      'lint bad@3',
    ]);
    engine.dispose();
  });

  it("runs the watchdog from the worker's ready message, not while the worker starts", async () => {
    const out: string[] = [];
    // A worker whose script takes 150 ms to load (its ready message and its answers wait for that), under a 60 ms watchdog.
    const spawn: Spawn = (onMessage) => {
      let handle: ((m: ToWorker) => void) | undefined;
      const early: ToWorker[] = [];
      setTimeout(() => {
        handle = serveLints(
          (m) => onMessage(m),
          () => undefined,
        );
        for (const m of early.splice(0)) handle(m);
      }, 150);
      return { post: (m) => (handle ? handle(m) : early.push(m)), terminate: () => undefined };
    };
    const engine = new WorkerEngine(
      spawn,
      failures(out),
      () => undefined,
      () => 60,
    );
    expect((await engine.lint(req('a', 1)))?.problems.length).toBeGreaterThan(0);
    expect(out).toEqual([]);
    engine.dispose();
  });

  it('drops the queued lint of a plan that moved to the other lane (it shrank under the line)', async () => {
    const log: string[] = [];
    const engine = new WorkerEngine(
      fakeSpawn(log),
      () => undefined,
      () => undefined,
    );
    const big = `${PLAN}\n${'x'.repeat(HEAVY_CHARS)}\n`;
    const running = engine.lint(req('other-big', 1, big));
    const queued = engine.lint(req('doc', 1, big));
    const shrunk = engine.lint(req('doc', 2));
    expect(await queued).toBeUndefined();
    expect((await shrunk)?.problems.length).toBeGreaterThan(0);
    expect((await running)?.problems.length).toBeGreaterThan(0);
    expect(log).toEqual(['lint other-big@1', 'lint doc@2']);
    engine.dispose();
  });
});

describe('a request that cannot be sent', () => {
  it('fails alone, and the next lint still runs', async () => {
    const spawn: Spawn = (onMessage) => {
      const handle = serveLints(
        (m) => setTimeout(() => onMessage(m), 0),
        () => undefined,
      );
      return {
        post: (m) => {
          if (m.type === 'lint' && m.request.key === 'proxy') throw new Error('could not be cloned');
          handle(m);
        },
        terminate: () => undefined,
      };
    };
    const engine = new WorkerEngine(
      spawn,
      () => undefined,
      () => undefined,
    );
    await expect(engine.lint(req('proxy', 1))).rejects.toThrow('could not be cloned');
    expect((await engine.lint(req('a', 1)))?.problems.length).toBeGreaterThan(0);
    engine.dispose();
  });
});
