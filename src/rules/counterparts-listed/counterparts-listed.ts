// counterparts-listed: requires a counterparts section with at least one entry; the fix adds one, starting with Finance.
import { formatDay } from '../../core/dates.js';
import type { PlanDocument } from '../../core/document.js';
import { insertLinesAfter, insertSection } from '../../core/edits.js';
import { defineRule } from '../../core/rule-api.js';
import type { Fix, Span, TextEdit } from '../../core/types.js';

const CONTACT_PROMPT = 'TODO: name a contact in finance';
const BENEFIT_PROMPT = 'TODO: what finance gains from the testbed';

/** The Markdown table the fix writes: one Finance row whose cells are prompts. */
function tableLines(since: string): string[] {
  return ['| Department | Contact | Since | Benefit |', '|---|---|---|---|', `| Finance | ${CONTACT_PROMPT} | ${since} | ${BENEFIT_PROMPT} |`];
}

/** The YAML list item the fix writes, indented by `indent`. */
function yamlItemLines(indent: string, since: string): string[] {
  return [
    `${indent}- department: Finance`,
    `${indent}  contact: "${CONTACT_PROMPT}"`,
    `${indent}  since: ${since}`,
    `${indent}  benefit: "${BENEFIT_PROMPT}"`,
  ];
}

/** The fix for an existing but empty section, or undefined when the section holds something it should not overwrite. */
function fillSection(doc: PlanDocument, anchor: Span, span: Span, since: string): TextEdit[] | undefined {
  if (doc.form === 'markdown') {
    // After whatever the section already holds (prose, a table without a Department column), after a blank line.
    const end = doc.lines.trimSpan(span).end;
    return [insertLinesAfter(doc, end, ['', ...tableLines(since)])];
  }
  // YAML: only `counterparts:` with nothing, or with an empty `[]`; any other value is the writer's to change.
  const after = doc.text.slice(anchor.end, span.end);
  // Why: in three anchored steps; `/^([ \t]*:[ \t]*)(\[[ \t]*\])?[ \t]*$/` backtracks quadratically on `:` + many blanks + text.
  const head = /^[ \t]*:[ \t]*/.exec(after);
  if (!head) return undefined;
  const bracket = /^\[[ \t]*\]/.exec(after.slice(head[0].length));
  if (!/^[ \t]*$/.test(after.slice(head[0].length + (bracket?.[0].length ?? 0)))) return undefined;
  const m = [after, head[0], bracket?.[0]] as const;
  const indent = /^[ \t]*/.exec(doc.lines.lineText(doc.lines.positionAt(anchor.start).line))![0] + '  ';
  const edits: TextEdit[] = [];
  if (m[2]) {
    const start = anchor.end + m[1]!.trimEnd().length;
    edits.push({ span: { start, end: anchor.end + m[1]!.length + m[2].length }, text: '' });
  }
  edits.push(insertLinesAfter(doc, span.end, yamlItemLines(indent, since)));
  return edits;
}

export default defineRule({
  meta: {
    id: 'counterparts-listed',
    description: 'requires a counterparts section that lists at least one department involved in the testbed.',
    category: 'counterparts',
    defaultSeverity: 'error',
    fixable: 'safe',
    draft: 'todo',
    messages: {
      missing: 'The plan lists no counterparts; add {{section}} naming each department involved, its contact, since when it is involved, and what it gains.',
      empty: 'The counterparts section lists no departments; add {{entry}} for each department involved in the testbed.',
    },
  },
  check(ctx) {
    const { doc, plan } = ctx;
    const since = formatDay(plan.start?.day ?? ctx.today);
    const section = plan.counterparts;
    if (!section) {
      const markdown = doc.form === 'markdown';
      ctx.report({
        messageId: 'missing',
        data: { section: markdown ? 'a "Counterparts" section' : 'a `counterparts:` list' },
        at: plan.titleAnchor,
        fix: (): Fix => ({
          title: 'Add a Counterparts section',
          edits: [
            insertSection(
              doc,
              'counterparts',
              markdown ? ['## Counterparts', '', ...tableLines(since)] : ['counterparts:', ...yamlItemLines('  ', since)],
            ),
          ],
        }),
      });
      return;
    }
    if (section.entries.length > 0) return;
    ctx.report({
      messageId: 'empty',
      data: { entry: doc.form === 'markdown' ? 'a row of a Department | Contact | Since | Benefit table' : 'a list item with department, contact, since and benefit' },
      at: section.anchor,
      fix: () => {
        const edits = fillSection(doc, section.anchor, section.span, since);
        return edits && { title: 'Add a Finance counterpart', edits };
      },
    });
  },
});
