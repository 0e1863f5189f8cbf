// counterpart-finance: requires finance (finance, controlling, FP&A, CFO office) among the counterparts; the fix adds a Finance entry.
import { FINANCE_DEPARTMENTS_BY_LANG } from '../../core/words-lang.js';
import { formatDay } from '../../core/dates.js';
import { FINANCE_DEPARTMENTS, financeMatcher } from '../../core/departments.js';
import { defineRule } from '../../core/rule-api.js';
import { addEntry, newCounterpart } from '../../core/writer.js';

export default defineRule({
  meta: {
    id: 'counterpart-finance',
    description: 'requires finance (finance, controlling, FP&A, CFO office) among the counterparts.',
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'safe',
    draft: 'todo',
    messages: {
      missing:
        'Finance is not among the counterparts; involve finance (a controller, FP&A or the CFO office) from the start, so it sees a direct benefit instead of a cost.',
    },
    options: {
      departments: {
        type: 'string[]',
        default: FINANCE_DEPARTMENTS,
        languages: FINANCE_DEPARTMENTS_BY_LANG,
        description: 'Department names (compared case-insensitively, as whole words) that count as finance.',
      },
    },
  },
  prepare: (options) => financeMatcher(options.departments),
  check(ctx, isFinance) {
    const section = ctx.plan.counterparts;
    // Why: a missing or empty counterparts section is counterparts-listed's problem, and its fix adds Finance.
    if (!section || section.entries.length === 0) return;
    const names = ctx.options.departments;
    if (section.entries.some((c) => c.department !== undefined && isFinance(c.department.value))) return;
    // Why: a counterpart added now joins now. The plan's start would claim it was in from the start, and silence
    // counterpart-early on a plan that involved it late (the phone-company testbed's failure).
    const since = formatDay(ctx.today);
    // The new entry must satisfy this rule: "Finance", unless the configured names leave finance out.
    const first = names[0]?.trim() ?? '';
    const department =
      isFinance('Finance') || first === '' ? 'Finance' : first.charAt(0).toUpperCase() + first.slice(1);
    ctx.report({
      messageId: 'missing',
      at: section.anchor,
      fix: () => {
        const edits = addEntry(ctx.doc, 'counterparts', section, newCounterpart(department, since));
        return edits && { title: `Add a ${department} counterpart`, edits };
      },
    });
  },
});
