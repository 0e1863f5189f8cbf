// Entry of the extension in VS Code's Node extension host. The web entry (web.ts) is the same extension: config files
// are read through vscode.workspace.fs in both, so the desktop and the web give the same findings for a folder.
/// <reference types="vscode" />
import type * as vscode from 'vscode';
import { activateExtension, type TestbedLintApi } from './activate.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  return activateExtension(context);
}

export function deactivate(): void {}
