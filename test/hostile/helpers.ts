// Helpers for the hostile-input suite: the built CLI run as a separate process (for hangs and memory, which an
// in-process run could not survive), under a time and memory limit.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');

export interface Spawned {
  /** null when the run was killed (it hung past `timeoutMs` or ran out of memory). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs dist/cli.js in `cwd` with at most 3 GB of address space and `timeoutMs` of time, so a CLI that hangs on a
 * FIFO or reads /dev/zero without end is killed instead of taking the machine down.
 */
export function spawnCli(args: string[], cwd: string, timeoutMs = 15_000): Spawned {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run build" first (npm test does)');
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `ulimit -v 3000000; exec ${quoted}`], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The examples the issue's repros start from. */
export const EXAMPLES = join(ROOT, 'examples');
