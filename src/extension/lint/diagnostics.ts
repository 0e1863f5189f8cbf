// Diagnostics: each lint result as vscode.Diagnostics (rule id linked to its page inside VS Code), and config errors
// in the config files themselves.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import type { Problem } from '../../api/index.js';
import type { ConfigErrors } from '../config/config-drafts.js';
import type { ConfigError, ConfigNotice } from '../config/workspace-config.js';
import type { Linter, LintResult } from './controller.js';
import { toDiagnosticData, type Range0 } from './diagnostic-data.js';
import { ruleDocsCommandUri } from '../features/rule-docs.js';
import { INTERNAL_ERROR_CODE } from './worker-trouble.js';

// Why: read when used, not at module load, so loading the bundle touches as little of the host API as possible.
const severityOf = (s: 'error' | 'warning' | 'information') =>
  s === 'error'
    ? vscode.DiagnosticSeverity.Error
    : s === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;

const range = (r: Range0) => new vscode.Range(r[0], r[1], r[2], r[3]);

/** A problem as VS Code shows it: the code links to the rule's page, opened in VS Code with this plan's settings. */
export function toDiagnostic(uri: vscode.Uri, p: Problem): vscode.Diagnostic {
  const data = toDiagnosticData(p);
  const d = new vscode.Diagnostic(range(data.range), data.message, severityOf(data.severity));
  d.source = data.source;
  d.code = { value: data.code.value, target: ruleDocsCommandUri(p.ruleId, uri) };
  if (data.related.length > 0)
    d.relatedInformation = data.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range(r.range)), r.message),
    );
  return d;
}

/** A config error as its file shows it: the offending key or value underlined (one character when its end is unknown). */
export function configErrorRange(e: ConfigError): vscode.Range {
  const end =
    e.endLine !== undefined && e.endColumn !== undefined ? [e.endLine - 1, e.endColumn - 1] : [e.line - 1, e.column];
  return new vscode.Range(e.line - 1, e.column - 1, end[0]!, end[1]!);
}

/**
 * The one diagnostic at the top of a plan whose config has errors: the config, its first error in the CLI's words
 * (`file:line:column: message`), and what the plan is checked with instead. It links to that error.
 */
export function configNoticeDiagnostic(notice: ConfigNotice, configUri: vscode.Uri): vscode.Diagnostic {
  const name = vscode.workspace.asRelativePath(configUri);
  const first = `${name}:${notice.first.line}:${notice.first.column}: ${notice.first.message}`;
  const message = notice.defaults
    ? vscode.l10n.t('The config {0} cannot be read, so this plan is checked with the default rules. {1}', name, first)
    : notice.count === 1
      ? vscode.l10n.t('The config {0} has an error; this plan is checked with the rest of it. {1}', name, first)
      : vscode.l10n.t(
          'The config {0} has {1} errors; this plan is checked with the rest of it. The first: {2}',
          name,
          notice.count,
          first,
        );
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Warning);
  d.source = 'testbed-lint';
  d.relatedInformation = [
    new vscode.DiagnosticRelatedInformation(
      new vscode.Location(configUri, configErrorRange(notice.first)),
      notice.first.message,
    ),
  ];
  return d;
}

/** The diagnostics of one result: its problems (and its config's notice), its internal error, its notice, or none. */
export function diagnosticsOf(r: LintResult): vscode.Diagnostic[] {
  if (r.linted) {
    const list = r.problems.map((p) => toDiagnostic(r.uri, p));
    if (r.configNotice)
      list.unshift(
        configNoticeDiagnostic(r.configNotice, r.uri.with({ path: r.configNotice.file, query: '', fragment: '' })),
      );
    return list;
  }
  if (r.internalError !== undefined) {
    // A plan that could not be checked: an error, so it is not taken for a clean plan; features/code-actions.ts offers "Check again".
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), r.internalError, vscode.DiagnosticSeverity.Error);
    d.source = 'testbed-lint';
    d.code = INTERNAL_ERROR_CODE;
    return [d];
  }
  if (r.notice === undefined) return [];
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), r.notice, vscode.DiagnosticSeverity.Information);
  d.source = 'testbed-lint';
  return [d];
}

export function registerDiagnostics(linter: Linter, config: ConfigErrors): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('testbed-lint');
  const configDiagnostics = vscode.languages.createDiagnosticCollection('testbed-lint-config');
  const publishConfigErrors = () => {
    configDiagnostics.clear();
    for (const { uri, errors } of config.errors()) {
      configDiagnostics.set(
        uri,
        errors.map((e) => {
          const d = new vscode.Diagnostic(configErrorRange(e), e.message, vscode.DiagnosticSeverity.Error);
          d.source = 'testbed-lint';
          return d;
        }),
      );
    }
  };
  return [
    diagnostics,
    configDiagnostics,
    linter.onDidLint((r) => {
      const list = diagnosticsOf(r);
      if (list.length > 0) diagnostics.set(r.uri, list);
      else diagnostics.delete(r.uri);
    }),
    linter.onDidForget((uri) => diagnostics.delete(uri)),
    config.onDidChangeErrors(publishConfigErrors),
  ];
}
