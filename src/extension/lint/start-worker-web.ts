// Starts the browser lint worker: a web worker nested in the web extension host's worker. The extension's files are
// served from another origin than the workbench, so the script is fetched and started from a blob: URL, made once per
// host: a worker restarted after a crash or a stuck lint starts from it without fetching the script again.
import type { FromWorker } from './engine.js';
import type { Spawn } from './worker-engine.js';

interface WebWorker {
  postMessage(m: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}
type Scope = { Worker?: new (url: string) => WebWorker; Blob: typeof Blob; URL: typeof URL; fetch: typeof fetch };

export function webSpawn(scriptUrl: string): Spawn {
  const scope = globalThis as unknown as Scope;
  // Why once: every restart fetched the script again (0.76 MB) before the new worker could start, and the lints
  // queued behind a stopped worker wait for that start. A failed fetch is not kept: the next start fetches again.
  let blobUrl: Promise<string> | undefined;
  const scriptBlobUrl = (): Promise<string> => {
    if (!blobUrl) {
      blobUrl = (async () => {
        const res = await scope.fetch(scriptUrl);
        if (!res.ok) throw new Error(`${scriptUrl}: HTTP ${res.status}`);
        return scope.URL.createObjectURL(new scope.Blob([await res.text()], { type: 'text/javascript' }));
      })();
      blobUrl.catch(() => (blobUrl = undefined));
    }
    return blobUrl;
  };
  return (onMessage, onExit) => {
    let worker: WebWorker | undefined;
    let ended = false;
    const buffered: unknown[] = [];
    const end = (reason: string, startFailed?: boolean) => {
      if (ended) return;
      ended = true;
      worker?.terminate();
      onExit(reason, startFailed);
    };
    const start = async () => {
      if (!scope.Worker) throw new Error('this extension host has no Worker');
      const url = await scriptBlobUrl();
      if (ended) return;
      const w = new scope.Worker(url);
      w.onmessage = (e) => (e.data.type === 'exiting' ? end('exited') : onMessage(e.data));
      w.onerror = (e) => end(e.message ?? 'worker error');
      worker = w;
      for (const m of buffered.splice(0)) w.postMessage(m);
    };
    start().catch((e: unknown) => end(e instanceof Error ? e.message : String(e), true));
    return {
      post: (m) => (worker ? worker.postMessage(m) : buffered.push(m)),
      terminate: () => {
        ended = true;
        worker?.terminate();
      },
    };
  };
}
