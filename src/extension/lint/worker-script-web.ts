// The lint worker in the browser: a web worker (dist/web/lint-worker.js) started by start-worker-web.ts.
import { serveLints, type FromWorker, type ToWorker } from './engine.js';

const scope = globalThis as unknown as {
  postMessage(m: FromWorker): void;
  close(): void;
  onmessage: ((e: { data: ToWorker }) => void) | null;
};
const handle = serveLints(
  (m) => scope.postMessage(m),
  () => {
    scope.postMessage({ type: 'exiting' });
    scope.close();
  },
);
scope.onmessage = (e) => handle(e.data);
