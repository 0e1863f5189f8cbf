// The lint command, in stages: open the config, read the files (or stdin) into steps, lint the plans (cached, on
// worker threads), settle each step in file order (messages, results, fixes written back), then report and exit.
import { dirname, relative, resolve, sep } from 'node:path';
import {
  formatDay,
  localDayOf,
  parsePlan,
  plural,
  posixPath,
  rules,
  summarizePlan,
  VERSION,
  type LintConfig,
} from '../api/index.js';
import { reportHtml, reportMarkdown, type ReportEntry } from '../formatters/report.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import { sumCounts } from '../formatters/types.js';
import { collectFiles } from '../node/collect.js';
import { configResolver, isIgnoredBy, type ConfigError } from '../node/config.js';
import type { ConfigResolver } from '../api/index.js';
import { fsReason, type Fs } from '../node/fs.js';
import { GitIgnore } from '../node/gitignore.js';
import { encodeText } from '../node/read.js';
import { DEFAULT_CACHE_LOCATION, LintCache } from '../node/cache.js';
import { defaultThreads, lintAll, type LintJob, type LintOutcome } from '../node/workers.js';
import { ChangedDuringRun, replacePlan, writeFileAtomic } from '../node/write.js';
import type { LintOptions } from './args.js';
import { readCandidate, readStdinPlan, type PlanToLint, type ReadContext, type Step } from './plan-input.js';

export type ExitCode = 0 | 1 | 2;

export interface RunContext {
  cwd: string;
  fs: Fs;
  stdout: { write(s: string): unknown };
  /** One line at a time, without the newline. */
  error(line: string): void;
  notice(line: string): void;
  stdin?: AsyncIterable<Uint8Array | string>;
  color: boolean;
}

/** Counts for tests and benchmarks: plans linted, and plans whose problems came from the --cache. */
export const lintStats = { linted: 0, cached: 0 };

/** Prints messages and remembers whether an error was printed (which makes the exit code 2). */
class Messages {
  failed = false;
  constructor(private readonly ctx: RunContext) {}
  error(line: string): void {
    this.failed = true;
    this.ctx.error(line);
  }
  notice(line: string): void {
    this.ctx.notice(line);
  }
}

export async function runLint(o: LintOptions, ctx: RunContext): Promise<ExitCode> {
  const out = new Messages(ctx);
  // Why: config errors found while files are read wait in `steps`, so every message comes out in file order.
  const steps: Step[] = [];
  const resolver = await openConfig(o, ctx, out, steps);
  if (resolver === undefined) return 2;
  const today = o.today ?? formatDay(localDayOf(new Date()));
  const x: ReadContext = { o, fs: ctx.fs, cwd: ctx.cwd, today, resolver, rel: (p) => displayPath(p, ctx.cwd) };
  // Why: --fix writes files and reports what is left after fixing; only plain linting is cached.
  const cacheDir =
    o.cache && !o.fix && !o.fixDryRun ? resolve(ctx.cwd, o.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  const cache =
    cacheDir !== undefined
      ? LintCache.load(ctx.fs, cacheDir, (line) => steps.push({ kind: 'notice', line: `testbed-lint: ${line}` }))
      : undefined;
  if (o.stdin) {
    if (!ctx.stdin) {
      out.error('testbed-lint: --stdin was given but there is no stdin to read');
      return 2;
    }
    const step = await readStdinPlan(await readAll(ctx.stdin), x);
    if (step !== undefined) steps.push(step);
  } else await readFiles(x, steps);

  const outcomes = await lintPlans(steps, o, today, cache);
  const results = settle(steps, outcomes, { x, out, cache });
  const skipped = steps.filter((s) => s.kind === 'skipped').length;
  if (!o.stdin && results.length === 0 && !out.failed)
    out.notice(`testbed-lint: no plans found${skipped > 0 ? ` (${plural(skipped, 'file')} skipped: not plans)` : ''}`);
  if (cache) {
    try {
      cache.save();
    } catch (error) {
      out.notice(`testbed-lint: cannot write the cache to ${x.rel(cache.file)}: ${fsReason(error)}`);
    }
  }
  writeReport(results, steps, x, out, ctx);
  return exitCode(o, results, out, ctx);
}

/** Checks --config and loads the resolver; undefined (after printing why) when the run cannot go on. */
async function openConfig(
  o: LintOptions,
  ctx: RunContext,
  out: Messages,
  steps: Step[],
): Promise<ConfigResolver | undefined> {
  let reading = false;
  const onConfigError = (e: ConfigError) => {
    const line = `${displayPath(e.file, ctx.cwd)}:${e.line}:${e.column}: ${e.message}`;
    if (reading) steps.push({ kind: 'error', line });
    else out.error(line);
  };
  let configFile: string | undefined;
  if (o.config !== undefined) {
    configFile = resolve(ctx.cwd, o.config);
    try {
      const st = ctx.fs.statSync(configFile);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      // Why: a FIFO or a device as --config is named, never opened (it could block or never end).
      if (!st.isFile()) throw new Error('not a regular file');
    } catch (error) {
      out.error(`testbed-lint: --config ${o.config}: ${fsReason(error)}`);
      return undefined;
    }
  }
  const resolver = configResolver(ctx.fs, onConfigError, configFile);
  if (configFile !== undefined) {
    const fixed = await resolver.forDirectory(ctx.cwd);
    if (fixed.kind === 'file' && fixed.config.errors.length > 0) return undefined;
  }
  reading = true;
  return resolver;
}

/** Collects the files the patterns name and reads each into a step, in path order. */
async function readFiles(x: ReadContext, steps: Step[]): Promise<void> {
  const note = (kind: 'error' | 'notice') => (line: string) => steps.push({ kind, line });
  const candidates = await collectFiles(x.o.patterns, {
    cwd: x.cwd,
    fs: x.fs,
    gitignore: new GitIgnore(x.fs, x.cwd, (m) => note('notice')(`testbed-lint: ${m}`)),
    isConfigIgnoredDir: async (dir) => isIgnoredBy(await x.resolver.forFile(dir), dir, true),
    onError: (path, reason) => note('error')(`testbed-lint: ${x.rel(resolve(x.cwd, path))}: ${reason}`),
    onNotice: (message) => note('notice')(`testbed-lint: ${message}`),
  });
  for (const c of candidates) {
    const step = await readCandidate(c, x);
    if (step !== undefined) steps.push(step);
  }
}

/** What linting a plan gave: from the cache, or from a lint job (with the cache key to store it under). */
type Linted = { cached: Step & { kind: 'problems' } } | { outcome: LintOutcome; key: string | undefined };

/** Lints every plan step (or takes its problems from the cache), on worker threads when there are many. */
async function lintPlans(
  steps: readonly Step[],
  o: LintOptions,
  today: string,
  cache: LintCache | undefined,
): Promise<Map<PlanToLint, Linted>> {
  const linted = new Map<PlanToLint, Linted>();
  const jobs: LintJob[] = [];
  const pending: { plan: PlanToLint; key: string | undefined }[] = [];
  for (const step of steps) {
    if (step.kind !== 'lint') continue;
    const { plan } = step;
    const key = cache?.keyFor(plan.text, plan.config, today);
    const cached = key !== undefined ? cache!.get(plan.filePath, key) : undefined;
    if (cached !== undefined) {
      lintStats.cached++;
      linted.set(plan, { cached: { kind: 'problems', filePath: plan.filePath, problems: cached } });
      continue;
    }
    // Why: a link met while walking is linted as it is (its fixes are never written, so it is reported unfixed).
    const job: LintJob = {
      filePath: plan.filePath,
      text: plan.text,
      today,
      fix: o.fixDryRun || (o.fix && plan.source?.viaLink !== true),
    };
    if (plan.config !== undefined) job.config = plan.config;
    jobs.push(job);
    pending.push({ plan, key });
  }
  // Why: an explicit --concurrency N is obeyed even for a few small files; "auto" skips workers for those.
  const outcomes = await lintAll(
    jobs,
    o.concurrency === 'auto' ? { threads: defaultThreads() } : { threads: o.concurrency, force: true },
  );
  lintStats.linted += jobs.length;
  pending.forEach(({ plan, key }, i) => linted.set(plan, { outcome: outcomes[i]!, key }));
  return linted;
}

/**
 * Goes through the steps in file order: prints their messages, stores new problems in the cache, writes fixes
 * back (--fix) and gathers the results to report.
 */
function settle(
  steps: readonly Step[],
  linted: Map<PlanToLint, Linted>,
  s: { x: ReadContext; out: Messages; cache: LintCache | undefined },
): FileResult[] {
  const { x, out } = s;
  const results: FileResult[] = [];
  for (const step of steps) {
    if (step.kind === 'error') out.error(step.line);
    else if (step.kind === 'notice') out.notice(step.line);
    else if (step.kind === 'problems') results.push({ filePath: step.filePath, problems: step.problems });
    else if (step.kind === 'lint') {
      const got = linted.get(step.plan)!;
      if ('cached' in got) {
        results.push({ filePath: got.cached.filePath, problems: got.cached.problems });
        continue;
      }
      const { filePath } = step.plan;
      const { outcome, key } = got;
      if (outcome.error !== undefined) {
        out.error(`testbed-lint: internal error while linting ${x.rel(filePath)}: ${outcome.error}`);
        continue;
      }
      for (const c of outcome.crashes)
        out.error(`testbed-lint: rule "${c.ruleId}" crashed on ${x.rel(filePath)}: ${c.message}`);
      // Why: a plan a rule crashed on is linted again next time, so the crash is reported again.
      if (key !== undefined && outcome.crashes.length === 0) s.cache!.set(filePath, key, outcome.problems);
      if (step.plan.source?.viaLink === true) {
        out.notice(
          `testbed-lint: ${x.rel(filePath)} is a symbolic link met while walking a folder; linted, not fixed (name it to fix it)`,
        );
      } else if (outcome.output !== undefined && step.plan.source !== undefined)
        writeFixes(step.plan, outcome.output, x, out);
      const result: FileResult = { filePath, problems: outcome.problems };
      if (outcome.output !== undefined) result.output = outcome.output;
      results.push(result);
    }
  }
  return results;
}

/**
 * Writes a plan's fixed text back (--fix), whole and in the encoding it was read in, if the file still holds what
 * was linted. (A plan reached through a symbolic link while walking a folder never comes here: the link could point
 * anywhere, outside the tree that was asked for.) A plan named on the command line that is a link has its fixes
 * written to the file the link points to (the link stays a link).
 */
function writeFixes(plan: PlanToLint, output: string, x: ReadContext, out: Messages): void {
  const source = plan.source!;
  const name = x.rel(plan.filePath);
  try {
    const target = x.fs.lstatSync(plan.filePath).isSymbolicLink() ? x.fs.realpathSync(plan.filePath) : plan.filePath;
    replacePlan(x.fs, target, encodeText(output, source.encoding), source.bytes);
  } catch (error) {
    if (error instanceof ChangedDuringRun)
      out.error(`testbed-lint: ${name}: changed during the run; its fixes were not written (run --fix again)`);
    else out.error(`testbed-lint: cannot write the fixes to ${name}: ${fsReason(error)}`);
  }
}

/** Formats the results (or, for `report`, the plans overview) and writes them to --output or stdout. */
function writeReport(
  results: FileResult[],
  steps: readonly Step[],
  x: ReadContext,
  out: Messages,
  ctx: RunContext,
): void {
  const { o, cwd, today } = x;
  let report: string;
  if (o.report !== undefined) {
    // Why: the plans overview summarises each plan's model, so `report` reads each plan's text again.
    const plans = new Map<string, { text: string; config: LintConfig | undefined }>();
    for (const s of steps) if (s.kind === 'lint') plans.set(s.plan.filePath, s.plan);
    const entries: ReportEntry[] = results.map((r) => ({
      filePath: r.filePath,
      summary: summarizePlan(
        parsePlan(plans.get(r.filePath)?.text ?? '', r.filePath),
        r.problems,
        today,
        plans.get(r.filePath)?.config,
      ),
      problems: r.problems,
    }));
    const rctx = { cwd, today, version: VERSION, linkBase: reportLinkBase(o, cwd) };
    report = o.report === 'html' ? reportHtml(entries, rctx) : reportMarkdown(entries, rctx);
  } else {
    const shown = o.quiet
      ? results.map((r) => ({ ...r, problems: r.problems.filter((p) => p.severity === 'error') }))
      : results;
    const color = o.output !== undefined ? o.color === true : ctx.color;
    report = FORMATTERS[o.format](shown, { cwd, color, rules, version: VERSION });
  }
  if (report !== '' && !report.endsWith('\n')) report += '\n';
  if (o.output !== undefined) {
    try {
      writeFileAtomic(x.fs, resolve(cwd, o.output), report);
    } catch (error) {
      out.error(`testbed-lint: cannot write the report to ${o.output}: ${fsReason(error)}`);
    }
  } else if (report !== '') ctx.stdout.write(report);
}

/** 2 when an error line was printed, else 1 for lint errors or too many warnings, else 0. */
function exitCode(o: LintOptions, results: FileResult[], out: Messages, ctx: RunContext): ExitCode {
  if (out.failed) return 2;
  // Why: the overview is information for people; the lint run is what gates a pipeline.
  if (o.report !== undefined) return 0;
  const counts = sumCounts(results);
  if (counts.errorCount > 0) return 1;
  if (o.maxWarnings >= 0 && counts.warningCount > o.maxWarnings) {
    ctx.error(`testbed-lint found too many warnings (maximum: ${o.maxWarnings}).`);
    return 1;
  }
  return 0;
}

/** What the report puts before a plan's cwd-relative path: --link-base, or the way from --output's folder back to the cwd. */
export function reportLinkBase(o: Pick<LintOptions, 'linkBase' | 'output'>, cwd: string): string {
  if (o.linkBase !== undefined) return o.linkBase === '' || o.linkBase.endsWith('/') ? o.linkBase : `${o.linkBase}/`;
  if (o.output === undefined) return '';
  const back = posixPath(relative(dirname(resolve(cwd, o.output)), cwd), sep);
  return back === '' ? '' : `${back}/`;
}

/** Reads the whole of stdin (--stdin) as bytes; decoding is the read stage's. */
async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
