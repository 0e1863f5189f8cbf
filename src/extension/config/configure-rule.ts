// "Configure rule…": a code action on each testbed-lint diagnostic, and a command, that sets a rule's severity in the
// nearest config file governing the plan (created as .testbed-lint.yaml in the workspace folder when there is none).
// Through vscode.workspace.fs, so it works on the web too.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { SEVERITIES, rules, type SeveritySetting } from '../../api/index.js';
import { newConfigText, setRuleSeverity } from './severity-edit.js';
import { CONFIG_NAMES } from './workspace-config.js';

export const CONFIGURE_RULE_COMMAND = 'testbedLint.configureRule';

const IDS = new Set(rules.map((r) => r.meta.id));

function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return d.source === 'testbed-lint' && typeof code === 'string' && IDS.has(code) ? code : undefined;
}

export class ConfigureRuleActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    ctx: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ids = [...new Set(ctx.diagnostics.map(ruleOf).filter((id): id is string => id !== undefined))];
    return ids.map((id) => {
      const action = new vscode.CodeAction(vscode.l10n.t('Configure rule {0}…', id), vscode.CodeActionKind.QuickFix);
      action.command = { command: CONFIGURE_RULE_COMMAND, title: action.title, arguments: [document.uri, id] };
      // Why: no `diagnostics`, so VS Code lists it after the fixes and the disable entries, not among the fixes.
      return action;
    });
  }
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** The config file that governs `plan`: the nearest .testbed-lint.{yaml,yml,json} from its folder upwards, as the CLI finds it. */
export async function nearestConfig(plan: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(plan, '..');
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = vscode.Uri.joinPath(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    const up = vscode.Uri.joinPath(dir, '..');
    if (up.path === dir.path) return undefined;
    dir = up;
  }
}

/**
 * Sets `ruleId` to `severity` in the config governing `plan` (asks for what is not given) and returns the config file
 * written; `onWritten` re-reads configs and re-lints. Undefined when cancelled or the file cannot be changed.
 */
export async function configureRule(
  onWritten: (config: vscode.Uri) => Promise<void> | void,
  plan?: vscode.Uri,
  ruleId?: string,
  severity?: string,
): Promise<vscode.Uri | undefined> {
  const uri = plan ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const id =
    ruleId ??
    (
      await vscode.window.showQuickPick(
        rules.map((r) => ({ label: r.meta.id, description: r.meta.description })),
        { title: vscode.l10n.t('Configure which rule?'), matchOnDescription: true },
      )
    )?.label;
  if (!id || !IDS.has(id)) return undefined;
  const found = await nearestConfig(uri);
  const chosen =
    severity ??
    (
      await vscode.window.showQuickPick(
        SEVERITIES.map((s) => ({ label: s, description: s === 'off' ? vscode.l10n.t('do not run this rule') : '' })),
        {
          title: vscode.l10n.t(
            'Severity of {0} in {1}',
            id,
            found ? vscode.workspace.asRelativePath(found) : vscode.l10n.t('a new .testbed-lint.yaml'),
          ),
        },
      )
    )?.label;
  if (!chosen || !(SEVERITIES as readonly string[]).includes(chosen)) return undefined;
  const sev = chosen as SeveritySetting;
  let target = found;
  let text: string;
  try {
    if (found) {
      const old = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(found));
      text = setRuleSeverity(old, found.path.endsWith('.json') ? 'json' : 'yaml', id, sev);
    } else {
      const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
      if (!folder) throw new Error(vscode.l10n.t('no workspace folder to put .testbed-lint.yaml in'));
      target = vscode.Uri.joinPath(folder.uri, '.testbed-lint.yaml');
      // Why: once a config file exists the testbedLint.rules setting no longer applies, so its rules move into the file.
      const settings = vscode.workspace.getConfiguration('testbedLint').get<Record<string, unknown>>('rules') ?? {};
      text = newConfigText(id, sev, settings);
    }
    await vscode.workspace.fs.writeFile(target!, new TextEncoder().encode(text));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Testbed Lint: cannot set {0} in {1}: {2}',
        id,
        target ? vscode.workspace.asRelativePath(target) : '.testbed-lint.yaml',
        why,
      ),
    );
    return undefined;
  }
  await onWritten(target!);
  void sayWritten(target!, id, sev, found === undefined);
  return target;
}

/** One notification naming the file written (and whether it was created), with a button that opens it. */
async function sayWritten(file: vscode.Uri, id: string, severity: string, created: boolean): Promise<void> {
  const name = vscode.workspace.asRelativePath(file);
  const open = vscode.l10n.t('Open {0}', name);
  const answer = await vscode.window.showInformationMessage(
    created
      ? vscode.l10n.t('Created {0} with {1} set to {2}.', name, id, severity)
      : vscode.l10n.t('Set {1} to {2} in {0}.', name, id, severity),
    open,
  );
  if (answer === open) await vscode.window.showTextDocument(file);
}

export function registerConfigureRule(
  selector: vscode.DocumentSelector,
  onWritten: (config: vscode.Uri) => Promise<void> | void,
): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider(selector, new ConfigureRuleActions(), ConfigureRuleActions.metadata),
    vscode.commands.registerCommand(CONFIGURE_RULE_COMMAND, (plan?: vscode.Uri, ruleId?: string, severity?: string) =>
      configureRule(onWritten, plan instanceof vscode.Uri ? plan : undefined, ruleId, severity),
    ),
  ];
}
