// Completion of YAML keys and enum values, in YAML plans and in a Markdown plan's front matter (items from completion.ts).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { completionsAt } from './completion.js';
import type { Linter } from './controller.js';

export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggers = [':', ' '];

  constructor(private readonly linter: Linter) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const r = await this.linter.current(document);
    if (!r.linted || !r.doc) return undefined;
    const text = document.getText();
    const fm = r.doc.plan.frontMatter;
    const [from, to] = r.doc.form === 'yaml' ? [0, text.length] : fm ? [fm.contentSpan.start, fm.contentSpan.end] : [-1, -1];
    if (from < 0) return undefined;
    const items = completionsAt(text, document.offsetAt(position), from, to, r.doc.form === 'yaml' ? 'yaml' : 'front-matter');
    return items.map((c) => {
      const item = new vscode.CompletionItem(c.label, c.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.EnumMember);
      item.insertText = c.insertText;
      if (c.detail) item.detail = c.detail;
      return item;
    });
  }
}
