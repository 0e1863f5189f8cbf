// The shape of a rule: declarative meta plus one check(ctx) over the parsed plan; message interpolation.
import type { PlanDocument } from './document.js';
import type { ByOtherLang } from './lang.js';
import type { PlanModel } from './model.js';
import type { Fix, Severity, SeveritySetting, Span } from './types.js';

export type RuleCategory = 'structure' | 'customer' | 'iterations' | 'counterparts' | 'beyond';

/** One option of a rule: its type, default and a sentence for docs and the config schema. */
export type OptionSpec =
  | { type: 'integer'; minimum?: number; default: number; description: string }
  | { type: 'string'; enum?: readonly string[]; default: string; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | {
      type: 'string[]';
      items?: readonly string[];
      default: readonly string[];
      /** Word lists: the words a plan in another language adds to the (English) default (run.ts `optionsFor`). */
      languages?: ByOtherLang<readonly string[]>;
      description: string;
    };

export interface RuleMeta<MessageId extends string = string> {
  /** The spec's kebab-case id; equals the rule's folder and file name. */
  id: string;
  /** Completes "This rule ...". */
  description: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** In words, when the default depends on the plan ("error when live, info otherwise"). */
  severityNote?: string;
  /** `safe`: --fix and Fix all apply it; `unsafe`: a suggestion the writer chooses (shown to users as "suggestion"). */
  fixable: 'none' | 'safe' | 'unsafe';
  /**
   * What the rule's findings are on a draft (status `draft` or none): `todo` when they are about something missing,
   * so a draft reports them at most as `info`, prefixed "To do before proposing:" (unless the config says
   * `drafts: strict`); `keep` when they are about something wrong, which keeps its severity. Either for the whole
   * rule, or per messageId where a rule reports both kinds. Absent: every finding keeps its severity.
   */
  draft?: 'todo' | Record<MessageId, 'todo' | 'keep'>;
  /** A preset's severity for this rule where it differs from the default one (`off` in recommended, say). */
  presets?: { recommended?: SeveritySetting; strict?: SeveritySetting };
  messages: Record<MessageId, string>;
  /** Options by their (kebab-case, as in the spec) key. */
  options?: Record<string, OptionSpec>;
  /** A team rule's own page (its `link`), used as its docsUrl; built-in rules derive theirs from the registry. */
  link?: string;
}

type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Placeholders<Rest> : never;

interface ReportBase {
  /** The span the problem points at. */
  at: Span;
  /** The safe fix, computed lazily (only for rules with `fixable: "safe"`). */
  fix?: () => Fix | undefined;
  /** Edits that change meaning, offered to a person, never applied by fix-all. */
  suggest?: () => Fix[];
  related?: { at: Span; message: string }[];
  /** Overrides the configured severity for this report (for rules whose severity depends on the plan). */
  severity?: Severity | 'off';
}

/** A report: the messageId picks the message, and `data` must supply exactly its placeholders. */
export type ReportDescriptor<Messages extends Record<string, string>> = {
  [K in Extract<keyof Messages, string>]: ReportBase & { messageId: K } & ([Placeholders<Messages[K]>] extends [never]
      ? { data?: undefined }
      : { data: Record<Placeholders<Messages[K]>, string | number> });
}[Extract<keyof Messages, string>];

export interface RuleContext<Options, Messages extends Record<string, string>> {
  doc: PlanDocument;
  plan: PlanModel;
  options: Options;
  /** Today as a day number (days since 1970-01-01). */
  today: number;
  /** Every rule id the linter knows, for checks of inline configuration comments. */
  knownRuleIds: readonly string[];
  /**
   * text.ts `isPlaceholder`, with the answers kept for the lint run: rules ask it of every entry's fields on every
   * keystroke, mostly of the same values (the same strings, whose hashes are kept) as the last time.
   */
  isPlaceholder: (value: string) => boolean;
  report(d: ReportDescriptor<Messages>): void;
}

export interface Rule<Options = Record<string, unknown>, MessageId extends string = string, Prepared = unknown> {
  meta: RuleMeta<MessageId>;
  /**
   * Builds, once per lint run, what every check of the run shares from the rule's options (a word matcher). The
   * run (src/core/run.ts) keeps the result and hands it to each `check`; nothing outlives the run.
   */
  prepare?(options: Options): Prepared;
  check(ctx: RuleContext<Options, Record<MessageId, string>>, prepared: Prepared): void;
}

/** The typed options object a rule's check receives, derived from its option specs. */
export type OptionsOf<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends { type: 'integer' }
    ? number
    : O[K] extends { type: 'boolean' }
      ? boolean
      : O[K] extends { type: 'string' }
        ? string
        : readonly string[];
};

/** Declares a rule; the identity function, there for type inference of messages, placeholders, options, prepared state. */
export function defineRule<
  const M extends Record<string, string>,
  const O extends Record<string, OptionSpec> = Record<never, OptionSpec>,
  P = undefined,
>(rule: {
  meta: RuleMeta<Extract<keyof M, string>> & { messages: M; options?: O };
  prepare?(options: OptionsOf<O>): P;
  check(ctx: RuleContext<OptionsOf<O>, M>, prepared: P): void;
}): Rule<OptionsOf<O>, Extract<keyof M, string>, P> {
  return rule as unknown as Rule<OptionsOf<O>, Extract<keyof M, string>, P>;
}

/** A message template cut at its placeholders: text, then [placeholder as written, its name], text, ... */
export type TemplateParts = readonly (string | readonly [string, string])[];

/** Cuts a template at its `{{name}}` placeholders (a lint run keeps each template's parts: src/core/run.ts). */
export function templateParts(template: string): TemplateParts {
  const parts: (string | readonly [string, string])[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)) {
    parts.push(template.slice(last, m.index), [m[0], m[1]!]);
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

/** Fills a cut template with data; a missing value is left visible as `{{name}}`. */
export function fillTemplate(parts: TemplateParts, data: Record<string, string | number> | undefined): string {
  if (parts.length === 1) return parts[0] as string;
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else out += data && Object.prototype.hasOwnProperty.call(data, part[1]) ? String(data[part[1]]) : part[0];
  }
  return out;
}

/** Replaces `{{name}}` in a message with data; a missing value is left visible as `{{name}}`. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return fillTemplate(templateParts(template), data);
}

/** The placeholder names of a message template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1]!);
}

/**
 * The one word users read for a rule's `fixable` (rule pages, README, --list-rules, --explain): `yes` (a fix --fix
 * applies), `suggestion` (offered, never applied by --fix), or `no`.
 */
export function fixableWord(fixable: RuleMeta['fixable']): 'yes' | 'suggestion' | 'no' {
  return fixable === 'safe' ? 'yes' : fixable === 'unsafe' ? 'suggestion' : 'no';
}
