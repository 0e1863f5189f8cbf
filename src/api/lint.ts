// Linting a plan's text with every rule: the core's engine run over the rule registry. Pure: no I/O.
import { resolveToday } from '../core/dates.js';
import type { PlanDocument } from '../core/document.js';
import { runRules, type RuleCrash } from '../core/engine.js';
import { applyFixes } from '../core/fix.js';
import { formatSize } from '../core/limits.js';
import type { PlanForm } from '../core/model.js';
import { ParseSession, parsePlan } from '../core/parse/index.js';
import { LintRun } from '../core/run.js';
import type { LintConfig } from '../core/config.js';
import { LineIndex } from '../core/positions.js';
import { teamRulesOf } from '../core/team-rules.js';
import type { Problem } from '../core/types.js';
import { docsUrlFor, rules } from '../rules/index.js';

export interface LintOptions {
  /** The file's path or URI; its extension picks the form (.yaml/.yml: YAML, else Markdown). */
  filePath: string;
  /** Rule settings; default: the `recommended` preset. */
  config?: LintConfig;
  /** Today's date as YYYY-MM-DD, for reproducible date rules; default: the local clock. */
  today?: string;
  /** Force the form instead of guessing it from `filePath`. */
  form?: PlanForm;
  /** Called when a rule throws; the other rules' problems are still returned. */
  onRuleError?: (crash: RuleCrash) => void;
}

export interface LintResult {
  problems: Problem[];
  crashes: RuleCrash[];
  document: PlanDocument;
}

/** A lint run of every rule under one config: what a one-shot lint makes and drops, and a session keeps. */
export function runFor(config: LintConfig | undefined): LintRun {
  const team = teamRulesOf(config?.teamRules);
  return new LintRun(team.length > 0 ? [...rules, ...team] : rules, config);
}

/**
 * Parses and lints one plan, returning the parsed document and rule crashes as well as the problems. `run`: a lint run
 * of `options.config` (from `runFor`) that a caller linting many plans under one config keeps, so the rules' word
 * lists are compiled once for all of them; by default a new one, dropped after this plan.
 */
export function lintDetailed(text: string, options: LintOptions, run: LintRun = runFor(options.config)): LintResult {
  return lintWith(text, options, undefined, run);
}

/** Lints `text` with the parse session (an editor document's; none for a one-shot lint) and the lint run given. */
export function lintWith(
  text: string,
  options: LintOptions,
  session: ParseSession | undefined,
  run: LintRun,
): LintResult {
  const bom = text.charCodeAt(0) === 0xfeff;
  const given = bom ? text.slice(1) : text;
  // Why: CommonMark and YAML read a lone CR (old Mac line endings) as a line break, but the parsers and the line
  // index here break at LF only. A lone CR becomes an LF of the same length, so every offset, line and column
  // still refers to the text given; a plan whose lines end in CR gets its fixes' new lines in CR too.
  const body = given.includes('\r') ? given.replace(LONE_CR, '\n') : given;
  const today = resolveToday(options.today);
  const document = parsePlan(body, options.filePath, options.form, session, run.config?.language);
  const { problems, crashes } = runRules(document, { run, today, docsUrl: docsUrlFor });
  for (const c of crashes) options.onRuleError?.(c);
  if (body !== given && endsLinesWithCr(given)) for (const p of problems) editsInCr(p);
  // Why: a byte-order mark is not part of the text an editor shows; offsets still refer to the text given.
  if (bom) for (const p of problems) shift(p, 1);
  return { problems, crashes, document };
}

const LONE_CR = /\r(?!\n)/g;

/** Whether the first line break of `text` is a lone CR. */
function endsLinesWithCr(text: string): boolean {
  const cr = text.indexOf('\r');
  return cr !== -1 && text[cr + 1] !== '\n' && (text.indexOf('\n') === -1 || text.indexOf('\n') > cr);
}

/** Writes the line breaks of a problem's edits as CR, the line ending of the plan they go into. */
function editsInCr(p: Problem): void {
  for (const f of [...(p.fix ? [p.fix] : []), ...(p.suggestions ?? [])])
    f.edits = f.edits.map((e) => ({ span: e.span, text: e.text.replace(/\r?\n/g, '\r') }));
}

function shift(p: Problem, by: number): void {
  p.span = { start: p.span.start + by, end: p.span.end + by };
  for (const f of [...(p.fix ? [p.fix] : []), ...(p.suggestions ?? [])])
    f.edits = f.edits.map((e) => ({ span: { start: e.span.start + by, end: e.span.end + by }, text: e.text }));
  for (const r of p.related ?? []) r.span = { start: r.span.start + by, end: r.span.end + by };
}

/** Lints one plan's text and returns its problems, sorted by position. Pure and deterministic given `today`. */
export function lint(text: string, options: LintOptions): Problem[] {
  return lintDetailed(text, options).problems;
}

/**
 * Applies safe fixes until none is left (at most 10 passes); returns the fixed text and the problems that remain.
 * `run` as for lintDetailed.
 */
export function fixText(
  text: string,
  options: LintOptions,
  // One run for every pass: the config is resolved and the rules' matchers built once.
  run: LintRun = runFor(options.config),
): { text: string; problems: Problem[]; applied: number } {
  const lintNow = (t: string) => lintWith(t, options, undefined, run).problems;
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < 10; pass++) {
    const problems = lintNow(current);
    const r = applyFixes(current, problems);
    if (r.applied === 0) return { text: current, problems, applied };
    applied += r.applied;
    current = r.text;
  }
  return { text: current, problems: lintNow(current), applied };
}

/**
 * The problems of a plan too large to read (it is not parsed): one plan-syntax problem at 1:1 naming its size,
 * the limit and the setting that raises it (`--max-file-size`, `testbedLint.maxFileSize`), with the severity the
 * config gives plan-syntax; none when plan-syntax is off. The CLI and the editor report the same finding.
 */
export function lintTooLarge(
  size: number,
  limit: number,
  setting: string,
  options: Omit<LintOptions, 'form'> & { unit?: 'bytes' | 'characters' },
): Problem[] {
  const document = parsePlan('', options.filePath, 'markdown');
  const unit = options.unit ?? 'bytes';
  document.syntaxIssues = [
    {
      span: { start: 0, end: 0 },
      kind: 'size',
      detail: `it ${unit === 'bytes' ? 'is' : 'has'} ${formatSize(size, unit)}, over the limit of ${formatSize(limit, unit)} (${setting})`,
    },
  ];
  const today = resolveToday(options.today);
  const run = new LintRun(
    rules.filter((r) => r.meta.id === 'plan-syntax'),
    options.config,
  );
  return runRules(document, { run, today, docsUrl: docsUrlFor }).problems;
}

/**
 * The problems of a plan whose bytes cannot be decoded (invalid UTF-8, a NUL byte): one plan-syntax problem at
 * `offset` of `text` (the bytes decoded leniently, so lines and columns count as an editor shows them), with the
 * severity the config gives plan-syntax; none when plan-syntax is off. The plan is not parsed.
 */
export function lintUndecodable(
  text: string,
  offset: number,
  detail: string,
  options: Omit<LintOptions, 'form'>,
): Problem[] {
  const document = parsePlan('', options.filePath, 'markdown');
  document.text = text;
  document.lines = new LineIndex(text);
  const at = Math.max(0, Math.min(offset, text.length));
  document.syntaxIssues = [{ span: { start: at, end: Math.min(at + 1, text.length) }, kind: 'encoding', detail }];
  const today = resolveToday(options.today);
  const run = new LintRun(
    rules.filter((r) => r.meta.id === 'plan-syntax'),
    options.config,
  );
  return runRules(document, { run, today, docsUrl: docsUrlFor }).problems;
}
