// Commands: new plan (Markdown, YAML), add an iteration entry, lint every plan in the workspace.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { isPlan } from '../../api/index.js';
import type { Linter } from '../lint/controller.js';
import { iterationSnippet } from './iteration-snippet.js';
import { newPlan as createPlan } from './new-plan.js';

/** Today's local date as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface WorkspaceSummary {
  plans: number;
  errors: number;
  warnings: number;
  infos: number;
  files: { path: string; problems: number }[];
}

export function registerCommands(linter: Linter, output: { appendLine(line: string): void }): vscode.Disposable[] {
  const newPlan = (form: 'markdown' | 'yaml') => (title?: string) =>
    createPlan(
      form,
      today(),
      (d) => linter.result(d.uri)?.linted === true || isPlan(d.uri.path, d.getText()),
      typeof title === 'string' ? title : undefined,
    );

  async function addIterationEntry(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    const r = await linter.current(editor.document);
    const at = r.linted && r.doc ? iterationSnippet(r.doc, today()) : undefined;
    if (!at) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Testbed Lint: add the entry by hand (this is not a plan, it has no iteration log, or the log is a table or bullets).',
        ),
      );
      return false;
    }
    return editor.insertSnippet(new vscode.SnippetString(at.snippet), editor.document.positionAt(at.offset));
  }

  async function lintWorkspace(): Promise<WorkspaceSummary> {
    const files = await vscode.workspace.findFiles('**/*.{md,markdown,yaml,yml}', '**/node_modules/**');
    files.sort((a, b) => a.toString().localeCompare(b.toString()));
    const summary: WorkspaceSummary = { plans: 0, errors: 0, warnings: 0, infos: 0, files: [] };
    output.appendLine('Lint all plans in the workspace:');
    for (const uri of files) {
      const r = await linter.current(await vscode.workspace.openTextDocument(uri));
      if (!r.linted) continue;
      summary.plans++;
      const rel = vscode.workspace.asRelativePath(uri);
      summary.files.push({ path: rel, problems: r.problems.length });
      for (const p of r.problems) {
        if (p.severity === 'error') summary.errors++;
        else if (p.severity === 'warning') summary.warnings++;
        else summary.infos++;
        output.appendLine(`${rel}:${p.line}:${p.column} ${p.severity} ${p.message} ${p.ruleId}`);
      }
    }
    const line = `${summary.plans} plans: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`;
    output.appendLine(line);
    // Why: a toast that only counts leaves the user nowhere; its button opens the findings in the Problems view.
    const show = vscode.l10n.t('Show problems');
    void Promise.resolve(vscode.window.showInformationMessage(vscode.l10n.t('Testbed Lint: {0}', line), show)).then(
      (choice) => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      },
    );
    return summary;
  }

  return [
    vscode.commands.registerCommand('testbedLint.newPlanMarkdown', newPlan('markdown')),
    vscode.commands.registerCommand('testbedLint.newPlanYaml', newPlan('yaml')),
    vscode.commands.registerCommand('testbedLint.addIterationEntry', addIterationEntry),
    vscode.commands.registerCommand('testbedLint.lintWorkspace', lintWorkspace),
  ];
}
