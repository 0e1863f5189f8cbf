// Starts the desktop lint worker (node:worker_threads), with a heap limit so a huge plan ends in a restart, not in
// an extension host that runs out of memory. Only desktop.ts (the Node entry) imports this.
import { Worker } from 'node:worker_threads';
import type { Spawn } from './worker-engine.js';

/** Heap of one lint worker; a plan that needs more ends that worker, which is restarted. */
export const WORKER_HEAP_MB = 2048;

export function nodeSpawn(script: string): Spawn {
  return (onMessage, onExit, lane) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, workerData: { lane } });
    } catch (error) {
      queueMicrotask(() => onExit(error instanceof Error ? error.message : String(error), true));
      return { post: () => undefined, terminate: () => undefined };
    }
    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      onExit(reason);
    };
    worker.on('message', onMessage);
    worker.on('error', (e) => end(e instanceof Error ? (e.stack ?? e.message) : String(e)));
    worker.on('exit', (code) => end(`exited with code ${code}`));
    return {
      post: (m) => worker.postMessage(m),
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    };
  };
}
