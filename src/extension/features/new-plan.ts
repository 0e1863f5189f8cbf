// "New plan" in one step: the title, then the plan is written as <folder>/<kebab-title>.testbed.md|yaml (the file name
// rule `testbed-lint init` uses, planFileName), in the folder of the plan being edited or the workspace's plans/ folder
// (created if missing), opened, and named in one notification. It asks again only when that name is taken. The text is
// the core's template with the title.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { planFileName, planTemplate } from '../../api/index.js';

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
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, planFileName(title, form, n));
    if (!(await exists(uri))) return uri;
  }
}

/**
 * Where the plan goes when its name is taken, asked in one modal question: a free name beside it (`-2`), or the
 * existing plan opened instead (undefined: cancelled).
 */
async function whenTaken(taken: vscode.Uri, free: vscode.Uri): Promise<'create' | 'open' | undefined> {
  const create = vscode.l10n.t('Create {0}', posixBase(free));
  const open = vscode.l10n.t('Open {0}', posixBase(taken));
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(taken)),
    { modal: true },
    create,
    open,
  );
  return answer === create ? 'create' : answer === open ? 'open' : undefined;
}

const posixBase = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

async function show(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  // Not a preview tab: the user is about to write in it, and the next file opened must not replace it.
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * The command: asks for the title (unless `title` is given: tests, other extensions), writes the plan at
 * `<folder>/<kebab-title>.testbed.<ext>` and opens it. When that file exists it asks whether to create a free name
 * beside it or open the existing plan; with `title` given it takes the free name without asking. Without a workspace
 * folder the plan opens untitled.
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
  if (!folder) return show(await vscode.workspace.openTextDocument({ language: form, content }));
  const first = vscode.Uri.joinPath(folder, planFileName(name, form));
  let uri = await freePlanUri(folder, name, form);
  // Why: a plan is never replaced by a template; a taken name is the one moment worth a question.
  if (asked && uri.toString() !== first.toString()) {
    const choice = await whenTaken(first, uri);
    if (choice === undefined) return undefined;
    if (choice === 'open') return show(await vscode.workspace.openTextDocument(first));
  }
  // createDirectory makes the missing folders (plans/ included) and is a no-op for existing ones.
  await vscode.workspace.fs.createDirectory(folder);
  // Why: checked again just before writing, as the question may have stayed open while another plan took the name.
  if (await exists(uri)) uri = await freePlanUri(folder, name, form);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await show(await vscode.workspace.openTextDocument(uri));
  // One notification naming the file; not awaited: it waits for no answer.
  void vscode.window.showInformationMessage(vscode.l10n.t('New plan: {0}', vscode.workspace.asRelativePath(uri)));
  return document;
}
