// "New plan": asks for a title and saves the plan where plans live, as <folder>/<kebab-title>.testbed.md|yaml, in the
// folder of the plan being edited or the workspace's plans/ folder. The text is the core's template with the title.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { planTemplate } from '../../api/index.js';

/** A title as a file name: lower case, words joined by hyphens, nothing but letters, digits and hyphens. */
export function kebab(title: string): string {
  const name = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return name || 'testbed-plan';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The folder a new plan goes to: the folder of the active plan, or `plans/` in the (first) workspace folder. */
export function planFolder(isPlan: (document: vscode.TextDocument) => boolean): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active && !active.isUntitled && isPlan(active) && vscode.workspace.getWorkspaceFolder(active.uri)) {
    return vscode.Uri.joinPath(active.uri, '..');
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root && vscode.Uri.joinPath(root, 'plans');
}

/** `<folder>/<kebab-title>.testbed.<ext>`, or with -2, -3 ... when that file exists. */
export async function freePlanUri(folder: vscode.Uri, title: string, form: 'markdown' | 'yaml'): Promise<vscode.Uri> {
  const base = kebab(title);
  const ext = form === 'yaml' ? 'yaml' : 'md';
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${base}${n === 1 ? '' : `-${n}`}.testbed.${ext}`);
    if (!(await exists(uri))) return uri;
  }
}

/**
 * The command: with `title` given (tests, other extensions) it saves at the proposed path without asking; otherwise
 * it asks for the title and shows the proposed path in a save dialog. Without a workspace folder the plan opens untitled.
 */
export async function newPlan(
  form: 'markdown' | 'yaml',
  today: string,
  isPlan: (d: vscode.TextDocument) => boolean,
  title?: string,
): Promise<vscode.TextDocument | undefined> {
  const asked = title === undefined;
  const name =
    title ??
    (await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Title of the testbed plan'),
      placeHolder: vscode.l10n.t('Pilot with a small new hospital'),
      ignoreFocusOut: true,
    }));
  if (name === undefined || name.trim() === '') return undefined;
  const content = planTemplate(form, { title: name, today });
  const folder = planFolder(isPlan);
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: form, content });
    await vscode.window.showTextDocument(document);
    return document;
  }
  let uri = await freePlanUri(folder, name, form);
  if (asked) {
    const chosen = await vscode.window.showSaveDialog({
      defaultUri: uri,
      title: vscode.l10n.t('Save the new testbed plan'),
      filters:
        form === 'yaml'
          ? { [vscode.l10n.t('Testbed plan (YAML)')]: ['testbed.yaml', 'yaml'] }
          : { [vscode.l10n.t('Testbed plan (Markdown)')]: ['testbed.md', 'md'] },
    });
    if (!chosen) return undefined;
    // Why: the save dialog asked before replacing an existing file; the user said yes, but a plan is never replaced
    // silently by a template, so an existing file gets a free name beside it instead.
    uri = (await exists(chosen)) ? await freePlanUri(vscode.Uri.joinPath(chosen, '..'), name, form) : chosen;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  // Not a preview tab: the user is about to write in it, and the next file opened must not replace it.
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
