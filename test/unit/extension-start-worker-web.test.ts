// The web lint worker's start (start-worker-web.ts) with a worker's globals faked: the script is fetched once per host,
// so a worker restarted after a crash or a stuck lint starts without fetching it again; a failed fetch is not kept.
import { afterEach, describe, expect, it } from 'vitest';
import type { FromWorker } from '../../src/extension/lint/engine.js';
import { webSpawn } from '../../src/extension/lint/start-worker-web.js';

class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  posted: unknown[] = [];
  constructor(readonly url: string) {
    FakeWorker.started.push(this);
  }
  postMessage(m: unknown): void {
    this.posted.push(m);
  }
  terminate(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
const saved = { Worker: g['Worker'], fetch: g['fetch'] };
afterEach(() => {
  g['Worker'] = saved.Worker;
  g['fetch'] = saved.fetch;
  FakeWorker.started = [];
});

/** A fetch that answers with `status` for each call, counting them. */
function fakeFetch(statuses: number[]): { calls: () => number } {
  let calls = 0;
  g['fetch'] = (): Promise<Response> => {
    const status = statuses[calls++] ?? 200;
    return Promise.resolve(new Response(status === 200 ? 'postMessage({ type: "ready" });' : 'nope', { status }));
  };
  return { calls: () => calls };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the web lint worker', () => {
  it('fetches its script once: a restarted worker starts from the same blob: URL, and what was posted meanwhile arrives', async () => {
    g['Worker'] = FakeWorker;
    const fetched = fakeFetch([200]);
    const spawn = webSpawn('https://ext.example/dist/web/lint-worker.js');
    const exits: string[] = [];
    const first = spawn(
      () => undefined,
      (reason) => exits.push(reason),
    );
    first.post({ type: 'close', path: '/a.testbed.md' });
    await settle();
    first.terminate();
    const second = spawn(
      () => undefined,
      (reason) => exits.push(reason),
    );
    second.post({ type: 'close', path: '/b.testbed.md' });
    await settle();
    expect(fetched.calls()).toBe(1);
    expect(FakeWorker.started.length).toBe(2);
    const [one, two] = FakeWorker.started.map((w) => [w.url, w.posted]);
    expect(one).toEqual([expect.stringMatching(/^blob:/), [{ type: 'close', path: '/a.testbed.md' }]]);
    expect(two).toEqual([one![0], [{ type: 'close', path: '/b.testbed.md' }]]);
    expect(exits).toEqual([]);
  });

  it('a failed fetch ends that start (the lane lints in-thread) and is not kept: the next start fetches again', async () => {
    g['Worker'] = FakeWorker;
    const fetched = fakeFetch([503, 200]);
    const spawn = webSpawn('https://ext.example/dist/web/lint-worker.js');
    const exits: [string, boolean | undefined][] = [];
    spawn(
      () => undefined,
      (reason, startFailed) => exits.push([reason, startFailed]),
    );
    await settle();
    expect(exits).toEqual([['https://ext.example/dist/web/lint-worker.js: HTTP 503', true]]);
    spawn(
      () => undefined,
      (reason, startFailed) => exits.push([reason, startFailed]),
    );
    await settle();
    expect(fetched.calls()).toBe(2);
    expect(FakeWorker.started.length).toBe(1);
    expect(exits.length).toBe(1);
  });
});
