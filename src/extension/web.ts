// Entry of the extension in a web worker extension host (github.dev, vscode.dev): the same extension as extension.ts,
// with no Node built-ins anywhere on its path; config files come from the workspace's (virtual) file system.
/// <reference types="vscode" />
import type * as vscode from 'vscode';
import { activateExtension, type TestbedLintApi } from './activate.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  return activateExtension(context);
}

export function deactivate(): void {}
