// stylish (the default): ESLint's human format, grouped by file, `line:col  severity  message  rule-id`, a summary.
import pc from 'picocolors';
import { maxOf, plural, type Problem } from '../api/index.js';
import { escapeControls } from './escape.js';
import { displayPath } from './paths.js';
import { sumCounts, type Formatter } from './types.js';

/** Messages up to this length are padded so the rule ids line up; longer ones are not. */
const MESSAGE_COLUMN = 60;

/** Prints nothing when there are no problems, like ESLint. */
export const stylish: Formatter = (results, ctx) => {
  const c = pc.createColors(ctx.color);
  let out = '';
  for (const result of results) {
    if (result.problems.length === 0) continue;
    const rows = result.problems.map((p) => ({
      line: String(p.line),
      column: String(p.column),
      severity: p.severity,
      // Why: ESLint drops a message's final period, since the rule id follows on the same line.
      message: escapeControls(p.message.replace(/\s*\r?\n\s*/g, ' ').replace(/([^ ])\.$/, '$1')),
      ruleId: p.ruleId,
    }));
    const w = {
      line: maxOf(rows.map((r) => r.line.length)),
      column: maxOf(rows.map((r) => r.column.length)),
      severity: maxOf(rows.map((r) => r.severity.length)),
      // Why: plan messages are sentences; aligning rule ids past the longest one makes every line as wide as it.
      message: Math.min(MESSAGE_COLUMN, maxOf(rows.map((r) => r.message.length))),
    };
    out += `\n${c.underline(escapeControls(displayPath(result.filePath, ctx.cwd)))}\n`;
    for (const r of rows) {
      const pos = c.dim(`${r.line.padStart(w.line)}:${r.column.padEnd(w.column)}`);
      const sev = severityColor(c, r.severity)(r.severity.padEnd(w.severity));
      out += `  ${pos}  ${sev}  ${r.message.padEnd(w.message)}  ${c.dim(r.ruleId)}\n`;
    }
  }
  const total = sumCounts(results);
  const count = total.errorCount + total.warningCount + total.infoCount;
  if (count === 0) return '';
  const summary = `${count === total.infoCount ? 'ℹ' : '✖'} ${plural(count, 'problem')} (${plural(total.errorCount, 'error')}, ${plural(total.warningCount, 'warning')}, ${plural(total.infoCount, 'info')})`;
  const color = total.errorCount > 0 ? c.red : total.warningCount > 0 ? c.yellow : c.blue;
  out += `\n${c.bold(color(summary))}\n`;
  const fixable = total.fixableErrorCount + total.fixableWarningCount + total.fixableInfoCount;
  if (fixable > 0) {
    const parts = `${plural(total.fixableErrorCount, 'error')}, ${plural(total.fixableWarningCount, 'warning')} and ${plural(total.fixableInfoCount, 'info')}`;
    out += `${c.bold(color(`  ${parts} potentially fixable with the \`--fix\` option.`))}\n`;
  }
  return out;
};

function severityColor(c: ReturnType<typeof pc.createColors>, s: Problem['severity']) {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.blue;
}
