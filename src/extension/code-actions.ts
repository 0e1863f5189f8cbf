// Code actions: each problem's fix (preferred) and suggestions, disable comments, the rule's documentation; and
// source.fixAll.testbedLint, which applies every safe fix (as on save with editor.codeActionsOnSave).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { disableFileFix, disableNextLineFix, fixText, type Fix } from '../core/index.js';
import type { Linter } from './controller.js';
import { SHOW_RULE_DOCS_COMMAND } from './rule-docs.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('testbedLint');

function toEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.span.start), document.positionAt(e.span.end)), e.text);
  return edit;
}

export class PlanCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const r = await this.linter.current(document);
    if (!r.linted || !r.doc || !r.options) return [];
    if (ctx.only && ctx.only.contains(FIX_ALL_KIND)) {
      const fixAll = this.fixAll(document, r.options);
      return fixAll ? [fixAll] : [];
    }
    if (ctx.only && !ctx.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const d of ctx.diagnostics) {
      if (d.source !== 'testbed-lint') continue;
      const id = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      const p = r.problems.find((q) => q.ruleId === id && q.line - 1 === d.range.start.line && q.column - 1 === d.range.start.character && q.message === d.message);
      if (!p) continue;
      const add = (fix: Fix | undefined, preferred: boolean) => {
        if (!fix) return;
        const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        a.edit = toEdit(document, fix);
        a.diagnostics = [d];
        a.isPreferred = preferred;
        actions.push(a);
      };
      add(p.fix, true);
      for (const s of p.suggestions ?? []) add(s, false);
      if (!seen.has(`line:${p.ruleId}:${p.line}`)) {
        seen.add(`line:${p.ruleId}:${p.line}`);
        add(disableNextLineFix(r.doc, p.line, p.ruleId), false);
      }
      if (!seen.has(`rule:${p.ruleId}`)) {
        seen.add(`rule:${p.ruleId}`);
        add(disableFileFix(r.doc, p.ruleId), false);
        const docs = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', p.ruleId), vscode.CodeActionKind.QuickFix);
        docs.command = { title: docs.title, command: SHOW_RULE_DOCS_COMMAND, arguments: [p.ruleId, document.uri.toString()] };
        actions.push(docs);
      }
    }
    return actions;
  }

  /** Every safe fix at once, or undefined when there is none. */
  private fixAll(document: vscode.TextDocument, options: Parameters<typeof fixText>[1]): vscode.CodeAction | undefined {
    const text = document.getText();
    const fixed = fixText(text, options);
    if (fixed.applied === 0 || fixed.text === text) return undefined;
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all testbed-lint problems ({0})', fixed.applied), FIX_ALL_KIND);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), fixed.text);
    return a;
  }
}
