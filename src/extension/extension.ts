// Entry of the extension in VS Code's Node extension host. The web entry (web.ts) is the same extension: config files
// are read through vscode.workspace.fs in both, so the desktop and the web give the same findings for a folder.
/// <reference types="vscode" />
import type * as vscode from 'vscode';
import { join } from 'node:path';
import { activateExtension, type TestbedLintApi } from './activate.js';
import { registerMcpServer } from './mcp-server-node.js';
import { nodeSpawn } from './worker-node.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  context.subscriptions.push(...registerMcpServer(context.extensionPath));
  // Why: lints run in a worker thread (dist/lint-worker.js), so a huge plan never freezes the extension host.
  return activateExtension(context, nodeSpawn(join(context.extensionPath, 'dist', 'lint-worker.js')));
}

export function deactivate(): void {}
