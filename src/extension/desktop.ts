// Entry of the extension in VS Code's Node extension host. The web entry (web.ts) is the same extension: config files
// are read through vscode.workspace.fs in both, so the desktop and the web give the same findings for a folder.
/// <reference types="vscode" />
import type * as vscode from 'vscode';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { activateExtension, type TestbedLintApi } from './activate.js';
import { nodeSpawn } from './lint/start-worker-node.js';
import { registerMcpServer } from './mcp-server-node.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  context.subscriptions.push(...registerMcpServer(context.extensionPath));
  // Why: lints run in a worker thread (dist/lint-worker.js), so a huge plan never freezes the extension host. Config
  // files on disk are checked with their links resolved, so a link cannot take a workspace's config outside it.
  const nativeRealpath = (uri: vscode.Uri) => (uri.scheme === 'file' ? realpath(uri.fsPath) : undefined);
  return activateExtension(context, nodeSpawn(join(context.extensionPath, 'dist', 'lint-worker.js')), nativeRealpath);
}

export function deactivate(): void {}
