// counterparts-listed: requires a counterparts section with at least one entry; the fix adds one, starting with Finance.
import { formatDay } from '../../core/dates.js';
import { insertSection } from '../../core/edits.js';
import { defineRule } from '../../core/rule-api.js';
import type { Fix } from '../../core/types.js';
import { addEntry, newCounterpart, sectionLines } from '../../core/writer.js';

export default defineRule({
  meta: {
    id: 'counterparts-listed',
    description: 'requires a counterparts section that lists at least one department involved in the testbed.',
    category: 'counterparts',
    defaultSeverity: 'error',
    fixable: 'safe',
    draft: 'todo',
    messages: {
      missing:
        'The plan lists no counterparts; add {{section}} naming each department involved, its contact, since when it is involved, and what it gains.',
      empty:
        'The counterparts section lists no departments; add {{entry}} for each department involved in the testbed.',
      placeholderContact:
        'The contact for {{department}} is still "{{contact}}", a placeholder; name the person in {{department}} who takes part, so the department has a voice in the testbed from the start.',
      unread:
        'No department could be read from the counterparts section; write each one as {{entry}}, or as a bullet such as "- **Finance**: the controller, since 2026-01-10. Benefit: cost-to-serve data for the account".',
    },
  },
  check(ctx) {
    const { doc, plan } = ctx;
    // Why: a counterpart added now joins now. The plan's start would claim it was in from the start, and silence
    // counterpart-early on a plan that involved it late (the phone-company testbed's failure).
    const since = formatDay(ctx.today);
    const section = plan.counterparts;
    if (!section) {
      const markdown = doc.form === 'markdown';
      ctx.report({
        messageId: 'missing',
        data: { section: markdown ? 'a "Counterparts" section' : 'a `counterparts:` list' },
        at: plan.titleAnchor,
        fix: (): Fix => ({
          title: 'Add a Counterparts section with a Finance counterpart to fill in',
          edits: [
            insertSection(
              doc,
              'counterparts',
              sectionLines(doc.form, 'counterparts', [newCounterpart('Finance', since)]),
            ),
          ],
        }),
      });
      return;
    }
    if (section.entries.length > 0) {
      // Why: a contact the writer filled in with a placeholder is an answer not yet given (a contact left out is not
      // reported: the spec's bullets and tables may omit it).
      for (const c of section.entries) {
        const contact = c.contact;
        if (!contact || contact.value.trim() === '' || !ctx.isPlaceholder(contact.value)) continue;
        const department =
          c.department && !ctx.isPlaceholder(c.department.value) ? c.department.value.trim() : 'this department';
        ctx.report({
          messageId: 'placeholderContact',
          data: { department, contact: contact.value.trim() },
          at: contact.span,
        });
      }
      return;
    }
    const entry =
      doc.form === 'markdown'
        ? 'a row of a Department | Contact | Since | Benefit table'
        : 'a list item with department, contact, since and benefit';
    ctx.report({
      ...(section.unread
        ? { messageId: 'unread' as const, data: { entry } }
        : { messageId: 'empty' as const, data: { entry } }),
      at: section.anchor,
      fix: () => {
        const edits = addEntry(doc, 'counterparts', section, newCounterpart('Finance', since));
        return edits && { title: 'Add a Finance counterpart', edits };
      },
    });
  },
});
