// customer-rationale: requires a customer-selection rationale of at least `min-words` words.
import { insertSection } from '../../core/edits.js';
import { defineRule } from '../../core/rule-api.js';
import { sectionLines } from '../../core/writer.js';

export default defineRule({
  meta: {
    id: 'customer-rationale',
    description: 'requires a customer-selection rationale of at least `min-words` words.',
    category: 'customer',
    defaultSeverity: 'error',
    fixable: 'safe',
    draft: 'todo',
    messages: {
      missing:
        'The plan does not say why this customer was chosen; add {{where}} that explains it in at least {{min}} words.',
      empty:
        'The customer selection rationale is empty; explain in at least {{min}} words why this customer fits a testbed.',
      placeholder:
        'The customer selection rationale is still a to-do; replace it with at least {{min}} words on why this customer fits a testbed.',
      tooShort:
        'The customer selection rationale is too short ({{count}}, at least {{min}} needed); say why this customer fits: small or low-risk, new processes, an eager champion, not a premier account.',
    },
    options: {
      'min-words': {
        type: 'integer',
        minimum: 1,
        default: 30,
        description: 'The fewest words the selection rationale may have.',
      },
    },
  },
  check(ctx) {
    const min = ctx.options['min-words'];
    const sel = ctx.plan.selection;
    const yaml = ctx.doc.form === 'yaml';
    if (!sel) {
      ctx.report({
        messageId: 'missing',
        data: { where: yaml ? '`selection: rationale:`' : 'a "Customer selection" section', min },
        at: ctx.plan.titleAnchor,
        fix: () => ({
          title: yaml ? 'Add `selection: rationale:` with a prompt' : 'Add a Customer selection section with a prompt',
          // The writer's prompt starts with TODO, so it counts as a placeholder until someone answers it.
          edits: [insertSection(ctx.doc, 'selection', sectionLines(ctx.doc.form, 'selection'))],
        }),
      });
      return;
    }
    const text = sel.text?.value ?? '';
    if (text.trim() === '') {
      ctx.report({ messageId: 'empty', data: { min }, at: sel.anchor });
    } else if (ctx.isPlaceholder(text)) {
      ctx.report({ messageId: 'placeholder', data: { min }, at: sel.anchor });
    } else if (sel.words < min) {
      ctx.report({
        messageId: 'tooShort',
        data: { count: sel.words === 1 ? '1 word' : `${sel.words} words`, min },
        at: sel.anchor,
      });
    }
  },
});
