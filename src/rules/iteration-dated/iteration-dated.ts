// iteration-dated: every iteration entry has a real YYYY-MM-DD date that is not later than today.
import { formatDay, nearestRealDate, normaliseDateLike } from '../../core/dates.js';
import { defineRule } from '../../core/rule-api.js';
import type { Span } from '../../core/types.js';

export default defineRule({
  meta: {
    id: 'iteration-dated',
    description: 'requires every iteration entry to have a real YYYY-MM-DD date that is not later than today.',
    category: 'iterations',
    defaultSeverity: 'error',
    fixable: 'safe',
    messages: {
      missing: 'This iteration entry has no date; add the day the change was made, written YYYY-MM-DD.',
      notIso: 'The iteration date "{{date}}" is not written YYYY-MM-DD; write it as {{iso}}.',
      notADay: 'The iteration date {{date}} does not exist in the calendar; write the real day the change was made.',
      invalid:
        'The iteration date "{{date}}" is not written YYYY-MM-DD; write the day the change was made in that form, such as 2026-02-03.',
      future:
        'The iteration date {{date}} is later than today ({{today}}); log a change once it has been made, and check the date for a typo.',
    },
  },
  check(ctx) {
    const today = formatDay(ctx.today);
    for (const entry of ctx.plan.iterations?.entries ?? []) {
      const date = entry.date;
      if (!date) {
        ctx.report({ messageId: 'missing', at: entry.anchor });
        continue;
      }
      if (date.day === undefined) {
        const iso = normaliseDateLike(date.value);
        if (iso === undefined) {
          const value = date.value.trim();
          const near = nearestRealDate(value);
          const raw = ctx.doc.text.slice(date.span.start, date.span.end);
          const i = raw.indexOf(value);
          const span: Span =
            i === -1 ? date.span : { start: date.span.start + i, end: date.span.start + i + value.length };
          ctx.report({
            messageId: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'notADay' : 'invalid',
            data: { date: value },
            at: date.span,
            // Why: the nearest real day is a guess (the 30th of February may have been meant as the 3rd of March), so a suggestion only.
            suggest:
              near === undefined
                ? undefined
                : () => [
                    { title: `Replace ${value} with the nearest real date, ${near}`, edits: [{ span, text: near }] },
                  ],
          });
          continue;
        }
        // Why: replace only the date itself, keeping quotes (YAML) or emphasis (a `**2026-2-3**` table cell) around it.
        const raw = ctx.doc.text.slice(date.span.start, date.span.end);
        const i = raw.indexOf(date.value.trim());
        const span: Span =
          i === -1 ? date.span : { start: date.span.start + i, end: date.span.start + i + date.value.trim().length };
        ctx.report({
          messageId: 'notIso',
          data: { date: date.value.trim(), iso },
          at: date.span,
          fix: () => ({ title: `Write the date as ${iso}`, edits: [{ span, text: iso }] }),
        });
        continue;
      }
      if (date.day > ctx.today) {
        ctx.report({ messageId: 'future', data: { date: date.value.trim(), today }, at: date.span });
      }
    }
  },
});
