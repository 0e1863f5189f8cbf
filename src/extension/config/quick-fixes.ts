// Quick fixes in config files (.testbed-lint.yaml/.yml/.json), saved or still being typed: a misspelt rule id, key or
// option → the one it nearly is; a severity that is none → the one it means or nearly is (or, when none is, each severity). Each fix replaces only the
// underlined word, keeping its quotes.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import type { ConfigErrors } from './config-drafts.js';

export const CONFIG_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/.testbed-lint.{yaml,yml,json}' }];

export class ConfigCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly config: ConfigErrors) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const errors = this.config.errors().find((f) => f.uri.toString() === document.uri.toString())?.errors ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'testbed-lint') continue;
      // Why: the diagnostic's range follows unsaved edits; the error it came from has the replacements.
      const e = errors.find((x) => x.message === d.message && x.replacements !== undefined);
      if (!e) continue;
      const written = document.getText(d.range);
      if (!d.range.isSingleLine || written.trim() === '') continue;
      e.replacements!.forEach((text, i) => {
        const action = new vscode.CodeAction(
          vscode.l10n.t('Change {0} to {1}', written, text),
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [d];
        // The nearest word, when there is one near, is the fix; a list of every severity is a choice.
        action.isPreferred = i === 0 && e.replacements!.length === 1;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, d.range, text);
        actions.push(action);
      });
    }
    return actions;
  }
}
