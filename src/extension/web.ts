// Entry of the extension in a web worker extension host (github.dev, vscode.dev): the same extension as desktop.ts,
// with no Node built-ins anywhere on its path; config files come from the workspace's (virtual) file system.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { activateExtension, type TestbedLintApi } from './activate.js';
import { webSpawn } from './lint/start-worker-web.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  // Why: lints run in a nested web worker (dist/web/lint-worker.js); where none can start, in-thread (logged).
  return activateExtension(
    context,
    webSpawn(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'lint-worker.js').toString(true)),
  );
}

export function deactivate(): void {}
