// The lint worker on the desktop: a node:worker_threads worker (dist/lint-worker.js) started by start-worker-node.ts.
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { serveLints, type LaneName, type ToWorker } from './engine.js';

// Why: a huge plan's lint takes seconds of a core; on a machine with few cores it would compete with the editor
// itself (the workbench, the extension host, the normal plans' worker) and keystrokes would wait for the CPU. On
// Linux a thread's nice value is its own (pid 0 is this thread), so the large-plan lane yields to everything else.
// Elsewhere (macOS, Windows) the same call would lower the whole extension host, so it is Linux only.
if (process.platform === 'linux' && (workerData as { lane?: LaneName } | undefined)?.lane === 'large') {
  try {
    setPriority(0, constants.priority.PRIORITY_LOW);
  } catch {
    // Empty: where the priority cannot be lowered, the lane runs at the normal one.
  }
}

const port = parentPort;
if (port) {
  const handle = serveLints(
    (m) => port.postMessage(m),
    () => process.exit(3),
  );
  port.on('message', (m: ToWorker) => handle(m));
}
