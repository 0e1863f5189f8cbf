// The status bar item: the three points of the active plan at a glance.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import type { Linter } from './controller.js';
import { threePoints } from './mapping.js';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly linter: Linter) {
    this.item.command = 'workbench.actions.view.problems';
    this.item.tooltip = vscode.l10n.t('Testbed Lint: the three points of this plan (click for the Problems panel)');
    this.subscriptions = [
      linter.onDidLint(() => this.update()),
      linter.onDidForget(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }

  /** Shows the active editor's plan, or hides the item where the active editor is not a linted plan. */
  update(): void {
    const editor = vscode.window.activeTextEditor;
    const r = editor && this.linter.result(editor.document.uri);
    if (!r || !r.linted) {
      this.item.hide();
      return;
    }
    this.item.text = threePoints(r.problems);
    this.item.show();
  }
}
