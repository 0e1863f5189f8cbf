// Entry of the extension in VS Code's Node extension host: config files are found on disk as the CLI finds them.
/// <reference types="vscode" />
import type * as vscode from 'vscode';
import { activateWith, type TestbedLintApi } from './activate.js';
import { EditorConfig } from './config.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  return activateWith(context, new EditorConfig());
}

export function deactivate(): void {}
