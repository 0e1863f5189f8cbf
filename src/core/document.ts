// PlanDocument: one parse of a file, shared by every rule (model, issues found while parsing, directives, outline).
import type { PlanForm, PlanModel } from './model.js';
import type { LineIndex } from './positions.js';
import type { Span } from './types.js';
import type { Lang } from './lang.js';

export interface SyntaxIssue {
  span: Span;
  detail: string;
  /**
   * Which parser gave up: the YAML of the front matter or plan (default), or the Markdown body; `size`: the plan was
   * too large to read; `encoding`: its bytes are not text (invalid UTF-8, a NUL byte).
   */
  kind?: 'yaml' | 'markdown' | 'size' | 'encoding';
}

export interface SchemaIssue {
  span: Span;
  /** Dotted path of the key, e.g. `customer.size` or `iterations[2].order`. */
  key: string;
  /** What was expected, in words: `one of draft, proposed, running`. */
  expected: string;
  /** The value as written (shortened). */
  actual: string;
  /** A replacement for `span` when the intended value is unambiguous (`Running` → `running`). */
  replacement?: string;
  /** Replacements a person may choose (several near-miss values, the nearest real date): suggestions, never fixes. */
  suggestions?: string[];
}

export interface UnknownKeyIssue {
  span: Span;
  key: string;
  /** Where it was found: `plan`, `customer`, `iteration`, ... */
  where: string;
  /** The path of the entry it was found in (`iterations[2]`), when it is in a list entry. */
  path?: string;
  suggestion?: string;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

/** An inline configuration comment: `<!-- testbed-lint-disable ID -->` or `# testbed-lint-disable ID`. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  ids: { value: string; span: Span }[];
  span: Span;
  /** 1-based line of the comment. */
  line: number;
}

export type { SectionKind } from './schema.js';
import type { SectionKind } from './schema.js';

/** One top-level part of the plan, in document order: an H2 section or a top-level YAML key. */
export interface OutlineEntry {
  kind?: SectionKind;
  /** The heading text or the YAML key. */
  name: string;
  anchor: Span;
  span: Span;
}

export interface PlanDocument {
  text: string;
  filePath: string;
  form: PlanForm;
  lines: LineIndex;
  plan: PlanModel;
  syntaxIssues: SyntaxIssue[];
  schemaIssues: SchemaIssue[];
  unknownKeys: UnknownKeyIssue[];
  directives: Directive[];
  outline: OutlineEntry[];
  /**
   * Markdown: where an unterminated code fence or HTML block (kinds 1-5) starts when it is the last block and so
   * swallows everything after it, including any section a fix would append.
   */
  unclosedTail?: number;
  /** The line break the file uses, for edits that add lines. */
  eol: '\n' | '\r\n';
  /** The language the plan is read in: `lang:`, else the config's `language:`, else detected (lang.ts). */
  lang: Lang;
  /** Detection could not tell: the languages considered (the plan is read as English; plan-schema says so once). */
  langUnsure?: Lang[];
}
