// Code actions: each problem's fix (preferred) and suggestions, the rule's documentation, then disable comments; and
// source.fixAll.testbedLint, which applies every safe fix (as on save with editor.codeActionsOnSave).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { disableFileFix, disableNextLineFix, fixText, type Fix, type Problem } from '../../api/index.js';
import type { Linter } from '../lint/controller.js';
import { SHOW_RULE_DOCS_COMMAND } from './rule-docs.js';
import { INTERNAL_ERROR_CODE } from '../lint/worker-trouble.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('testbedLint');
/** Lifts a plan's quarantine (or its stopped lint's finding) and lints it again; argument: the document's URI string. */
export const CHECK_AGAIN_COMMAND = 'testbedLint.checkAgain';

function toEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits)
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(e.span.start), document.positionAt(e.span.end)),
      e.text,
    );
  return edit;
}

/**
 * One disable comment for several rules: the core's fix for the first rule, naming them all (a directive takes
 * space-separated ids). Undefined where no comment can go.
 */
export function grouped(
  ids: readonly string[],
  fixFor: (id: string) => Fix | undefined,
  where: string,
): Fix | undefined {
  const fix = fixFor(ids[0]!);
  if (!fix || ids.length === 1) return fix;
  const edit = fix.edits[0]!;
  if (fix.edits.length !== 1 || edit.text.split(` ${ids[0]}`).length !== 2) return fix;
  return {
    title: `Disable ${ids.length} rules ${where}: ${ids.join(', ')}`,
    edits: [{ span: edit.span, text: edit.text.replace(` ${ids[0]}`, ` ${ids.join(' ')}`) }],
  };
}

/**
 * Whether a fix deletes or rewrites words the user wrote: an edit replaces text that does not survive, word for
 * word, in what it writes. Such a suggestion is never preferred and comes last, after the documentation and disable
 * actions, so it is never the first entry of the Ctrl+. menu (nor in Fix all, which applies only safe fixes).
 */
export function removesWords(text: string, fix: Fix): boolean {
  return fix.edits.some((e) => {
    const words = text.slice(e.span.start, e.span.end).match(/[\p{L}\p{N}]+/gu) ?? [];
    return words.some((w) => !e.text.includes(w));
  });
}

export class PlanCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /** Why: the light bulb asks on every cursor move; fixing the whole text once per version is enough. */
  private readonly fixAllCache = new Map<string, { version: number; action?: vscode.CodeAction; applied: number }>();

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    ctx: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const r = await this.linter.current(document);
    const failed = ctx.diagnostics.filter((d) => d.source === 'testbed-lint' && d.code === INTERNAL_ERROR_CODE);
    if (
      r.internalError !== undefined &&
      failed.length > 0 &&
      (!ctx.only || ctx.only.contains(vscode.CodeActionKind.QuickFix))
    ) {
      const again = new vscode.CodeAction(vscode.l10n.t('Check again'), vscode.CodeActionKind.QuickFix);
      again.command = { title: again.title, command: CHECK_AGAIN_COMMAND, arguments: [document.uri.toString()] };
      again.diagnostics = failed;
      again.isPreferred = true;
      return [again];
    }
    if (!r.linted || !r.doc || !r.options) return [];
    if (ctx.only && ctx.only.contains(FIX_ALL_KIND)) {
      const { action } = this.fixAll(document, r.options);
      return action ? [action] : [];
    }
    if (ctx.only && !ctx.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const found: { d: vscode.Diagnostic; p: Problem }[] = [];
    for (const d of ctx.diagnostics) {
      if (d.source !== 'testbed-lint') continue;
      const id = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      const p = r.problems.find(
        (q) =>
          q.ruleId === id &&
          q.line - 1 === d.range.start.line &&
          q.column - 1 === d.range.start.character &&
          q.message === d.message,
      );
      if (p) found.push({ d, p });
    }
    if (found.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    const add = (fix: Fix | undefined, preferred: boolean, diagnostics: vscode.Diagnostic[]) => {
      if (!fix) return;
      const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      a.edit = toEdit(document, fix);
      a.diagnostics = diagnostics;
      a.isPreferred = preferred;
      actions.push(a);
    };
    const text = document.getText();
    const destructive: { fix: Fix; d: vscode.Diagnostic }[] = [];
    for (const { d, p } of found) {
      add(p.fix, true, [d]);
      for (const s of p.suggestions ?? []) {
        if (removesWords(text, s)) destructive.push({ fix: s, d });
        else add(s, false, [d]);
      }
    }
    // As ESLint has it: every safe fix of the file, from the Ctrl+. menu (not preferred: it changes more than this line).
    if (found.some(({ p }) => p.fix)) {
      const key = document.uri.toString();
      let cached = this.fixAllCache.get(key);
      if (cached?.version !== document.version) {
        cached = { version: document.version, ...this.fixAll(document, r.options, vscode.CodeActionKind.QuickFix) };
        this.fixAllCache.set(key, cached);
      }
      // Not where it would only repeat the one fix of the file. It names the fixable diagnostics here, so VS Code
      // lists it right after their fixes.
      if (cached.action && cached.applied > 1) {
        const a = new vscode.CodeAction(cached.action.title, vscode.CodeActionKind.QuickFix);
        a.edit = cached.action.edit!;
        a.diagnostics = found.filter(({ p }) => p.fix).map(({ d }) => d);
        actions.push(a);
      }
    }
    // Why: the documentation and disable actions are grouped (one for the docs, one per line, one for the file) so a
    // line with many findings (a plan's title, where missing sections are reported) keeps a short menu.
    const rulesOf = (list: typeof found) => [...new Set(list.map(({ p }) => p.ruleId))];
    const ids = rulesOf(found);
    // Why: explaining comes before silencing. For a finding with no safe fix the rule's page is the first entry, so
    // Ctrl+. then Enter opens it instead of switching the rule off; VS Code lists actions that name diagnostics
    // first, so this one names them too.
    const docs = new vscode.CodeAction(
      ids.length === 1
        ? vscode.l10n.t('Show documentation for {0}', ids[0]!)
        : vscode.l10n.t('Show documentation for one of {0} rules…', ids.length),
      vscode.CodeActionKind.QuickFix,
    );
    docs.command = {
      title: docs.title,
      command: SHOW_RULE_DOCS_COMMAND,
      arguments: [ids.length === 1 ? ids[0] : ids, document.uri.toString()],
    };
    docs.diagnostics = found.map(({ d }) => d);
    docs.isPreferred = false;
    actions.push(docs);
    for (const line of [...new Set(found.map(({ p }) => p.line))]) {
      const here = found.filter(({ p }) => p.line === line);
      add(
        grouped(rulesOf(here), (id) => disableNextLineFix(r.doc!, line, id), 'for this line'),
        false,
        here.map(({ d }) => d),
      );
    }
    add(
      grouped(ids, (id) => disableFileFix(r.doc!, id), 'for this file'),
      false,
      found.map(({ d }) => d),
    );
    for (const { fix, d } of destructive) add(fix, false, [d]);
    return actions;
  }

  /** Every safe fix at once, and how many were applied (no action when there is none). */
  private fixAll(
    document: vscode.TextDocument,
    options: Parameters<typeof fixText>[1],
    kind: vscode.CodeActionKind = FIX_ALL_KIND,
  ): { action?: vscode.CodeAction; applied: number } {
    const text = document.getText();
    const fixed = fixText(text, options);
    if (fixed.applied === 0 || fixed.text === text) return { applied: 0 };
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all testbed-lint problems ({0})', fixed.applied), kind);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(0), document.positionAt(text.length)),
      fixed.text,
    );
    return { action: a, applied: fixed.applied };
  }
}
