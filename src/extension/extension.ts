// Entry of the extension in VS Code's Node extension host: config files are found on disk as the CLI finds them.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { relative, isAbsolute } from 'node:path';
import { activateWith, type TestbedLintApi } from './activate.js';
import { EditorConfig } from './config.js';

export type { LintEvent, TestbedLintApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): TestbedLintApi {
  // Why: a config in the workspace must not pull in files from elsewhere on the machine (an untrusted repository
  // could point `extends` at any path); `extends` stays inside the open folders.
  const inside = (path: string) =>
    (vscode.workspace.workspaceFolders ?? []).some((f) => {
      const rel = relative(f.uri.fsPath, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
  return activateWith(context, new EditorConfig(inside));
}

export function deactivate(): void {}
