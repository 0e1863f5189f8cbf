// The status bar item: the three points of the active plan at a glance (✓ ℹ ⚠ ✗ by each point's worst finding), with
// a tooltip that counts the findings and explains the marks; a click opens the Problems panel.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import type { Linter } from './controller.js';
import { POINTS, type Point } from '../core/index.js';
import { threePoints, threePointsTooltip } from './mapping.js';

const LABELS = Object.fromEntries(POINTS.map((p) => [p.point, p.label])) as Record<Point, string>;

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  /** Whether the item is shown (for tests: what the user sees). */
  shown = false;

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
      this.shown = false;
      return;
    }
    this.item.text = threePoints(r.problems);
    this.item.tooltip = new vscode.MarkdownString(threePointsTooltip(r.problems, LABELS));
    this.item.show();
    this.shown = true;
  }
}

/** What the status bar shows now, for tests. */
export function statusBarState(bar: StatusBar): { shown: boolean; text: string; tooltip: string } {
  const t = bar.item.tooltip;
  return { shown: bar.shown, text: bar.item.text, tooltip: typeof t === 'string' ? t : (t?.value ?? '') };
}
