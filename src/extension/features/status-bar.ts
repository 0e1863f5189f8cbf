// The status bar item: the three points of the active plan at a glance (✓ ℹ ⚠ ✗ by each point's worst finding), with
// a tooltip that counts the findings and explains the marks; a click lists this plan's problems (VS Code has no API to
// filter the Problems panel to one file, so the list is a quick pick: choosing a finding goes to it).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import type { Linter } from '../lint/controller.js';
import { POINTS, type Point, type Problem } from '../../api/index.js';
import { threePoints, threePointsTooltip } from './three-points.js';

const LABELS = Object.fromEntries(POINTS.map((p) => [p.point, p.label])) as Record<Point, string>;

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  /** Whether the item is shown (for tests: what the user sees). */
  shown = false;

  constructor(private readonly linter: Linter) {
    this.item.command = SHOW_PLAN_PROBLEMS;
    this.item.tooltip = vscode.l10n.t(
      'Testbed Lint: the three points of this plan (click to go to one of its findings)',
    );
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
    // Why: a config with errors is a warning on the plan (its diagnostic), so it counts here as in the plans view.
    const configWarnings = r.configNotice ? 1 : 0;
    this.item.text = threePoints(r.problems, configWarnings);
    this.item.tooltip = new vscode.MarkdownString(threePointsTooltip(r.problems, LABELS, configWarnings));
    this.item.show();
    this.shown = true;
  }
}

export const SHOW_PLAN_PROBLEMS = 'testbedLint.showPlanProblems';
const ICON = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;

/** The quick pick's items for a plan's problems, in line order: mark, line, message; the rule id as description. */
export function planProblemItems(
  problems: readonly Problem[],
): { label: string; description: string; problem: Problem }[] {
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((p) => ({
      label: `${ICON[p.severity]} ${vscode.l10n.t('Line {0}', p.line)}: ${p.message}`,
      description: p.ruleId,
      problem: p,
    }));
}

/**
 * The status bar's click: this plan's problems in a quick pick, and the editor goes to the one chosen. `index` chooses
 * without asking (for keybindings and tests). Returns the 1-based line gone to, or undefined.
 */
export function registerPlanProblems(linter: Linter): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_PLAN_PROBLEMS, async (index?: number) => {
    const editor = vscode.window.activeTextEditor;
    const r = editor && linter.result(editor.document.uri);
    if (!editor || !r || !r.linted) return undefined;
    const items = planProblemItems(r.problems);
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This plan has no testbed-lint findings.'));
      return undefined;
    }
    const chosen =
      typeof index === 'number'
        ? items[index]
        : await vscode.window.showQuickPick(items, {
            placeHolder: vscode.l10n.t('Findings of this plan: choose one to go to it'),
            matchOnDescription: true,
          });
    if (!chosen) return undefined;
    const { line, column, endLine, endColumn } = chosen.problem;
    const range = new vscode.Range(line - 1, column - 1, endLine - 1, endColumn - 1);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return line;
  });
}

/** What the status bar shows now, for tests. */
export function statusBarState(bar: StatusBar): { shown: boolean; text: string; tooltip: string } {
  const t = bar.item.tooltip;
  return { shown: bar.shown, text: bar.item.text, tooltip: typeof t === 'string' ? t : (t?.value ?? '') };
}
