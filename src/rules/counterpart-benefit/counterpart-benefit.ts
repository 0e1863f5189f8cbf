// counterpart-benefit: requires each counterpart to state the direct benefit to their department, not a placeholder or a generic phrase.
import { defineRule } from '../../core/rule-api.js';
import { isWriterPrompt } from '../../core/writer.js';
import { genericBenefit, prepareBenefits } from './generic.js';

export default defineRule({
  meta: {
    id: 'counterpart-benefit',
    description:
      'requires each counterpart to state the direct benefit to their department, not a placeholder or a generic phrase.',
    category: 'counterparts',
    defaultSeverity: 'warning',
    fixable: 'none',
    // Why: the writer's own prompt, left unfilled, is a to-do on a draft; what the writer typed keeps its severity.
    draft: { missing: 'keep', placeholder: 'keep', generic: 'keep', unnamed: 'keep', prompt: 'todo' },
    messages: {
      missing:
        'No benefit is stated for {{department}}; say what {{department}} gains from the testbed, so its head has a reason to champion it.',
      placeholder:
        'The benefit for {{department}} is a placeholder ("{{benefit}}"); say what {{department}} gains from the testbed, so its head has a reason to champion it.',
      prompt:
        'The benefit for {{department}} is still the prompt "{{benefit}}"; say what {{department}} gains from the testbed, so its head has a reason to champion it.',
      generic:
        "The benefit for {{department}} (\"{{benefit}}\") is the project's or the customer's gain, not {{department}}'s own; say what {{department}} itself gains (data, a trial of its own system, lower costs), so its head has a reason to champion it.",
      unnamed:
        'A counterpart with no department states no benefit; name the department and say what it gains from the testbed.',
    },
    options: {
      'generic-benefits': {
        type: 'string[]',
        default: [
          'supports the testbed',
          'supports the project',
          'supports the pilot',
          'support for the testbed',
          'support',
          'general support',
          'helps the customer',
          'helps the project',
          'helps the testbed',
          'customer satisfaction',
          'happier customers',
          'good for the company',
          'good for the business',
          'good for the customer',
          'alignment',
          'better alignment',
          'collaboration',
          'visibility',
          'synergies',
          'win win',
        ],
        languages: {
          de: [
            'unterstützt das testbed',
            'unterstützt das projekt',
            'unterstützt den pilot',
            'unterstützung',
            'allgemeine unterstützung',
            'hilft dem kunden',
            'hilft dem projekt',
            'kundenzufriedenheit',
            'zufriedenere kunden',
            'gut für das unternehmen',
            'gut für den kunden',
            'abstimmung',
            'bessere abstimmung',
            'zusammenarbeit',
            'transparenz',
            'sichtbarkeit',
            'synergien',
          ],
          fr: [
            'soutient le testbed',
            'soutient le projet',
            'soutient le pilote',
            'soutien',
            'soutien général',
            'aide le client',
            'aide le projet',
            'satisfaction client',
            'clients plus satisfaits',
            'bon pour l entreprise',
            'bon pour le client',
            'alignement',
            'meilleur alignement',
            'collaboration',
            'visibilité',
            'synergies',
            'gagnant gagnant',
          ],
          es: [
            'apoya el testbed',
            'apoya el proyecto',
            'apoya el piloto',
            'apoyo',
            'apoyo general',
            'ayuda al cliente',
            'ayuda al proyecto',
            'satisfacción del cliente',
            'clientes más satisfechos',
            'bueno para la empresa',
            'bueno para el cliente',
            'alineamiento',
            'mejor alineamiento',
            'colaboración',
            'visibilidad',
            'sinergias',
            'ganar ganar',
          ],
        },
        description:
          'Benefits that name no gain for the department itself: a clause of a benefit is generic when it is one of these as a whole (stemmed: "Supporting the pilots" is supports the pilot).',
      },
      'helping-words': {
        type: 'string[]',
        default: [
          'helps',
          'supports',
          'benefits',
          'serves',
          'enables',
          'assists',
          'good for',
          'great for',
          'better for',
          'useful for',
          'valuable for',
          'important for',
        ],
        description:
          'Words that open a clause about whom the testbed helps: "helps the venue get going" is the customer\'s gain when `beneficiaries` follows them.',
      },
      beneficiaries: {
        type: 'string[]',
        default: [
          'testbed',
          'pilot',
          'project',
          'programme',
          'program',
          'trial',
          'initiative',
          'rollout',
          'customer',
          'client',
          'venue',
          'company',
          'business',
          'everyone',
        ],
        description:
          "The project and the customer (the plan's customer name counts too): a clause that helps only them names no gain for the department.",
      },
    },
  },
  prepare: (options) => prepareBenefits(options),
  check(ctx, lists) {
    const customer = ctx.plan.customer?.name?.value;
    for (const c of ctx.plan.counterparts?.entries ?? []) {
      const benefit = c.benefit?.value.trim();
      const isGeneric =
        benefit !== undefined &&
        !ctx.isPlaceholder(benefit) &&
        genericBenefit(benefit, c.department?.value, customer, lists);
      if (benefit && !ctx.isPlaceholder(benefit) && !isGeneric) continue;
      const d = c.department?.value.trim();
      const shown = benefit && benefit.length > 40 ? `${benefit.slice(0, 37)}...` : benefit;
      if (!d || ctx.isPlaceholder(d)) {
        ctx.report({ messageId: 'unnamed', at: c.anchor });
      } else if (benefit && isGeneric) {
        ctx.report({ messageId: 'generic', data: { department: d, benefit: shown! }, at: c.benefit!.span });
      } else if (benefit) {
        ctx.report({
          messageId: isWriterPrompt(benefit) ? 'prompt' : 'placeholder',
          data: { department: d, benefit: shown! },
          at: c.anchor,
        });
      } else {
        ctx.report({ messageId: 'missing', data: { department: d }, at: c.anchor });
      }
    }
  },
});
