// counterpart-back-end: a back-end function (IT, logistics, supply chain, operations, procurement) is among the counterparts.
import { BACK_END_DEPARTMENTS_BY_LANG, FRONT_LINE_FUNCTIONS_BY_LANG } from '../../core/words-lang.js';
import { BACK_END_DEPARTMENTS, FRONT_LINE_FUNCTIONS, backEndMatcher } from '../../core/departments.js';
import { defineRule } from '../../core/rule-api.js';

export default defineRule({
  meta: {
    id: 'counterpart-back-end',
    description:
      'asks for a back-end function (IT, logistics, supply chain, operations, procurement) among the counterparts.',
    category: 'counterparts',
    defaultSeverity: 'info',
    fixable: 'none',
    draft: { missing: 'todo', frontLineOnly: 'todo' },
    messages: {
      missing:
        'No back-end function is among the counterparts; involve IT, logistics, supply chain, operations or procurement too, not only front-line staff, since they carry the change behind the scenes.',
      frontLineOnly:
        'No back-end function is among the counterparts: {{names}} {{verb}} front-line work despite the name; involve IT, logistics, supply chain, operations or procurement too, since they carry the change behind the scenes.',
    },
    options: {
      departments: {
        type: 'string[]',
        default: BACK_END_DEPARTMENTS,
        languages: BACK_END_DEPARTMENTS_BY_LANG,
        description: 'Department names (compared case-insensitively, as whole words) that count as back-end functions.',
      },
      'front-line': {
        type: 'string[]',
        default: FRONT_LINE_FUNCTIONS,
        languages: FRONT_LINE_FUNCTIONS_BY_LANG,
        description:
          'Front-line functions: a back-end name right after one of them ("Sales Operations") does not count as back-end.',
      },
    },
  },
  prepare: (options) => ({
    isBackEnd: backEndMatcher(options.departments, options['front-line']),
    // A back-end name whatever qualifies it: "Sales Operations" too.
    namesBackEnd: backEndMatcher(options.departments, []),
  }),
  check(ctx, { isBackEnd, namesBackEnd }) {
    const section = ctx.plan.counterparts;
    // Why: a missing or empty counterparts section is counterparts-listed's problem; one report is enough.
    if (!section || section.entries.length === 0) return;
    const named = section.entries.map((c) => c.department?.value.trim() ?? '').filter((d) => d !== '');
    if (named.some(isBackEnd)) return;
    // Departments that carry a back-end name, qualified by a front-line function.
    const qualified = named.filter(namesBackEnd);
    if (qualified.length > 0) {
      ctx.report({
        messageId: 'frontLineOnly',
        data: { names: qualified.map((d) => `"${d}"`).join(', '), verb: qualified.length === 1 ? 'is' : 'are' },
        at: section.anchor,
      });
      return;
    }
    ctx.report({ messageId: 'missing', at: section.anchor });
  },
});
