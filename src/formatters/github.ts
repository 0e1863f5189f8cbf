// github: GitHub Actions workflow commands, one annotation per problem (error, warning, notice).
import { escapeControls } from './escape.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Escapes a workflow command's message (data): `%`, CR and LF as GitHub decodes them; other control characters
 * (an ESC the job log would obey) as visible `\x1b`-style text.
 */
export function escapeData(s: string): string {
  return escapeControls(s, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(displayPath(r.filePath, ctx.cwd));
    for (const p of r.problems) {
      const props = [
        `file=${file}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`testbed-lint (${p.ruleId})`)}`,
      ].join(',');
      lines.push(`::${COMMAND[p.severity]} ${props}::${escapeData(p.message)}`);
    }
  }
  return lines.join('\n');
};
