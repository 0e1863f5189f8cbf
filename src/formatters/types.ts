// What every formatter receives: one result per linted file, and the context of the run.
import type { Problem, Rule } from '../api/index.js';

/** The problems of one linted file. */
export interface FileResult {
  /** Absolute path, or `<stdin>` when text came from stdin without `--stdin-filename`. */
  filePath: string;
  problems: Problem[];
  /** The fixed text, when `--fix` or `--fix-dry-run` changed it. */
  output?: string;
}

export interface FormatterContext {
  /** Paths are shown relative to this folder (stylish, sarif, junit, github). */
  cwd: string;
  /** Whether to use ANSI colours (stylish only). */
  color: boolean;
  /** Every rule, for SARIF's rule metadata. */
  rules: readonly Rule[];
  /** The tool's version. */
  version: string;
}

/** A formatter: pure, it returns the report's text and writes nothing. */
export type Formatter = (results: readonly FileResult[], ctx: FormatterContext) => string;

export interface Counts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fixableInfoCount: number;
}

/** Counts problems by severity, and those with a safe fix. */
export function countProblems(problems: readonly Problem[]): Counts {
  const c: Counts = {
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fixableInfoCount: 0,
  };
  for (const p of problems) {
    const fixable = p.fix !== undefined && p.fix.edits.length > 0;
    if (p.severity === 'error') {
      c.errorCount++;
      if (fixable) c.fixableErrorCount++;
    } else if (p.severity === 'warning') {
      c.warningCount++;
      if (fixable) c.fixableWarningCount++;
    } else {
      c.infoCount++;
      if (fixable) c.fixableInfoCount++;
    }
  }
  return c;
}

/** Adds up counts over several files. */
export function sumCounts(results: readonly FileResult[]): Counts {
  return countProblems(results.flatMap((r) => r.problems));
}
