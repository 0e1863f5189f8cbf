// json: ESLint's JSON formatter shape, plus `docsUrl` per message and `infoCount` per file.
import type { Problem } from '../api/index.js';
import { escapeJsonControls } from './escape.js';
import { countProblems, type Formatter } from './types.js';

/** ESLint's numeric severities: 2 error, 1 warning; 0 (ESLint's "off") stands for info. */
export const SEVERITY_NUMBER = { error: 2, warning: 1, info: 0 } as const;

export interface JsonMessage {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
  /** ESLint's fix shape; present only for a safe fix made of one edit (offsets into the file's text). */
  fix?: { range: [number, number]; text: string };
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, after `--fix` or `--fix-dry-run` changed it (as ESLint's `output`). */
  output?: string;
}

export function toJsonMessage(p: Problem): JsonMessage {
  const m: JsonMessage = {
    ruleId: p.ruleId,
    severity: SEVERITY_NUMBER[p.severity],
    message: p.message,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    docsUrl: p.docsUrl,
  };
  const edit = p.fix?.edits.length === 1 ? p.fix.edits[0] : undefined;
  if (edit) m.fix = { range: [edit.span.start, edit.span.end], text: edit.text };
  return m;
}

export const json: Formatter = (results) => {
  const out: JsonResult[] = results.map((r) => {
    const c = countProblems(r.problems);
    const item: JsonResult = {
      filePath: r.filePath,
      messages: r.problems.map(toJsonMessage),
      errorCount: c.errorCount,
      warningCount: c.warningCount,
      infoCount: c.infoCount,
      fixableErrorCount: c.fixableErrorCount,
      fixableWarningCount: c.fixableWarningCount,
    };
    if (r.output !== undefined) item.output = r.output;
    return item;
  });
  return escapeJsonControls(JSON.stringify(out));
};
