// counterparts-cross-functional: requires at least `min-departments` distinct departments other than the owner's own.
import { defineRule } from '../../core/rule-api.js';
import { isPlaceholder, normaliseName } from '../../core/text.js';

function departments(n: number): string {
  return n === 1 ? '1 department' : `${n} departments`;
}

export default defineRule({
  meta: {
    id: 'counterparts-cross-functional',
    description: "requires at least `min-departments` distinct departments among the counterparts, besides the owner's own.",
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'none',
    draft: { tooFew: 'todo' },
    messages: {
      tooFew: 'The counterparts cover {{found}} besides {{owner}}; involve at least {{needed}}, such as finance, IT, logistics or supply chain.',
    },
    options: {
      'min-departments': {
        type: 'integer',
        minimum: 1,
        default: 3,
        description: 'The fewest distinct departments, besides `owner-department`, among the counterparts.',
      },
    },
  },
  check(ctx) {
    const section = ctx.plan.counterparts;
    // Why: a missing or empty counterparts section is counterparts-listed's problem; one report is enough.
    if (!section || section.entries.length === 0) return;
    const ownerName = ctx.plan.ownerDepartment?.value.trim();
    const owner = ownerName ? normaliseName(ownerName) : '';
    const seen = new Map<string, string>();
    for (const c of section.entries) {
      const d = c.department?.value.trim();
      if (!d || isPlaceholder(d)) continue;
      const key = normaliseName(d);
      if (key === '' || key === owner || seen.has(key)) continue;
      seen.set(key, d);
    }
    const min = ctx.options['min-departments'];
    if (seen.size >= min) return;
    const names = [...seen.values()];
    ctx.report({
      messageId: 'tooFew',
      data: {
        found: names.length === 0 ? 'no department' : `only ${departments(names.length)} (${names.join(', ')})`,
        owner: ownerName ? `the owning department (${ownerName})` : 'the owning department',
        needed: departments(min),
      },
      at: section.anchor,
    });
  },
});
