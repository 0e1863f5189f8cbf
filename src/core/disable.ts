// Edits that add inline disable comments (`disable-next-line`, `disable-file`) in the right syntax for where they go.
import type { Directive, PlanDocument } from './document.js';
import type { Fix } from './types.js';

/** Whether an offset is inside YAML: a YAML plan, or a Markdown plan's front matter. */
function inYaml(doc: PlanDocument, offset: number): boolean {
  if (doc.form === 'yaml') return true;
  const fm = doc.plan.frontMatter;
  return fm !== undefined && offset >= fm.contentSpan.start && offset < fm.contentSpan.end;
}

function comment(yaml: boolean, kind: string, ruleId: string): string {
  return yaml ? `# testbed-lint-${kind} ${ruleId}` : `<!-- testbed-lint-${kind} ${ruleId} -->`;
}

/** Adds `ruleId` to an existing directive; undefined when it already covers the rule (or every rule). */
function extend(directive: Directive, ruleId: string, title: string): Fix | null {
  const last = directive.ids[directive.ids.length - 1];
  if (!last || directive.ids.some((i) => i.value === ruleId)) return null;
  return { title, edits: [{ span: { start: last.span.end, end: last.span.end }, text: ` ${ruleId}` }] };
}

/**
 * A comment above `line` (1-based) that disables `ruleId` on that line: `# ...` in YAML and front
 * matter, `<!-- ... -->` in the Markdown body, indented like the line. Extends a `disable-next-line`
 * comment already there. Undefined where a comment cannot go (a front-matter fence, inside a table).
 */
export function disableNextLineFix(doc: PlanDocument, line: number, ruleId: string): Fix | undefined {
  const title = `Disable ${ruleId} for this line`;
  const existing = doc.directives.find((d) => d.kind === 'disable-next-line' && d.line === line - 1);
  if (existing) return extend(existing, ruleId, title) ?? undefined;
  const start = doc.lines.lineStart(line);
  const text = doc.lines.lineText(line);
  const yaml = inYaml(doc, start);
  const fm = doc.plan.frontMatter;
  if (!yaml && fm && start < fm.span.end) return undefined; // the fence lines of the front matter
  // Why: a comment line inside a Markdown table or block would split it and change what the plan says.
  if (!yaml && /^\s*\|/.test(text)) return undefined;
  const indent = /^[ \t]*/.exec(text)![0];
  return {
    title,
    edits: [{ span: { start, end: start }, text: `${indent}${comment(yaml, 'disable-next-line', ruleId)}${doc.eol}` }],
  };
}

/** A `disable-file` comment for `ruleId`: at the top of a YAML plan, right after a Markdown plan's front matter. */
export function disableFileFix(doc: PlanDocument, ruleId: string): Fix | undefined {
  const title = `Disable ${ruleId} for this file`;
  const existing = doc.directives.find((d) => d.kind === 'disable-file');
  if (existing) {
    const r = extend(existing, ruleId, title);
    if (r !== null || existing.ids.length === 0 || existing.ids.some((i) => i.value === ruleId)) return r ?? undefined;
  }
  if (doc.form === 'yaml') {
    return {
      title,
      edits: [{ span: { start: 0, end: 0 }, text: `${comment(true, 'disable-file', ruleId)}${doc.eol}` }],
    };
  }
  const fm = doc.plan.frontMatter;
  let at = fm ? fm.span.end : 0;
  let prefix = '';
  if (fm) {
    // Why: the front matter's span ends at its closing fence; the comment goes on the line after it.
    const nl = doc.text.indexOf('\n', at);
    if (nl === -1) {
      at = doc.text.length;
      prefix = doc.eol;
    } else at = nl + 1;
  }
  return {
    title,
    edits: [{ span: { start: at, end: at }, text: `${prefix}${comment(false, 'disable-file', ruleId)}${doc.eol}` }],
  };
}
