// What the MCP tools do, without the protocol: each operation runs the CLI's own main() in-process (lint and
// --fix-dry-run as JSON), so a tool finds the same config the CLI finds next to the plan, and gives the CLI's
// findings. Nothing here writes a file: the fixed plan is returned as text.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { planTemplate, resolveRules, rules, type Rule } from '../api/index.js';
import type { JsonResult } from '../formatters/json.js';
import { main } from '../cli/main.js';
import { explainRule } from '../cli/rules-info.js';
import { configResolver, toLintConfig, type ConfigError } from '../node/config.js';
import { fsReason, realFs, type Fs } from '../node/fs.js';
import { findPackageRoot } from '../node/package-root.js';

/** Where the plan comes from: its text with a file name (for its form and config), or a path to read. */
export interface PlanInput {
  text?: string | undefined;
  filename?: string | undefined;
  path?: string | undefined;
  /** YYYY-MM-DD, the date the date rules count from; default: today. */
  today?: string | undefined;
}

export interface OpsContext {
  /** Relative paths and file names are resolved against this folder (the server's working directory). */
  cwd: string;
  fs?: Fs;
  /** The installed package's folder (rule pages); default: found from this module's location. */
  packageRoot?: string | undefined;
}

export type Severity = 'error' | 'warning' | 'info';

/** One finding, as the CLI's JSON gives it, with the severity as a word and the rule page's URL. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  docs: string;
}

export interface LintReport {
  /** The plan's path relative to the working directory (or as given when outside it). */
  file: string;
  findings: Finding[];
  errors: number;
  warnings: number;
  infos: number;
}

export interface FixedPlan extends LintReport {
  /** The plan's text with every safe fix applied (the same as the input when no fix applies). */
  text: string;
  /** Whether any fix changed the text. */
  changed: boolean;
}

/** A failure the tool reports as its result (isError): the CLI's own one-line messages. */
export class OpError extends Error {}

const SEVERITIES: Record<number, Severity> = { 2: 'error', 1: 'warning', 0: 'info' };

interface CliRun {
  code: number;
  stdout: string;
  stderr: string[];
}

async function runCli(argv: string[], ctx: OpsContext, stdinText?: string): Promise<CliRun> {
  let stdout = '';
  const stderr: string[] = [];
  let partial = '';
  const code = await main({
    argv,
    cwd: ctx.cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: {
      write: (s: string) => {
        const lines = (partial + s).split('\n');
        partial = lines.pop() ?? '';
        stderr.push(...lines);
      },
    },
    ...(stdinText !== undefined
      ? {
          // Why: an async generator is the plain way to hand the CLI its AsyncIterable stdin (one chunk, nothing to await).
          // eslint-disable-next-line @typescript-eslint/require-await -- see the line above
          stdin: (async function* () {
            yield stdinText;
          })(),
        }
      : {}),
    ...(ctx.fs ? { fs: ctx.fs } : {}),
    ...(ctx.packageRoot !== undefined ? { packageRoot: ctx.packageRoot } : {}),
  });
  if (partial) stderr.push(partial);
  return { code, stdout, stderr };
}

/** Checks the input's shape: `path`, or `text` with `filename`. */
function planArgs(input: PlanInput): { argv: string[]; stdin?: string; shown: string } {
  const today = input.today !== undefined ? ['--today', input.today] : [];
  if (input.path !== undefined) {
    if (input.text !== undefined) throw new OpError('give either "path", or "text" with "filename", not both');
    return { argv: [...today, '--', input.path], shown: input.path };
  }
  if (input.text === undefined)
    throw new OpError('give the plan as "path" (a file to read), or as "text" with "filename"');
  if (input.filename === undefined || input.filename.trim() === '') {
    throw new OpError(
      '"text" needs a "filename" (such as plans/northside.testbed.md): its extension picks Markdown or YAML and its folder the config',
    );
  }
  return { argv: [...today, '--stdin', '--stdin-filename', input.filename], stdin: input.text, shown: input.filename };
}

function toFinding(m: JsonResult['messages'][number]): Finding {
  return {
    ruleId: m.ruleId,
    severity: SEVERITIES[m.severity] ?? 'info',
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    message: m.message,
    docs: m.docsUrl,
  };
}

function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split('\\').join('/');
}

async function lintJson(
  input: PlanInput,
  ctx: OpsContext,
  fix: boolean,
): Promise<{ result: JsonResult; shown: string }> {
  const { argv, stdin, shown } = planArgs(input);
  const run = await runCli(
    ['--format', 'json', '--concurrency', '1', ...(fix ? ['--fix-dry-run'] : []), ...argv],
    ctx,
    stdin,
  );
  // Exit 2: a bad config, an unreadable file, a usage mistake; the CLI's lines say which.
  if (run.code === 2)
    throw new OpError(run.stderr.map((l) => l.replace(/^testbed-lint: /, '')).join('\n') || `cannot lint ${shown}`);
  const results = JSON.parse(run.stdout || '[]') as JsonResult[];
  const result = results[0];
  if (!result) {
    // No result: the config's `ignores` cover the file (the CLI's notice says so), or it is not a plan.
    const ignored = run.stderr.find((l) => l.includes(' is ignored by '));
    throw new OpError(
      ignored?.replace(/^testbed-lint: /, '') ??
        `${shown} is not a testbed plan: name it *.testbed.md or *.testbed.yaml, or put "kind: testbed-plan" at its top`,
    );
  }
  return { result, shown };
}

function report(result: JsonResult, ctx: OpsContext): LintReport {
  return {
    file: displayName(result.filePath, ctx.cwd),
    findings: result.messages.map(toFinding),
    errors: result.errorCount,
    warnings: result.warningCount,
    infos: result.infoCount,
  };
}

/** Lints a plan as `testbed-lint --format json` does. */
export async function lintPlan(input: PlanInput, ctx: OpsContext): Promise<LintReport> {
  return report((await lintJson(input, ctx, false)).result, ctx);
}

/** The plan with the safe fixes applied (`--fix-dry-run`); writes nothing. */
export async function fixedPlan(input: PlanInput, ctx: OpsContext): Promise<FixedPlan> {
  const { result } = await lintJson(input, ctx, true);
  let original = input.text;
  if (original === undefined) {
    try {
      original = (ctx.fs ?? realFs).readFileSync(result.filePath, 'utf8');
    } catch (error) {
      throw new OpError(`cannot read ${input.path ?? result.filePath}: ${fsReason(error)}`);
    }
  }
  const text = result.output ?? original;
  return { ...report(result, ctx), text, changed: result.output !== undefined && result.output !== original };
}

/** A line per finding: `file:line:column  severity  message  rule-id`, as the CLI's stylish output words it. */
export function findingsText(r: LintReport): string {
  if (r.findings.length === 0) return `${r.file}: no findings.`;
  const lines = r.findings.map((f) => `${r.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.ruleId}`);
  return [...lines, '', `${r.errors} errors, ${r.warnings} warnings, ${r.infos} infos.`].join('\n');
}

export interface RuleInfo {
  id: string;
  category: string;
  defaultSeverity: string;
  fixable: string;
  description: string;
  docs: string;
}

function ruleInfo(r: Rule, docs: string): RuleInfo {
  return {
    id: r.meta.id,
    category: r.meta.category,
    defaultSeverity: r.meta.defaultSeverity,
    fixable: r.meta.fixable,
    description: r.meta.description,
    docs,
  };
}

/** Every rule, as `--list-rules` lists them, with the resource URI of its page. */
export function listRules(pageUri: (id: string) => string): RuleInfo[] {
  return rules.map((r) => ruleInfo(r, pageUri(r.meta.id)));
}

export interface Explanation {
  ruleId: string;
  /** The rule's page (Markdown), with the settings table for the plan when one was given. */
  page: string;
  /** The plan the settings are for, and where they come from. */
  plan?: { file: string; config: string; severity: string; options: Record<string, unknown> };
}

/** The rule's page; given a plan, with the severity and options that plan is linted with (its config file's). */
export async function explain(ruleId: string, plan: PlanInput | undefined, ctx: OpsContext): Promise<Explanation> {
  const fs = ctx.fs ?? realFs;
  const r = explainRule(ruleId, fs, ctx.packageRoot ?? findPackageRoot(fs));
  if (!r.ok) throw new OpError(r.message);
  const rule = rules.find((x) => x.meta.id === ruleId)!;
  const where = plan?.path ?? plan?.filename;
  if (plan === undefined || where === undefined)
    return { ruleId, page: withTable(r.text, settingsTable(rule, undefined)) };
  const file = resolve(ctx.cwd, where);
  const errors: ConfigError[] = [];
  const config = await configResolver(fs, (e) => errors.push(e)).forDirectory(dirname(file));
  if (errors.length > 0) {
    throw new OpError(
      errors.map((e) => `${displayName(e.file, ctx.cwd)}:${e.line}:${e.column}: ${e.message}`).join('\n'),
    );
  }
  const resolved = resolveRules(rules, toLintConfig(config)).get(ruleId);
  const source = config.kind === 'file' ? displayName(config.config.file, ctx.cwd) : 'none (the recommended preset)';
  const here = {
    file: displayName(file, ctx.cwd),
    config: source,
    severity: resolved?.severity ?? 'off',
    options: resolved?.options ?? {},
  };
  return { ruleId, page: withTable(r.text, settingsTable(rule, here)), plan: here };
}

const code = (v: unknown) =>
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects went to JSON.stringify: v is a primitive
  `\`${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function settingsTable(rule: Rule, here: Explanation['plan']): string {
  const opts = Object.entries(rule.meta.options ?? {});
  if (!here) {
    const rows = opts.map(([k, s]) => `| \`${k}\` | ${code(s.default)} | ${cell(s.description)} |`);
    return [
      '**Settings** (defaults):',
      '',
      '| Setting | Default | Meaning |',
      '|---|---|---|',
      `| severity | ${code(rule.meta.defaultSeverity)} | error, warning, info, or off |`,
      ...rows,
    ].join('\n');
  }
  const rows = opts.map(
    ([k, s]) => `| \`${k}\` | ${code(here.options[k] ?? s.default)} | ${code(s.default)} | ${cell(s.description)} |`,
  );
  return [
    `**Settings for \`${here.file}\`** (config file: ${here.config}):`,
    '',
    '| Setting | For this plan | Default | Meaning |',
    '|---|---|---|---|',
    `| severity | ${code(here.severity)} | ${code(rule.meta.defaultSeverity)} | error, warning, info, or off |`,
    ...rows,
  ].join('\n');
}

/** The page with the table after its title block (the title and the `> Category ...` line). */
function withTable(page: string, table: string): string {
  const lines = page.split('\n');
  let at = lines.findIndex((l) => l.startsWith('> '));
  if (at === -1) at = 0;
  while (at + 1 < lines.length && lines[at + 1]!.startsWith('> ')) at++;
  return [...lines.slice(0, at + 1), '', table, ...lines.slice(at + 1)].join('\n');
}

/** The text of a new plan (`testbed-lint init`'s template), and a file name for it that marks it as a plan. */
export function newPlanTemplate(
  title: string,
  form: 'markdown' | 'yaml',
  today: string,
): { text: string; filename: string } {
  const stem =
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'testbed-plan';
  return { text: planTemplate(form, { title, today }), filename: `${stem}.testbed.${form === 'yaml' ? 'yaml' : 'md'}` };
}
