// Command-line arguments: parsing with util.parseArgs, validation, and the one-line usage errors.
import { parseArgs } from 'node:util';
import { LANGS, isLang, parseIsoDate, type Lang } from '../api/index.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../formatters/index.js';
import { DEFAULT_MAX_FILE_SIZE } from '../node/read.js';
import { didYouMean } from './suggest.js';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  today: { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'list-rules': { type: 'boolean' },
  explain: { type: 'string' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  yaml: { type: 'boolean' },
  lang: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  'link-base': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export const OPTION_NAMES = Object.keys(OPTIONS).map((k) => `--${k}`);

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'list-rules' }
  | { kind: 'explain'; ruleId: string }
  | { kind: 'init'; name: string; yaml: boolean; today?: string; lang?: Lang }
  | { kind: 'mcp' }
  | { kind: 'lint'; options: LintOptions };

export interface LintOptions {
  patterns: string[];
  format: FormatName;
  output?: string;
  /** -1: no limit. */
  maxWarnings: number;
  config?: string;
  today?: string;
  stdin: boolean;
  stdinFilename?: string;
  quiet: boolean;
  /** true/false when --color/--no-color was given. */
  color?: boolean;
  fix: boolean;
  fixDryRun: boolean;
  maxFileSize: number;
  /** --cache: reuse the problems of plans that did not change since the last run. */
  cache: boolean;
  /** --cache-location: the cache folder (relative to the current folder); default node_modules/.cache/testbed-lint. */
  cacheLocation?: string;
  /** --concurrency: threads to lint on (1: no workers); "auto": one per core, none for a few small files. */
  concurrency: number | 'auto';
  /** `testbed-lint report`: the plans overview in this format instead of the problems. */
  report?: ReportFormat;
  /** `report --link-base`: put before each plan's path in its links (a repository's blob URL, a folder). */
  linkBase?: string;
}

export const REPORT_FORMATS = ['markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A mistake on the command line; main prints it as one line plus a hint, and exits with 2. */
export class UsageError extends Error {}

/** Parses `argv` (the arguments after the program name) into a command. Throws UsageError. */
export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const v = parsed.values;
  const positionals = parsed.positionals;
  // Why: `--` ends the options, and the command words too: everything after it is a path, even one named "init",
  // "report" or "--help" (the GitHub Action passes a pull request's file names that way).
  const end = parsed.tokens.find((t) => t.kind === 'option-terminator')?.index ?? Infinity;
  const first = parsed.tokens.find((t) => t.kind === 'positional');
  const command = first !== undefined && first.index < end ? positionals[0] : undefined;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  const today = v.today;
  if (today !== undefined && parseIsoDate(today) === undefined)
    throw new UsageError(`--today takes a real date as YYYY-MM-DD, got "${today}"`);
  if (v['list-rules']) return { kind: 'list-rules' };
  if (v.explain !== undefined) return { kind: 'explain', ruleId: v.explain };
  if (command === 'init') {
    if (positionals.length !== 2) throw new UsageError('init takes one NAME, as in "testbed-lint init northside-vmi"');
    const lang = v.lang;
    if (lang !== undefined && !isLang(lang))
      throw new UsageError(`--lang takes ${LANGS.join(', ')} (the language of the new plan), got "${lang}"`);
    return {
      kind: 'init',
      name: positionals[1]!,
      yaml: v.yaml === true,
      ...(today !== undefined ? { today } : {}),
      ...(lang !== undefined ? { lang } : {}),
    };
  }
  if (positionals[0] === 'mcp') {
    if (positionals.length !== 1)
      throw new UsageError('mcp takes no paths: the assistant names the plan in each tool call');
    return { kind: 'mcp' };
  }
  if (v.yaml) throw new UsageError('--yaml only goes with init, as in "testbed-lint init --yaml NAME"');
  if (v.lang !== undefined)
    throw new UsageError('--lang only goes with init, as in "testbed-lint init --lang de NAME"');

  let report: ReportFormat | undefined;
  if (command === 'report') {
    positionals.shift();
    const f = v.format ?? 'markdown';
    if (!(REPORT_FORMATS as readonly string[]).includes(f))
      throw new UsageError(`report takes --format ${REPORT_FORMATS.join(' or ')}, got "${f}"`);
    report = f as ReportFormat;
    for (const [flag, given] of [
      ['--fix', v.fix],
      ['--fix-dry-run', v['fix-dry-run']],
      ['--stdin', v.stdin],
      ['--max-warnings', v['max-warnings'] !== undefined],
      ['--quiet', v.quiet],
    ] as const) {
      if (given) throw new UsageError(`${flag} does not go with report`);
    }
  }
  const format = report !== undefined ? 'json' : (v.format ?? 'stylish');
  if (!isFormatName(format)) {
    const s = didYouMean(format, FORMAT_NAMES);
    throw new UsageError(
      `unknown format "${format}"${s ? ` (did you mean "${s}"?)` : ''}; use one of ${FORMAT_NAMES.join(', ')}`,
    );
  }
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'];
    if (!/^(\d+|-1)$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, got "${raw}"`);
    maxWarnings = Number(raw);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (v['max-file-size'] !== undefined) {
    const raw = v['max-file-size'];
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
      throw new UsageError(`--max-file-size takes a number of bytes (1 or more), got "${raw}"`);
    maxFileSize = Number(raw);
  }
  let concurrency: number | 'auto' = 'auto';
  if (v.concurrency !== undefined && v.concurrency !== 'auto') {
    const raw = v.concurrency;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 256)
      throw new UsageError(`--concurrency takes a number of threads from 1 to 256, or "auto", got "${raw}"`);
    concurrency = Number(raw);
  }
  if (v['cache-location'] !== undefined && !v.cache) throw new UsageError('--cache-location only goes with --cache');
  const stdin = v.stdin === true;
  if (v['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename only goes with --stdin');
  if (stdin && positionals.length > 0)
    throw new UsageError(`--stdin reads one plan from stdin and takes no paths, got "${positionals[0]}"`);
  if (v['link-base'] !== undefined && report === undefined) throw new UsageError('--link-base only goes with report');
  if (v.fix && v['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (v.fix && stdin)
    throw new UsageError(
      '--fix cannot write back to stdin; use --fix-dry-run with --format json to get the fixed text',
    );
  for (const [name, value] of [
    ['--output', v.output],
    ['--config', v.config],
    ['--stdin-filename', v['stdin-filename']],
    ['--cache-location', v['cache-location']],
  ] as const) {
    if (value === '') throw new UsageError(`${name} needs a file name`);
  }
  const options: LintOptions = {
    patterns: positionals.length > 0 ? positionals : ['.'],
    format,
    maxWarnings,
    stdin,
    quiet: v.quiet === true,
    fix: v.fix === true,
    fixDryRun: v['fix-dry-run'] === true,
    maxFileSize,
    cache: v.cache === true,
    concurrency,
  };
  if (report !== undefined) options.report = report;
  if (v['link-base'] !== undefined) options.linkBase = v['link-base'];
  if (v['cache-location'] !== undefined) options.cacheLocation = v['cache-location'];
  if (v.output !== undefined) options.output = v.output;
  if (v.config !== undefined) options.config = v.config;
  if (today !== undefined) options.today = today;
  if (v['stdin-filename'] !== undefined) options.stdinFilename = v['stdin-filename'];
  if (v['no-color']) options.color = false;
  else if (v.color) options.color = true;
  return { kind: 'lint', options };
}

function describeParseError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = (quoted ?? '').split('=')[0]!;
      const s = name.startsWith('--') ? didYouMean(name, OPTION_NAMES) : undefined;
      return `unknown option "${name}"${s ? ` (did you mean "${s}"?)` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--[\w-]+/.exec(message)?.[0] ?? quoted ?? 'an option';
      if (/argument missing/.test(message)) return `${name} needs a value`;
      if (/ambiguous/.test(message))
        return `${name} needs a value (for a value that starts with "-", write ${name}=VALUE)`;
      return `${name} takes no value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted ?? ''}"`;
    default:
      return message.split('\n')[0]!;
  }
}
