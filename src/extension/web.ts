// Entry of the extension in a web worker extension host (github.dev, vscode.dev): no Node APIs, so no config
// files are read; the testbedLint.rules setting applies to every plan.
/// <reference types="vscode" />
import type * as vscode from 'vscode';
import { activateWith, type TestbedLintApi } from './activate.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  return activateWith(context, undefined);
}

export function deactivate(): void {}
