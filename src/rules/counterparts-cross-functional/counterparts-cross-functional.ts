// counterparts-cross-functional: requires at least `min-departments` distinct departments other than the owner's own and its sub-teams.
import { ownDepartmentMatcher } from '../../core/departments.js';
import { countedDepartments } from '../../core/counted-departments.js';
import { isLive, effectiveStatus } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';

function departments(n: number): string {
  return n === 1 ? '1 department' : `${n} departments`;
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export default defineRule({
  meta: {
    id: 'counterparts-cross-functional',
    description:
      "requires at least `min-departments` distinct departments among the counterparts, besides the owner's own and its sub-teams.",
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'none',
    draft: { tooFew: 'todo', noOwner: 'todo' },
    messages: {
      tooFew:
        'The counterparts cover {{found}} besides {{owner}}{{own}}; involve at least {{needed}}, such as finance, IT, logistics or supply chain.',
      noOwner:
        'The plan does not say which department owns it{{value}}, so its own department cannot be told from the others; add `owner-department:` (such as sales or customer service).',
    },
    options: {
      'min-departments': {
        type: 'integer',
        minimum: 1,
        default: 3,
        description: 'The fewest distinct departments, besides `owner-department`, among the counterparts.',
      },
      'same-department': {
        type: 'string[]',
        default: [],
        description:
          "More names that count as the owner's own department (a company's own names for its teams), compared as whole words.",
      },
    },
  },
  prepare: (options) => ownDepartmentMatcher(options['same-department']),
  check(ctx, isOwnDepartment) {
    const section = ctx.plan.counterparts;
    // Why: a missing or empty counterparts section is counterparts-listed's problem; one report is enough.
    if (!section || section.entries.length === 0) return;
    const od = ctx.plan.ownerDepartment;
    const counted = countedDepartments(ctx.plan, isOwnDepartment, ctx.isPlaceholder);
    const ownerName = counted.owner;
    const status = effectiveStatus(ctx.plan);
    if (!ownerName && (status === 'proposed' || isLive(ctx.plan))) {
      ctx.report({
        messageId: 'noOwner',
        data: { value: od ? ` ("${od.value.trim()}" is a placeholder)` : '' },
        at: od?.span ?? section.anchor,
      });
    }
    const own = counted.own;
    const min = ctx.options['min-departments'];
    const names = counted.others;
    if (names.length >= min) return;
    ctx.report({
      messageId: 'tooFew',
      data: {
        found: names.length === 0 ? 'no department' : `only ${departments(names.length)} (${names.join(', ')})`,
        owner: ownerName ? `the owning department (${ownerName})` : 'the owning department',
        own:
          own.length === 0
            ? ''
            : `: ${list(own)} ${own.length === 1 ? 'is' : 'are'} part of ${ownerName ?? 'the owning department'} itself`,
        needed: departments(min),
      },
      at: section.anchor,
    });
  },
});
