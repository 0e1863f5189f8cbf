// Hover: the guidance of a section heading or key, and the allowed values of an enum value (src/core's guidance).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { guidanceOptionsFor } from '../../api/index.js';
import type { Linter } from '../lint/controller.js';
import { hoverAt } from './hover-text.js';

export class PlanHoverProvider implements vscode.HoverProvider {
  constructor(private readonly linter: Linter) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const r = await this.linter.current(document);
    if (!r.linted || !r.doc) return undefined;
    const h = hoverAt(r.doc, document.offsetAt(position), guidanceOptionsFor(r.options?.config));
    if (!h) return undefined;
    return new vscode.Hover(
      new vscode.MarkdownString(h.markdown),
      new vscode.Range(document.positionAt(h.span.start), document.positionAt(h.span.end)),
    );
  }
}
