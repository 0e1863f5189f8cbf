// A core problem as the editor shows it (0-based range, VS Code's severity names, the rule id linked to its page).
// Pure: no vscode import.
import type { Problem } from '../../api/index.js';

/** A 0-based range, end character exclusive: [startLine, startCharacter, endLine, endCharacter]. */
export type Range0 = [number, number, number, number];

export type DiagnosticSeverityName = 'error' | 'warning' | 'information';

export interface DiagnosticData {
  range: Range0;
  severity: DiagnosticSeverityName;
  message: string;
  source: 'testbed-lint';
  code: { value: string; target: string };
  related: { message: string; range: Range0 }[];
}

const SEVERITY: Record<Problem['severity'], DiagnosticSeverityName> = {
  error: 'error',
  warning: 'warning',
  info: 'information',
};

/** The editor's view of a problem: 0-based range, mapped severity, rule id linked to its doc. */
export function toDiagnosticData(p: Problem): DiagnosticData {
  return {
    range: [p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1],
    severity: SEVERITY[p.severity],
    message: p.message,
    source: 'testbed-lint',
    code: { value: p.ruleId, target: p.docsUrl },
    related: (p.related ?? []).map((r) => ({
      message: r.message,
      range: [r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1],
    })),
  };
}
