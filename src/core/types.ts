// Shared value types of the core: spans, severities, problems and edits.

/** Half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** 1-based line and column (UTF-16 code units), as editors and ESLint count them. */
export interface Position {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A replacement of `span` in the document by `text`. Offsets refer to the text that was linted. */
export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  /** What the edit does, for a quick-fix title ("Add a Counterparts section"). */
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  message: string;
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One finding. Lines and columns are 1-based; `endColumn` is exclusive, as in ESLint. */
export interface Problem {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
  /** A safe edit, present only for rules whose meta says `fixable: "safe"`. */
  fix?: Fix;
  /** Edits that change meaning; offered to a person, never applied by fix-all. */
  suggestions?: Fix[];
  related?: RelatedLocation[];
}
