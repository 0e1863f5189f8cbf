// The integration suite's entry for the extension host (the layout @vscode/test-electron expects): run() runs mocha.
/// <reference types="mocha" />
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // VSCODE_E2E_GREP (scripts/vscode-e2e.sh passes the environment on): only the tests whose title matches this regex.
  const grep = process.env['VSCODE_E2E_GREP'];
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  // TESTBED_LINT_E2E_BENCH (bench/keystroke.mjs): the keystroke benchmark runs instead of the suite, and writes its figures there.
  mocha.addFile(
    path.join(__dirname, process.env['TESTBED_LINT_E2E_BENCH'] ? 'keystroke.bench.js' : 'extension.test.js'),
  );
  if (!process.env['TESTBED_LINT_E2E_BENCH']) mocha.addFile(path.join(__dirname, 'lm-tools.test.js'));
  const results = process.env['TESTBED_LINT_E2E_RESULTS'];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const msg = `${passed} passed, ${failures} failed`;
      console.log(`[ext-tests] ${msg}`);
      if (results) fs.writeFileSync(results, `${msg}\n`);
      if (failures > 0) reject(new Error(msg));
      else resolve();
    });
    runner.on('pass', (t) => console.log(`[ext-tests] ✔ ${t.fullTitle()}`));
    runner.on('fail', (t, err: Error) => console.log(`[ext-tests] ✗ ${t.fullTitle()}: ${err.message}`));
  });
}
