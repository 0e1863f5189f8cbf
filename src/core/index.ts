// The public, pure API of testbed-lint: lint a plan's text, apply fixes, read the rules. No I/O.
import { rules as registry, docsUrlFor } from '../rules/index.js';
import { resolveToday } from './dates.js';
import type { PlanDocument } from './document.js';
import { runRules, type RuleCrash } from './engine.js';
import { applyFixes } from './fix.js';
import type { PlanForm } from './model.js';
import { BlockCache, parsePlan } from './parse/index.js';
import type { LintConfig } from './config.js';
import type { Problem } from './types.js';
import { plural } from './text.js';

export type { Problem, Fix, TextEdit, Span, Position, Severity, SeveritySetting, RelatedLocation } from './types.js';
export type { PlanDocument, OutlineEntry } from './document.js';
export type {
  PlanModel,
  Located,
  DateField,
  EntryBase,
  EntryStyle,
  IterationEntry,
  Counterpart,
  Metric,
  JourneyEntry,
  ListSection,
  TextSection,
  CustomerModel,
} from './model.js';
export type { Rule, RuleMeta, RuleCategory, OptionSpec } from './rule-api.js';
export type { LintConfig, RuleEntry, ConfigFileData, ConfigProblem, ParsedConfig, PresetName } from './config.js';
export type { RuleCrash } from './engine.js';
export {
  PRESETS,
  SEVERITIES,
  mergeRuleEntries,
  parseConfigText,
  presetRules,
  resolveRules,
  validateLintConfig,
  checkLintConfig,
  normalizeSeverity,
  SEVERITY_ALIASES,
} from './config.js';
export { isPlan, isPlanName, formOf } from './detect.js';
export { DRAFTS_MODES, TODO_PREFIX, isDraft, type DraftsMode } from './drafts.js';
export { applyFixes } from './fix.js';
export { LineIndex } from './positions.js';
export { parsePlan } from './parse/index.js';
export { formatDay, localDayOf, parseIsoDate, resolveToday } from './dates.js';
export { VERSION } from './version.js';
export { planTemplate, type PlanTemplateOptions } from './template.js';
export { guidanceOptionsFor, POINTS, pointOf, summarizePlan, worse, type PlanSummary, type Point, type PointState } from './summary.js';
export { docsUrlFor };
// The plan schema and the helpers every shell shares (one definition each).
export * from './schema.js';
export { suggest } from './suggest.js';
export { plural } from './text.js';
export { maxOf, minOf } from './arrays.js';
export { DEFAULT_MAX_FILE_SIZE, posixPath } from './limits.js';
export { disableFileFix, disableNextLineFix } from './disable.js';
export {
  PROMPTS,
  SNIPPET_TODAY,
  addEntry,
  entrySnippet,
  frontMatterSnippet,
  newCounterpart,
  newEntry,
  newIteration,
  sectionLines,
  type EntryValues,
} from './writer.js';
export { SECTION_GUIDANCE, VALUE_GUIDANCE, sectionGuidanceMarkdown, sectionSummary, valueGuidanceMarkdown, type GuidanceOptions, type ValueGuidanceKey } from './guidance.js';

/** Every rule, sorted by id. */
export const rules = registry;

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

/** Parses and lints one plan, returning the parsed document and rule crashes as well as the problems. */
export function lintDetailed(text: string, options: LintOptions): LintResult {
  return lintWith(text, options, new BlockCache({ reuse: false }));
}

function lintWith(text: string, options: LintOptions, cache: BlockCache): LintResult {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const today = resolveToday(options.today);
  const document = parsePlan(body, options.filePath, options.form, cache);
  const { problems, crashes } = runRules(document, { rules: registry, config: options.config, today, docsUrl: docsUrlFor });
  for (const c of crashes) options.onRuleError?.(c);
  // Why: a byte-order mark is not part of the text an editor shows; offsets still refer to the text given.
  if (bom) for (const p of problems) shift(p, 1);
  return { problems, crashes, document };
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

/** Applies safe fixes until none is left (at most 10 passes); returns the fixed text and the problems that remain. */
export function fixText(text: string, options: LintOptions): { text: string; problems: Problem[]; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < 10; pass++) {
    const problems = lint(current, options);
    const r = applyFixes(current, problems);
    if (r.applied === 0) return { text: current, problems, applied };
    applied += r.applied;
    current = r.text;
  }
  return { text: current, problems: lint(current, options), applied };
}

/** An editor's lint session: it keeps each document's parsed blocks and re-parses only the blocks an edit changed. */
export interface LintSession {
  /** Lints the text of the document `uri` (its extension picks the form); the same result as `lint()`. */
  lint(uri: string, text: string, options?: Omit<LintOptions, 'filePath'>): Problem[];
  /** As `lint`, with the parsed document and rule crashes. */
  lintDetailed(uri: string, text: string, options?: Omit<LintOptions, 'filePath'>): LintResult;
  /** How many blocks the last lint of `uri` had to parse (the rest were reused). */
  parsedBlocks(uri: string): number;
  /** Forgets a document (call when it is closed). */
  close(uri: string): void;
}

/** Creates a lint session. Pure: no I/O; memory is the parsed blocks of the documents still open. */
export function createSession(): LintSession {
  const caches = new Map<string, BlockCache>();
  const cacheOf = (uri: string) => {
    let c = caches.get(uri);
    if (!c) caches.set(uri, (c = new BlockCache()));
    return c;
  };
  const lintDetailedIn = (uri: string, text: string, options?: Omit<LintOptions, 'filePath'>) =>
    lintWith(text, { ...options, filePath: uri }, cacheOf(uri));
  return {
    lintDetailed: lintDetailedIn,
    lint: (uri, text, options) => lintDetailedIn(uri, text, options).problems,
    parsedBlocks: (uri) => caches.get(uri)?.parsedLastTime ?? 0,
    close: (uri) => {
      caches.delete(uri);
    },
  };
}

/** A byte or character count in words: "5 MB", "120 KB", "900 bytes". */
export function formatSize(n: number, unit: 'bytes' | 'characters' = 'bytes'): string {
  const trim = (x: number) => (Math.round(x * 10) / 10).toString();
  const one = unit === 'bytes' ? 'byte' : 'character';
  if (unit === 'bytes' && n >= 1024 * 1024) return `${trim(n / (1024 * 1024))} MB`;
  if (unit === 'bytes' && n >= 1024) return `${trim(n / 1024)} KB`;
  return plural(n, one);
}

/**
 * The problems of a plan too large to read (it is not parsed): one plan-syntax problem at 1:1 naming its size,
 * the limit and the setting that raises it (`--max-file-size`, `testbedLint.maxFileSize`), with the severity the
 * config gives plan-syntax; none when plan-syntax is off. The CLI and the editor report the same finding.
 */
export function lintTooLarge(size: number, limit: number, setting: string, options: Omit<LintOptions, 'form'> & { unit?: 'bytes' | 'characters' }): Problem[] {
  const document = parsePlan('', options.filePath, 'markdown');
  const unit = options.unit ?? 'bytes';
  document.syntaxIssues = [{ span: { start: 0, end: 0 }, kind: 'size', detail: `it ${unit === 'bytes' ? 'is' : 'has'} ${formatSize(size, unit)}, over the limit of ${formatSize(limit, unit)} (${setting})` }];
  const today = resolveToday(options.today);
  const only = registry.filter((r) => r.meta.id === 'plan-syntax');
  return runRules(document, { rules: only, config: options.config, today, docsUrl: docsUrlFor }).problems;
}

// Meaning-matching shared by rules, the summary and the editor (spec v2): departments, internal measures, placeholders.
export {
  BACK_END_DEPARTMENTS,
  FINANCE_DEPARTMENTS,
  FRONT_LINE_FUNCTIONS,
  isBackEndDepartment,
  isFinanceDepartment,
  isOwnDepartment,
  ownDepartmentNames,
} from './departments.js';
export { INTERNAL_MEASURES, internalMeasureIn } from './measures.js';
export { PLACEHOLDERS, isPlaceholder } from './text.js';

// What the VS Code extension needs beyond linting (it reaches the core only through this entry): guidance for hovers,
// the plan's value lists and keys for completion, disable comments for code actions, outline types.
export type { SectionKind } from './document.js';
export { AGGREGATES, ORDERS, PERSPECTIVES, RISKS, SIZES, SOURCES, STATUSES, type PlanForm } from './model.js';
export { COUNTERPART_KEYS, CUSTOMER_KEYS, FRONT_MATTER_KEYS, ITERATION_KEYS, METRIC_KEYS, SELECTION_KEYS, YAML_PLAN_KEYS } from './parse/keys.js';
