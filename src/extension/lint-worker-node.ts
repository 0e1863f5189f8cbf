// The lint worker on the desktop: a node:worker_threads worker (dist/lint-worker.js) started by worker-node.ts.
import { parentPort } from 'node:worker_threads';
import { serveLints, type ToWorker } from './lint-engine.js';

const port = parentPort;
if (port) {
  const handle = serveLints((m) => port.postMessage(m), () => process.exit(3));
  port.on('message', (m: ToWorker) => handle(m));
}
