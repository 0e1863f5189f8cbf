// "Add iteration entry": where a new entry goes in a plan's log and its text, as a snippet. Pure: no vscode import.
import { entrySnippet, type PlanDocument } from '../../api/index.js';

/**
 * Where and what to insert for a new iteration entry dated `today`, as a snippet (`${1:...}` tab stops), in the
 * style the log already uses and in its direction (newest first or last). The words are the core writer's prompts
 * (`entrySnippet`), the same to-dos the iteration-log fix writes, so an entry left unfilled keeps being reported.
 * Undefined where the log is missing or written as a table or bullets.
 */
export function iterationSnippet(doc: PlanDocument, today: string): { offset: number; snippet: string } | undefined {
  const log = doc.plan.iterations;
  if (!log || (log.style !== 'headings' && log.style !== 'yaml' && log.style !== 'none')) return undefined;
  const eol = doc.eol;
  const entries = log.entries;
  const days = entries.map((e) => e.date?.day).filter((d): d is number => d !== undefined);
  const newestFirst = days.length >= 2 && days[0]! > days[days.length - 1]!;
  const lineStartOf = (offset: number) => doc.text.lastIndexOf('\n', offset - 1) + 1;
  const afterLineOf = (offset: number) => {
    const nl = doc.text.indexOf('\n', Math.max(offset - 1, 0));
    return nl === -1 ? doc.text.length : nl + 1;
  };
  // The writer's lines end with `$0`: here the cursor ends after the entry, where the snippet is inserted.
  const lines = entrySnippet(doc.form, 'iterations', today).filter((l) => l !== '$0');
  if (doc.form === 'yaml') {
    if (log.style === 'none' && entries.length === 0) return undefined;
    const first = entries[0];
    const indent = first ? /^[ \t]*/.exec(doc.text.slice(lineStartOf(first.span.start)))![0] : '  ';
    const snippet = lines.map((l) => indent + l).join(eol) + eol;
    const offset =
      newestFirst && first ? lineStartOf(first.span.start) : afterLineOf(entries[entries.length - 1]!.span.end);
    return { offset, snippet };
  }
  if (log.style === 'none' && entries.length > 0) return undefined;
  const body = lines.join(eol);
  if (newestFirst && entries[0]) return { offset: lineStartOf(entries[0].span.start), snippet: body + eol + eol };
  // After the section's content: make sure there is a blank line before the new heading.
  let end = log.span.end;
  while (end > log.span.start && /\s/.test(doc.text[end - 1]!)) end--;
  return { offset: end, snippet: eol + eol + body + (end === doc.text.length ? eol : '') };
}
