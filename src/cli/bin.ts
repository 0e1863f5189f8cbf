// The executable: process values in, exit code out. Everything else is in main.ts.
import { main } from './main.js';

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
});
