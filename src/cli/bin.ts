// The executable: process values in, exit code out. Everything else is in main.ts.
import { serveLintWorker, workerStats } from '../node/workers.js';
import { lintStats } from './lint-run.js';
import { main } from './main.js';

// Why: the same bundle runs as the lint workers of --concurrency; a worker serves jobs and runs no CLI.
if (!serveLintWorker()) runCli();

function runCli(): void {
  // Why: `testbed-lint | head` closes the pipe early; that, like any other stdout failure, gets no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`testbed-lint: internal error: cannot write to stdout: ${error.message}\n`);
    process.exit(2);
  });

  void main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
    // Why: benchmarks and the spawn tests check how the work was done (workers, cache hits).
    if (process.env.TESTBED_LINT_STATS)
      process.stderr.write(
        `testbed-lint: stats: ${JSON.stringify({ ...lintStats, workers: workerStats.started, onWorkers: workerStats.jobs })}\n`,
      );
  });
}
