// YAML parse options shared by both forms, and YAML errors turned into located syntax issues.
import type { Document, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import type { SyntaxIssue } from '../document.js';

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  // Why: dates stay strings, so `start: 2026-02-30` reaches plan-schema instead of becoming a JS Date.
  schema: 'core',
  strict: true,
};

/** The document's errors as syntax issues at file offsets (`base` is where the YAML text starts). */
export function yamlSyntaxIssues(doc: Document, base: number, yamlText: string): SyntaxIssue[] {
  return doc.errors.map((e) => {
    const [s, t] = e.pos;
    let start = Math.min(s, yamlText.length);
    let end = Math.max(start, Math.min(t, yamlText.length));
    // Why: an unclosed quote is noticed where the text ends; the writer needs the line where the quote opened.
    const quote = /Missing closing (["'])quote/.exec(e.message)?.[1];
    if (quote) {
      const open = yamlText.lastIndexOf(quote, Math.max(0, start - 1));
      if (open !== -1) {
        start = open;
        const nl = yamlText.indexOf('\n', open);
        end = nl === -1 ? yamlText.length : nl;
      }
    } else if (start === yamlText.length && start > 0) {
      // An error at the very end points at the last character, not past the YAML.
      start = Math.max(0, yamlText.trimEnd().length - 1);
      end = Math.max(start, yamlText.trimEnd().length);
    }
    return { span: { start: base + start, end: base + end }, detail: firstLine(e.message) };
  });
}

function firstLine(msg: string): string {
  const line = msg.split('\n')[0]!.trim();
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
