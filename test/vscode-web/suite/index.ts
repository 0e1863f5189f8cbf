// The web suite's entry in VS Code web's web-worker extension host (@vscode/test-web loads it from inside the
// extension folder and calls run()). Mocha's browser build runs the tests; every result is logged with the
// [web-tests] prefix, and the last line says "N passed, N failed" for scripts/vscode-web-e2e.sh to read.
/// <reference types="mocha" />
import 'mocha/mocha.js';

interface MochaRunner {
  on(event: 'pass', fn: (test: Mocha.Test) => void): void;
  on(event: 'fail', fn: (test: Mocha.Test, err: Error) => void): void;
}

export function run(): Promise<void> {
  const log = (line: string) => console.log(`[web-tests] ${line}`);
  // A reporter that only logs: mocha's default reporter in a browser (html) needs a DOM, which a worker has not.
  function LogReporter(runner: MochaRunner): void {
    runner.on('pass', (t) => log(`✔ ${t.fullTitle()}`));
    runner.on('fail', (t, err) => log(`✗ ${t.fullTitle()}: ${err.message}`));
  }
  const m = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  m.setup({ ui: 'tdd', reporter: LogReporter as unknown as string, timeout: 60_000 });
  return Promise.all([import('./extension.test.js'), import('./lm-tools.test.js')]).then(
    () =>
      new Promise<void>((resolve, reject) => {
        const runner = m.run((failures) => {
          const msg = `${runner.stats?.passes ?? 0} passed, ${failures} failed`;
          log(msg);
          if (failures > 0) reject(new Error(msg));
          else resolve();
        });
      }),
  );
}
