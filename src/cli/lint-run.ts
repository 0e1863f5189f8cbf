// The lint command: collect files, find their configs, read, lint (or fix), format, write, and pick the exit code.
import { dirname, relative, resolve, sep } from 'node:path';
import { formatDay, formOf, isPlan, localDayOf, isPlanName, lintTooLarge, parsePlan, plural, posixPath, rules, summarizePlan, VERSION } from '../api/index.js';
import { reportHtml, reportMarkdown, type ReportEntry } from '../formatters/report.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import { sumCounts } from '../formatters/types.js';
import { collectFiles } from '../node/collect.js';
import { ConfigResolver, isIgnoredBy, toLintConfig, type ConfigFor, type ConfigError } from '../node/config.js';
import { fsReason, type Fs } from '../node/fs.js';
import { GitIgnore } from '../node/gitignore.js';
import { decodeLenient, decodeUtf8, looksBinary, readFileBytes, readHead } from '../node/read.js';
import { DEFAULT_CACHE_LOCATION, LintCache } from '../node/cache.js';
import { defaultThreads, lintAll, type LintJob, type LintOutcome } from '../node/workers.js';
import { writeFileAtomic } from '../node/write.js';
import type { LintOptions } from './args.js';
import type { LintConfig } from '../api/index.js';

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

const STDIN_NAME = '<stdin>';
/** How much of a file too large to read is read to tell whether it is a plan (its front matter). */
const HEAD_BYTES = 64 * 1024;

/** Counts for tests and benchmarks: plans linted, and plans whose problems came from the --cache. */
export const lintStats = { linted: 0, cached: 0 };

export async function runLint(o: LintOptions, ctx: RunContext): Promise<ExitCode> {
  const { cwd, fs } = ctx;
  let failed = false;
  // Why: while files are collected, messages wait in `steps`, so they come out in order with the results.
  let deferring = false;
  const steps: (() => void)[] = [];
  const fail = (line: string) => {
    if (deferring) steps.push(() => fail(line));
    else {
      failed = true;
      ctx.error(line);
    }
  };
  const notice = (line: string) => {
    if (deferring) steps.push(() => notice(line));
    else ctx.notice(line);
  };
  const rel = (p: string) => displayPath(p, cwd);
  const onConfigError = (e: ConfigError) => fail(`${rel(e.file)}:${e.line}:${e.column}: ${e.message}`);

  let configFile: string | undefined;
  if (o.config !== undefined) {
    configFile = resolve(cwd, o.config);
    try {
      if (!fs.statSync(configFile).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    } catch (error) {
      fail(`testbed-lint: --config ${o.config}: ${fsReason(error)}`);
      return 2;
    }
  }
  const resolver = new ConfigResolver(fs, onConfigError, configFile);
  if (configFile !== undefined && !resolver.load(configFile).ok) return 2;

  const results: FileResult[] = [];
  let skipped = 0;
  const today = o.today ?? formatDay(localDayOf(new Date()));
  // Why: --fix writes files and reports what is left after fixing; only plain linting is cached.
  const fixing = o.fix || o.fixDryRun;
  const cache = o.cache && !fixing ? LintCache.load(fs, resolve(cwd, o.cacheLocation ?? DEFAULT_CACHE_LOCATION)) : undefined;
  // Why: files are read and checked in order first, then linted (on several threads when there are many),
  // then reported in the same order; `steps` keeps every message and result in its place.
  const jobs: LintJob[] = [];
  const later = (step: () => void) => steps.push(step);
  // Why: the plans overview summarises each plan's model, so `report` keeps the texts to read them again.
  const texts = new Map<string, { text: string; config: LintConfig | undefined }>();
  const lintText = (filePath: string, text: string, config: ConfigFor, write: boolean) => {
    const lintConfig = toLintConfig(config);
    if (o.report !== undefined) texts.set(filePath, { text, config: lintConfig });
    const key = cache?.keyFor(text, lintConfig, today);
    const cached = key !== undefined ? cache!.get(filePath, key) : undefined;
    if (cached !== undefined) {
      lintStats.cached++;
      later(() => results.push({ filePath, problems: cached }));
      return;
    }
    const job: LintJob = { filePath, text, today, fix: fixing };
    if (lintConfig !== undefined) job.config = lintConfig;
    const index = jobs.push(job) - 1;
    later(() => finish(filePath, outcomes[index]!, write, key));
  };
  let outcomes: LintOutcome[] = [];
  const finish = (filePath: string, outcome: LintOutcome, write: boolean, key: string | undefined) => {
    if (outcome.error !== undefined) {
      fail(`testbed-lint: internal error while linting ${rel(filePath)}: ${outcome.error}`);
      return;
    }
    for (const c of outcome.crashes) fail(`testbed-lint: rule "${c.ruleId}" crashed on ${rel(filePath)}: ${c.message}`);
    // Why: a plan a rule crashed on is linted again next time, so the crash is reported again.
    if (key !== undefined && outcome.crashes.length === 0) cache!.set(filePath, key, outcome.problems);
    if (outcome.output !== undefined && write) {
      try {
        fs.writeFileSync(filePath, outcome.output, 'utf8');
      } catch (error) {
        fail(`testbed-lint: cannot write the fixes to ${rel(filePath)}: ${fsReason(error)}`);
      }
    }
    const result: FileResult = { filePath, problems: outcome.problems };
    if (outcome.output !== undefined) result.output = outcome.output;
    results.push(result);
  };

  deferring = true;
  if (o.stdin) {
    if (!ctx.stdin) {
      deferring = false;
      fail('testbed-lint: --stdin was given but there is no stdin to read');
      return 2;
    }
    const bytes = await readAll(ctx.stdin);
    const text = decodeUtf8(bytes);
    const filePath = o.stdinFilename !== undefined ? resolve(cwd, o.stdinFilename) : STDIN_NAME;
    if (text === undefined) fail(`testbed-lint: ${o.stdinFilename ?? STDIN_NAME}: not valid UTF-8 text`);
    else {
      const config = resolver.forDirectory(o.stdinFilename !== undefined ? dirname(filePath) : cwd);
      if (config.kind === 'file' && !config.config.ok) {
        // Empty: the config's errors are printed; the text is not linted with a config that is wrong.
      } else if (o.stdinFilename !== undefined && isIgnoredBy(config, filePath, false)) {
        notice(`testbed-lint: ${o.stdinFilename} is ignored by the "ignores" of ${rel(configOf(config))}`);
      } else if (o.stdinFilename !== undefined && !isPlan(filePath, text)) {
        skipped++;
      } else lintText(filePath, text, config, false);
    }
  } else {
    const gitignore = new GitIgnore(fs, cwd);
    const candidates = collectFiles(o.patterns, {
      cwd,
      fs,
      gitignore,
      isConfigIgnoredDir: (dir) => isIgnoredBy(resolver.forFile(dir), dir, true),
      onError: (path, reason) => fail(`testbed-lint: ${rel(resolve(cwd, path))}: ${reason}`),
      onNotice: (message) => notice(`testbed-lint: ${message}`),
    });
    for (const { path, explicit } of candidates) {
      if (!isPlanName(path) && formOf(path) === undefined) {
        skipped++;
        continue;
      }
      const config = resolver.forFile(path);
      if (config.kind === 'file' && !config.config.ok) continue;
      if (isIgnoredBy(config, path, false)) {
        if (explicit) notice(`testbed-lint: ${rel(path)} is ignored by the "ignores" of ${rel(configOf(config))}`);
        continue;
      }
      const read = readFileBytes(fs, path, o.maxFileSize);
      if (read.kind === 'error') {
        fail(`testbed-lint: ${rel(path)}: ${read.reason}`);
        continue;
      }
      if (read.kind === 'not-a-file') {
        if (explicit) fail(`testbed-lint: ${rel(path)}: not a regular file`);
        continue;
      }
      if (read.kind === 'too-large') {
        // Why: a plan too large to read is a problem of that plan (CI must not pass it unread); a large file that is
        // not a plan (its name and the head of its text say so) is skipped like any other non-plan.
        const head = isPlanName(path) ? undefined : readHead(fs, path, HEAD_BYTES);
        if (!isPlanName(path) && (head === undefined || looksBinary(head) || !isPlan(path, decodeLenient(head)))) {
          skipped++;
          continue;
        }
        const lintConfig = toLintConfig(config);
        const problems = lintTooLarge(read.size, o.maxFileSize, '--max-file-size', { filePath: path, today, ...(lintConfig !== undefined ? { config: lintConfig } : {}) });
        later(() => results.push({ filePath: path, problems }));
        continue;
      }
      if (looksBinary(read.bytes)) {
        if (explicit) notice(`testbed-lint: skipped ${rel(path)}: binary file`);
        skipped++;
        continue;
      }
      const text = decodeUtf8(read.bytes);
      if (text === undefined) {
        // Why: only a plan's broken encoding is an error; a stray Latin-1 README found while walking is not ours.
        if (isPlan(path, decodeLenient(read.bytes))) fail(`testbed-lint: ${rel(path)}: not valid UTF-8 text`);
        else skipped++;
        continue;
      }
      if (!isPlan(path, text)) {
        skipped++;
        continue;
      }
      lintText(path, text, config, o.fix);
    }
  }
  // Why: an explicit --concurrency N is obeyed even for a few small files; "auto" skips workers for those.
  outcomes = await lintAll(jobs, o.concurrency === 'auto' ? { threads: defaultThreads() } : { threads: o.concurrency, force: true });
  lintStats.linted += jobs.length;
  jobs.length = 0;
  deferring = false;
  for (const step of steps) step();
  steps.length = 0;
  if (!o.stdin && results.length === 0 && !failed) notice(`testbed-lint: no plans found${skipped > 0 ? ` (${plural(skipped, 'file')} skipped: not plans)` : ''}`);
  if (cache) {
    try {
      cache.save();
    } catch (error) {
      notice(`testbed-lint: cannot write the cache to ${rel(cache.file)}: ${fsReason(error)}`);
    }
  }

  const shown = o.quiet ? results.map((r) => ({ ...r, problems: r.problems.filter((p) => p.severity === 'error') })) : results;
  const color = o.output !== undefined ? o.color === true : ctx.color;
  let report: string;
  if (o.report !== undefined) {
    const entries: ReportEntry[] = results.map((r) => ({
      filePath: r.filePath,
      summary: summarizePlan(parsePlan(texts.get(r.filePath)?.text ?? '', r.filePath), r.problems, today, texts.get(r.filePath)?.config),
      problems: r.problems,
    }));
    const rctx = { cwd, today, version: VERSION, linkBase: reportLinkBase(o, cwd) };
    report = o.report === 'html' ? reportHtml(entries, rctx) : reportMarkdown(entries, rctx);
  } else report = FORMATTERS[o.format](shown, { cwd, color, rules, version: VERSION });
  if (report !== '' && !report.endsWith('\n')) report += '\n';
  if (o.output !== undefined) {
    try {
      writeFileAtomic(fs, resolve(cwd, o.output), report);
    } catch (error) {
      fail(`testbed-lint: cannot write the report to ${o.output}: ${fsReason(error)}`);
    }
  } else if (report !== '') ctx.stdout.write(report);

  const counts = sumCounts(results);
  if (failed) return 2;
  // Why: the overview is information for people; the lint run is what gates a pipeline.
  if (o.report !== undefined) return 0;
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

function configOf(config: ConfigFor): string {
  return config.kind === 'file' ? config.config.file : '';
}

/** Today on the local clock, as the core takes it when no date is given. */
async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
