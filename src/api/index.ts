// The public API of testbed-lint, and the one entry the shells (CLI, Node helpers, formatters, editor) and the bundles
// use: lint a plan's text, apply fixes, read the rules, summarise a plan. It composes the pure core (src/core), which
// knows no rule, with the rule registry (src/rules). Pure: no I/O. This file only re-exports.
export {
  lint,
  lintDetailed,
  fixText,
  runFor,
  lintTooLarge,
  lintUndecodable,
  type LintOptions,
  type LintResult,
} from './lint.js';
export { createSession, type LintSession } from './session.js';
// Config files over any file system: one resolver for the CLI (Node's fs) and the editor (vscode.workspace.fs).
export {
  CONFIG_NAMES,
  MAX_CONFIG_BYTES,
  ConfigResolver,
  isIgnoredBy,
  toLintConfig,
  type ConfigError,
  type ConfigFor,
  type ConfigFs,
  type ConfigResolverOptions,
  type ConfigStat,
  type IgnoreSet,
  type LoadedConfig,
} from '../core/config-resolve.js';
export { POSIX_PATHS, isInside, type PathOps } from '../core/config-paths.js';
export { guidanceOptionsFor, pointOf, pointsOf, summarizePlan } from './summary.js';
/** Every rule, sorted by id, and each one's version-pinned documentation URL. */
export { rules, docsUrlFor } from '../rules/index.js';
export type {
  Problem,
  Fix,
  TextEdit,
  Span,
  Position,
  Severity,
  SeveritySetting,
  RelatedLocation,
} from '../core/types.js';
export type { PlanDocument, OutlineEntry } from '../core/document.js';
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
} from '../core/model.js';
export type { Rule, RuleMeta, RuleCategory, OptionSpec } from '../core/rule-api.js';
export { fixableWord } from '../core/rule-api.js';
export type { LintConfig, RuleEntry, ConfigFileData, ConfigProblem, ParsedConfig, PresetName } from '../core/config.js';
export type { RuleCrash } from '../core/engine.js';
export {
  PRESETS,
  SEVERITIES,
  mergeRuleEntries,
  parseConfigText,
  presetRules,
  resolveRules,
  normalizeSeverity,
  SEVERITY_ALIASES,
} from '../core/config.js';
export { checkLintConfig, validateLintConfig } from '../core/config-check.js';
// Team rules (`team-rules:` in a config): their paths, checks and the rules they become.
export { TEAM_PATHS, type PathSpec } from '../core/team-paths.js';
export { TEAM_CHECKS, TEAM_PREFIX, type TeamChecks, type TeamRuleDef } from '../core/team-rules-check.js';
export { describeCheck, teamRule, teamRuleMeta, teamRulePage, teamRulesOf } from '../core/team-rules.js';
export { isPlan, isPlanName, formOf } from '../core/detect.js';
export { DRAFTS_MODES, TODO_PREFIX, isDraft, type DraftsMode } from '../core/drafts.js';
export { applyFixes } from '../core/fix.js';
export { LineIndex } from '../core/positions.js';
export { parsePlan } from '../core/parse/index.js';
export { formatDay, localDayOf, parseIsoDate, resolveToday } from '../core/dates.js';
export { VERSION } from '../core/version.js';
export { planTemplate, type PlanTemplateOptions } from '../core/template.js';
export { kebabCase, planFileName } from '../core/file-name.js';
export { LANGS, isLang, type Lang } from '../core/lang.js';
export {
  POINTS,
  worse,
  type Counts,
  type PlanSummary,
  type Point,
  type PointState,
  type ThreePoints,
} from '../core/summary.js';
// The plan schema and the helpers every shell shares (one definition each).
export * from '../core/schema.js';
export { suggest } from '../core/suggest.js';
export { plural } from '../core/text.js';
export { maxOf, minOf } from '../core/arrays.js';
export { DEFAULT_MAX_FILE_SIZE, formatSize, posixPath } from '../core/limits.js';
export { disableFileFix, disableNextLineFix } from '../core/disable.js';
export { SNIPPET_TODAY, entrySnippet, frontMatterSnippet } from '../core/snippets.js';
export {
  PROMPTS,
  addEntry,
  newCounterpart,
  newEntry,
  newIteration,
  sectionLines,
  type EntryValues,
} from '../core/writer.js';
export {
  SECTION_GUIDANCE,
  VALUE_GUIDANCE,
  sectionGuidanceMarkdown,
  sectionSummary,
  valueGuidanceMarkdown,
  type GuidanceOptions,
  type ValueGuidanceKey,
} from '../core/guidance.js';

// Meaning-matching shared by rules, the summary and the editor (spec v2): departments, internal measures, placeholders.
// The matchers (financeMatcher, ...) work their word lists out once: build one for many questions.
export {
  BACK_END_DEPARTMENTS,
  FINANCE_DEPARTMENTS,
  FRONT_LINE_FUNCTIONS,
  backEndMatcher,
  financeMatcher,
  isBackEndDepartment,
  isFinanceDepartment,
  isOwnDepartment,
  ownDepartmentMatcher,
  ownDepartmentNames,
} from '../core/departments.js';
export { INTERNAL_MEASURES, internalMeasureIn, internalMeasureMatcher } from '../core/measures.js';
export { PLACEHOLDERS, isPlaceholder } from '../core/text.js';

// What the VS Code extension needs beyond linting (it reaches the core only through this entry): guidance for hovers,
// the plan's value lists and keys for completion, disable comments for code actions, outline types.
export type { SectionKind } from '../core/document.js';
export { AGGREGATES, ORDERS, PERSPECTIVES, RISKS, SIZES, SOURCES, STATUSES, type PlanForm } from '../core/model.js';
export {
  COUNTERPART_KEYS,
  CUSTOMER_KEYS,
  FRONT_MATTER_KEYS,
  ITERATION_KEYS,
  METRIC_KEYS,
  SELECTION_KEYS,
  YAML_PLAN_KEYS,
} from '../core/parse/keys.js';
