// The keystroke benchmark in the real VS Code (run by `npm run bench` through bench/keystroke.mjs, which sets
// TESTBED_LINT_E2E_BENCH to the JSON file to write): keystroke-to-diagnostics in a normal plan with nothing else going
// on, and while a 4.7 MB table plan is being linted. Reported, never asserted: timings under load are not a test.
/// <reference types="mocha" />
/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TestbedLintApi } from '../../../src/extension/desktop.js';
import { keystrokesWhileBigPlanLints } from './big-plan.js';

suite('testbed-lint keystroke benchmark', () => {
  test('keystroke-to-diagnostics with and without a 4.7 MB plan being linted', async function () {
    this.timeout(600_000);
    const ext = vscode.extensions.getExtension<TestbedLintApi>('testbed-lint.testbed-lint');
    assert.ok(ext, 'the extension is not loaded');
    const api = await ext.activate();
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const keystrokes = Number(process.env['TESTBED_LINT_E2E_BENCH_KEYSTROKES'] ?? 10);
    const result = await keystrokesWhileBigPlanLints(api, root, {
      baseline: keystrokes,
      covered: keystrokes,
      log: (line) => console.log(`[ext-tests]   ${line}`),
    });
    writeFileSync(process.env['TESTBED_LINT_E2E_BENCH']!, JSON.stringify(result, null, 2));
  });
});
