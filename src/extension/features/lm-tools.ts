// Language-model tools for Copilot's agent mode (vscode.lm.registerTool, declared under `languageModelTools` in
// package.json): lint a plan, explain a finding's rule with the plan's settings, and propose the plan's safe fixes as
// an unsaved edit in its editor, which the user keeps by saving or undoes. The same code runs on the desktop and on the web: plans
// are read as open documents, never through Node's fs. The findings have the shape `testbed-lint mcp` returns.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { fixText, rules, type Problem } from '../../api/index.js';
import type { Linter } from '../lint/controller.js';
import { ruleDocUri } from './rule-docs.js';

export const LM_TOOLS = {
  lint: 'testbedLint_lintPlan',
  explain: 'testbedLint_explainFinding',
  fix: 'testbedLint_fixPlan',
} as const;

interface PlanInput {
  /** A workspace-relative path or a URI; default: the active editor's plan. */
  plan?: string;
}
interface ExplainInput extends PlanInput {
  ruleId: string;
}

/** A finding as the tools return it: the CLI's JSON fields, with the severity as a word and the rule page's URL. */
export function toFinding(p: Problem): {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  docs: string;
} {
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    message: p.message,
    docs: p.docsUrl,
  };
}

const text = (s: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(s)]);

/** The plan a call names, as an open document; an Error with a sentence for the model when there is none. */
async function planDocument(input: PlanInput): Promise<vscode.TextDocument> {
  const given = input.plan?.trim();
  if (!given) {
    const active = vscode.window.activeTextEditor?.document;
    if (!active) throw new Error('No plan is open; give "plan", a path relative to the workspace.');
    return active;
  }
  let uri: vscode.Uri;
  if (/^[a-z][\w+.-]+:/i.test(given) && !/^[a-z]:[\\/]/i.test(given)) uri = vscode.Uri.parse(given);
  else {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error(`No workspace folder to find ${given} in.`);
    uri = vscode.Uri.joinPath(folder.uri, given.replace(/^\.\//, ''));
  }
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    throw new Error(`Cannot open ${given}.`);
  }
}

async function lintedPlan(linter: Linter, input: PlanInput) {
  const document = await planDocument(input);
  const result = await linter.current(document);
  const name = vscode.workspace.asRelativePath(document.uri);
  if (!result.linted)
    throw new Error(`${name} is not a linted testbed plan (not a plan, ignored by its config, or linting is off).`);
  return { document, result, name };
}

function report(name: string, problems: readonly Problem[]) {
  const count = (s: string) => problems.filter((p) => p.severity === s).length;
  return {
    file: name,
    findings: problems.map(toFinding),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}

/** Registers the three tools; their names and input schemas are declared in package.json. */
export function registerLmTools(linter: Linter): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  const lint: vscode.LanguageModelTool<PlanInput> = {
    prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Linting the testbed plan') }),
    async invoke(options) {
      const { result, name } = await lintedPlan(linter, options.input);
      return text(JSON.stringify(report(name, result.problems)));
    },
  };
  const explain: vscode.LanguageModelTool<ExplainInput> = {
    prepareInvocation: (options) => ({
      invocationMessage: vscode.l10n.t('Reading the page of {0}', options.input.ruleId),
    }),
    async invoke(options) {
      const id = options.input.ruleId;
      if (!rules.some((r) => r.meta.id === id)) throw new Error(`No testbed-lint rule is called "${id}".`);
      // The plan named, else the active editor's plan; without one, the page shows the defaults.
      const active = vscode.window.activeTextEditor?.document;
      const plan = options.input.plan?.trim()
        ? await planDocument(options.input)
        : active && linter.result(active.uri)?.linted
          ? active
          : undefined;
      // The page the editor shows for the rule, with the settings table of the plan (its config file's values).
      const page = await vscode.workspace.openTextDocument(ruleDocUri(id, plan?.uri));
      return text(page.getText());
    },
  };
  const fix: vscode.LanguageModelTool<PlanInput> = {
    prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Working out the safe fixes of the testbed plan') }),
    async invoke(options) {
      const { document, result, name } = await lintedPlan(linter, options.input);
      const before = document.getText();
      const fixed = result.options
        ? fixText(before, result.options)
        : { text: before, problems: result.problems, applied: 0 };
      if (fixed.text === before) return text(`No safe fix applies to ${name}; nothing to change.`);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(0), document.positionAt(before.length)),
        fixed.text,
      );
      // Why: the fixes go into the editor unsaved, as a proposal: the user keeps them by saving, or undoes them.
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${name}.`);
      await vscode.window.showTextDocument(document, { preview: false });
      return text(
        `Applied ${fixed.applied} safe fixes to ${name} in the editor, NOT saved: the user keeps them by saving the file, or ` +
          `undoes them (Undo, or File: Revert). Findings left: ${JSON.stringify(report(name, fixed.problems).findings)}\n\nThe fixed text:\n\n${fixed.text}`,
      );
    },
  };
  return [
    vscode.lm.registerTool(LM_TOOLS.lint, lint),
    vscode.lm.registerTool(LM_TOOLS.explain, explain),
    vscode.lm.registerTool(LM_TOOLS.fix, fix),
  ];
}
