// The CLI: main() parses arguments and runs a command, with every stream and the environment injected.
import { formatDay, localDayOf, VERSION } from '../api/index.js';
import { escapeControls } from '../formatters/escape.js';
import { realFs, type Fs } from '../node/fs.js';
import { findPackageRoot } from '../node/package-root.js';
import { parseCommandLine, UsageError } from './args.js';
import { HELP } from './help.js';
import { initPlan } from './init.js';
import { runLint, type ExitCode } from './lint-run.js';
import { explainRule, listRules } from './rules-info.js';

export interface Writable {
  write(text: string): unknown;
}

export interface MainParams {
  /** The arguments after the program name (process.argv.slice(2)). */
  argv: readonly string[];
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  /** Read only with --stdin. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** For NO_COLOR and FORCE_COLOR; default: none set. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colours by default); default false. */
  isTTY?: boolean;
  /** The file system; default: node:fs. Tests inject failures through it. */
  fs?: Fs;
  /** The installed package's folder (for rule docs); default: found from this module's location. */
  packageRoot?: string;
  /** Today's date for `init` when --today is not given; default: the local clock. */
  now?: () => Date;
}

/** Runs the CLI. Never throws: anything unexpected becomes one "internal error" line and exit code 2. */
export async function main(params: MainParams): Promise<ExitCode> {
  // Why: a line may quote a file name, which a pull request chooses; its control characters are shown, not obeyed.
  const errLine = (line: string) => {
    try {
      params.stderr.write(`${escapeControls(line)}\n`);
    } catch {
      // Empty: nowhere left to report to.
    }
  };
  try {
    return await run(params, errLine);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    errLine(`testbed-lint: internal error: ${text.split('\n')[0]}`);
    return 2;
  }
}

async function run(params: MainParams, errLine: (line: string) => void): Promise<ExitCode> {
  const fs = params.fs ?? realFs;
  let command;
  try {
    command = parseCommandLine(params.argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    errLine(`testbed-lint: ${error.message}. Run "testbed-lint --help" for usage.`);
    return 2;
  }
  switch (command.kind) {
    case 'help':
      params.stdout.write(HELP);
      return 0;
    case 'version':
      params.stdout.write(`${VERSION}\n`);
      return 0;
    case 'list-rules':
      params.stdout.write(listRules());
      return 0;
    case 'explain': {
      const r = explainRule(command.ruleId, fs, params.packageRoot ?? findPackageRoot(fs));
      if (!r.ok) {
        errLine(`testbed-lint: ${r.message}`);
        return 2;
      }
      if (r.notice) errLine(`testbed-lint: ${r.notice}`);
      params.stdout.write(r.text);
      return 0;
    }
    case 'init': {
      const today = command.today ?? formatDay(localDayOf((params.now ?? (() => new Date()))()));
      const r = initPlan(fs, params.cwd, command.name, command.yaml, today, command.lang);
      if (!r.ok) {
        errLine(`testbed-lint: ${r.message}`);
        return 2;
      }
      params.stdout.write(
        `Wrote ${r.path}. Fill in the prompts, then check it with: testbed-lint ${quoteArg(r.path)}\n`,
      );
      return 0;
    }
    case 'mcp':
      // Why: loaded on demand, so linting never loads the MCP SDK; the server speaks on the process's stdin/stdout.
      return (await import('../mcp/server.js')).serveMcp({ cwd: params.cwd, fs, packageRoot: params.packageRoot });
    case 'lint':
      return runLint(command.options, {
        cwd: params.cwd,
        fs,
        stdout: params.stdout,
        error: errLine,
        notice: errLine,
        ...(params.stdin ? { stdin: params.stdin } : {}),
        color: useColor(command.options.color, params.env ?? {}, params.isTTY ?? false),
      });
  }
}

/** Colours: --no-color/--color win, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

function quoteArg(s: string): string {
  return /^[\w./@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
