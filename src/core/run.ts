// A lint run: the state one lint, or an editor's lints under one config, share. Its caller owns it and drops it.
import { resolveRules, type LintConfig, type ResolvedRule } from './config.js';
import { fillTemplate, templateParts, type Rule, type TemplateParts } from './rule-api.js';
import { isPlaceholder } from './text.js';
import type { Lang } from './lang.js';
import { isPlaceholderIn } from './placeholders-lang.js';

/** Above this many templates a run stops keeping them (rules have a few dozen; a bad messageId is its own template). */
const MAX_TEMPLATES = 1000;
/** isPlaceholder answers a run keeps (cleared when full), for values up to PLACEHOLDER_KEPT_CHARS long. */
const MAX_PLACEHOLDER_ANSWERS = 20_000;
const PLACEHOLDER_KEPT_CHARS = 256;

/**
 * What the rules of one run share: the config resolved for them, each rule's prepared state (the word matchers
 * `rule.prepare` builds from its options, made on first use) and the message templates, cut once. A one-shot lint
 * makes a run and drops it with its result; an editor's session keeps one while the config stays the same, so a
 * keystroke's lint neither resolves the config nor rebuilds a matcher.
 */
export class LintRun {
  /** Each rule's severity and options, by rule id. */
  readonly settings: ReadonlyMap<string, ResolvedRule>;
  /** Every rule id of the run, for checks of disable comments. */
  readonly knownRuleIds: readonly string[];
  readonly known: ReadonlySet<string>;
  private readonly prepared = new Map<Rule, { value: unknown }>();
  /** What `prepare` built from the options of a plan in another language (its words beside the English ones). */
  private readonly preparedIn = new Map<Lang, Map<Rule, { value: unknown }>>();
  private readonly templates = new Map<string, TemplateParts>();
  private readonly placeholders = new Map<string, boolean>();
  private readonly placeholdersIn = new Map<Lang, (value: string) => boolean>();

  constructor(
    readonly rules: readonly Rule[],
    readonly config: LintConfig | undefined,
  ) {
    this.settings = resolveRules(rules, config);
    this.knownRuleIds = rules.map((r) => r.meta.id);
    this.known = new Set(this.knownRuleIds);
  }

  /**
   * What `rule.prepare` built from the rule's options in this run, built on first use. A prepare that throws keeps
   * nothing: the error is the rule's crash for this lint, and the next lint tries again.
   */
  preparedFor(rule: Rule, lang: Lang = 'en'): unknown {
    let byRule = lang === 'en' ? this.prepared : this.preparedIn.get(lang);
    if (!byRule) this.preparedIn.set(lang, (byRule = new Map<Rule, { value: unknown }>()));
    const kept = byRule.get(rule);
    if (kept) return kept.value;
    const value = rule.prepare?.(this.optionsFor(rule, lang));
    byRule.set(rule, { value });
    return value;
  }

  /**
   * The rule's options for a plan in `lang`: a word list left at its default gets the language's words beside the
   * English ones (the option's `languages`); a list the config gives applies to every language as written.
   */
  optionsFor(rule: Rule, lang: Lang): Record<string, unknown> {
    const options = this.settings.get(rule.meta.id)!.options;
    if (lang === 'en') return options;
    const out = { ...options };
    for (const [key, spec] of Object.entries(rule.meta.options ?? {})) {
      if (spec.type === 'string[]' && spec.languages && options[key] === spec.default)
        out[key] = [...spec.default, ...spec.languages[lang]];
    }
    return out;
  }

  /** isPlaceholder for a plan in `lang` (its placeholders beside the English ones), with the answers kept. */
  placeholderTest(lang: Lang): (value: string) => boolean {
    if (lang === 'en') return this.isPlaceholder;
    let test = this.placeholdersIn.get(lang);
    if (!test) {
      const answers = new Map<string, boolean>();
      test = (value) => {
        const known = answers.get(value);
        if (known !== undefined) return known;
        const answer = isPlaceholderIn(value, lang);
        if (answers.size >= MAX_PLACEHOLDER_ANSWERS) answers.clear();
        if (value.length <= PLACEHOLDER_KEPT_CHARS) answers.set(value, answer);
        return answer;
      };
      this.placeholdersIn.set(lang, test);
    }
    return test;
  }

  /** text.ts isPlaceholder, with the answers kept for the run (the rules' `ctx.isPlaceholder`). */
  readonly isPlaceholder = (value: string): boolean => {
    const known = this.placeholders.get(value);
    if (known !== undefined) return known;
    const answer = isPlaceholder(value);
    if (this.placeholders.size >= MAX_PLACEHOLDER_ANSWERS) this.placeholders.clear();
    // Why: a long value (a pasted paragraph) is not kept; it would hold its text.
    if (value.length <= PLACEHOLDER_KEPT_CHARS) this.placeholders.set(value, answer);
    return answer;
  };

  /** A message: its template with `{{name}}` filled from data (each template is cut once per run). */
  message(template: string, data: Record<string, string | number> | undefined): string {
    let parts = this.templates.get(template);
    if (!parts) {
      parts = templateParts(template);
      if (this.templates.size < MAX_TEMPLATES) this.templates.set(template, parts);
    }
    return fillTemplate(parts, data);
  }
}
