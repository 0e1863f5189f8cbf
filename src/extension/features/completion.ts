// Completion of YAML keys and enum values (YAML plans, a Markdown plan's front matter) and, in a Markdown body, the
// values of labels, table cells, departments and moments, and a dated entry at `### ` in the log (completion-items.ts).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { bodyCompletionsAt, completionsAt, usedValues } from './completion-items.js';
import type { Linter } from '../lint/controller.js';
import { today } from './commands.js';

export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggers = [':', ' '];

  constructor(private readonly linter: Linter) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const r = await this.linter.current(document);
    if (!r.linted || !r.doc) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);
    const fm = r.doc.plan.frontMatter;
    const used = usedValues(r.doc.plan);
    const [from, to] =
      r.doc.form === 'yaml' ? [0, text.length] : fm ? [fm.contentSpan.start, fm.contentSpan.end] : [-1, -1];
    let items =
      from >= 0 && offset >= from && offset <= to
        ? completionsAt(text, offset, from, to, r.doc.form === 'yaml' ? 'yaml' : 'front-matter', used)
        : [];
    if (r.doc.form === 'markdown' && (from < 0 || offset > to)) {
      // The Markdown body: labels' values, table cells and departments in the section the cursor is in.
      const section = r.doc.outline.find(
        (o) => o.kind !== undefined && offset >= o.span.start && offset <= o.span.end,
      )?.kind;
      items = bodyCompletionsAt(text, offset, section, used, today());
    }
    if (items.length === 0) return undefined;
    // Why: the schema's order (first, second, third; draft ... closed; the plan's departments as they appear), not VS Code's alphabetical one.
    return items.map((c, i) => {
      const item = new vscode.CompletionItem(
        c.label,
        c.kind === 'key'
          ? vscode.CompletionItemKind.Property
          : c.kind === 'entry'
            ? vscode.CompletionItemKind.Snippet
            : vscode.CompletionItemKind.EnumMember,
      );
      item.insertText = c.insertText;
      if (c.kind === 'entry') {
        // The entry replaces its whole line (the `### ` typed so far); the filter text matches what was typed.
        const line = document.lineAt(position.line);
        item.range = new vscode.Range(line.range.start, position);
        item.filterText = document.getText(item.range);
        item.insertText = new vscode.SnippetString(c.insertText);
      }
      item.sortText = String(i).padStart(4, '0');
      if (c.detail) item.detail = c.detail;
      return item;
    });
  }
}
