// Rule documentation inside VS Code, offline: the bundled rule page, with the rule's options and the values a plan is
// linted with, as a read-only document of the `testbed-lint-rule:` scheme shown in a locked Markdown preview beside the
// plan. Works in the desktop and the web worker host alike (no file, no network).
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { resolveRules, rules, TEAM_PREFIX, teamRule, teamRulePage, type Rule } from '../../api/index.js';
import type { Linter } from '../lint/controller.js';

export const RULE_DOCS_SCHEME = 'testbed-lint-rule';
export const SHOW_RULE_DOCS_COMMAND = 'testbedLint.showRuleDocumentation';

/** The page's document: `testbed-lint-rule:/<id>/<id>.md`, with the plan whose settings it shows as the query. */
export function ruleDocUri(ruleId: string, plan?: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({
    scheme: RULE_DOCS_SCHEME,
    path: `/${ruleId}/${ruleId}.md`,
    query: plan ? plan.toString() : '',
  });
}

/** A `command:` link that opens the page (a diagnostic's code link, markdown links). */
export function ruleDocsCommandUri(ruleId: string, plan?: vscode.Uri): vscode.Uri {
  const args = plan ? [ruleId, plan.toString()] : [ruleId];
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`);
}

const code = (v: unknown) => `\`${Array.isArray(v) ? v.join(', ') : String(v)}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The table shown under the page's title: severity and each option, with the value for `planName` where a plan is
 * given (`here`), and the default.
 */
export function settingsTable(
  rule: Rule,
  here: { planName: string; severity: string; options: Record<string, unknown> } | undefined,
): string {
  const m = rule.meta;
  const opts = Object.entries(m.options ?? {});
  const out: string[] = [];
  if (here) {
    out.push(
      `**Settings for \`${here.planName}\`** (its config file, or the \`testbedLint.rules\` setting where none applies):`,
      '',
    );
    out.push('| Setting | For this plan | Default | Meaning |', '|---|---|---|---|');
    out.push(`| severity | ${code(here.severity)} | ${code(m.defaultSeverity)} | error, warning, info, or off |`);
    for (const [k, s] of opts)
      out.push(`| \`${k}\` | ${code(here.options[k] ?? s.default)} | ${code(s.default)} | ${cell(s.description)} |`);
  } else {
    out.push('**Settings** (defaults; open this page from a plan to see the values it is linted with):', '');
    out.push('| Setting | Default | Meaning |', '|---|---|---|');
    out.push(`| severity | ${code(m.defaultSeverity)} | error, warning, info, or off |`);
    for (const [k, s] of opts) out.push(`| \`${k}\` | ${code(s.default)} | ${cell(s.description)} |`);
  }
  return out.join('\n');
}

/** The page with the settings table after its title block (the title and the `> Category ...` line). */
export function withSettings(page: string, table: string): string {
  const lines = page.split('\n');
  let at = lines.findIndex((l) => l.startsWith('> '));
  if (at === -1) at = 0;
  while (at + 1 < lines.length && lines[at + 1]!.startsWith('> ')) at++;
  return [...lines.slice(0, at + 1), '', table, ...lines.slice(at + 1)].join('\n');
}

export type PageLoader = (ruleId: string) => Promise<string | undefined>;

/** Serves `testbed-lint-rule:` documents; refreshes open pages when settings or config files change. */
export class RuleDocsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly linter: Linter,
    private readonly loadPage: PageLoader,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Re-renders every open page (their plan's config may have changed). */
  refresh(): void {
    for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === RULE_DOCS_SCHEME) this.changed.fire(d.uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    // A team rule's page (`team/<id>`) is generated from its definition in the config of the plan it is opened from.
    const id = /^\/((?:team\/)?[a-z0-9-]+)\/\1\.md$/.exec(uri.path)?.[1];
    const plan = uri.query ? vscode.Uri.parse(uri.query) : undefined;
    const options = plan && (await this.linter.optionsFor(plan, plan.scheme === 'file' ? plan.fsPath : plan.path));
    const def = options?.config?.teamRules?.find((d) => `${TEAM_PREFIX}${d.id}` === id);
    const rule = def ? teamRule(def) : rules.find((r) => r.meta.id === id);
    const page = def ? teamRulePage(def) : rule ? await this.loadPage(rule.meta.id) : undefined;
    if (!rule || page === undefined) return `# Unknown rule\n\nNo testbed-lint rule is called \`${id ?? uri.path}\`.\n`;
    let here: Parameters<typeof settingsTable>[1];
    if (plan) {
      const resolved = options && resolveRules(def ? [rule] : rules, options.config).get(rule.meta.id);
      if (resolved)
        here = {
          planName: vscode.workspace.asRelativePath(plan),
          severity: resolved.severity,
          options: resolved.options,
        };
    }
    return withSettings(page, settingsTable(rule, here));
  }
}

/**
 * Opens a rule's page beside the plan, in a Markdown preview locked to that page: it stays a tab of its own when the
 * writer clicks back into the plan (a dynamic preview would follow the plan and become "Preview <plan>"). Where the
 * preview is not available, the source, read-only, beside the plan.
 */
export async function showRuleDocs(ruleId: string, plan?: vscode.Uri): Promise<vscode.Uri> {
  const uri = ruleDocUri(ruleId, plan);
  // Opened first so the page is rendered once and stays an open document the preview follows (refresh on config changes).
  const page = await vscode.workspace.openTextDocument(uri);
  try {
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
  } catch {
    await vscode.window.showTextDocument(page, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }
  return uri;
}

export function registerRuleDocs(
  linter: Linter,
  loadPage: PageLoader,
): { provider: RuleDocsProvider; disposables: vscode.Disposable[] } {
  const provider = new RuleDocsProvider(linter, loadPage);
  // The rule: an id, or one picked from several ids (a code action for a line with several findings) or from all.
  const command = vscode.commands.registerCommand(
    SHOW_RULE_DOCS_COMMAND,
    async (ruleId?: string | string[], plan?: string) => {
      const id =
        typeof ruleId === 'string'
          ? ruleId
          : (
              await vscode.window.showQuickPick(
                rules
                  .filter((r) => !ruleId || ruleId.includes(r.meta.id))
                  .map((r) => ({ label: r.meta.id, description: r.meta.description })),
                { placeHolder: vscode.l10n.t('Rule') },
              )
            )?.label;
      if (!id) return undefined;
      // Without a plan given, the active editor's plan (if it is one) supplies the configured values.
      const active = vscode.window.activeTextEditor?.document.uri;
      const planUri =
        plan !== undefined ? vscode.Uri.parse(plan) : active && linter.result(active)?.linted ? active : undefined;
      return (await showRuleDocs(id, planUri)).toString();
    },
  );
  return {
    provider,
    disposables: [provider, command, vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, provider)],
  };
}
