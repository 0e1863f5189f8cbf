// Drafts are to-do lists: on a draft, findings about something missing become reminders (info, "To do before proposing:").
import type { PlanModel } from './model.js';
import type { RuleMeta } from './rule-api.js';

/** `lenient` (default): a draft's missing content is a to-do; `strict`: drafts are judged like proposed plans. */
export const DRAFTS_MODES = ['lenient', 'strict'] as const;
export type DraftsMode = (typeof DRAFTS_MODES)[number];

export const TODO_PREFIX = 'To do before proposing: ';

/**
 * Whether the plan is a draft: `status: draft` or no status at all. A status that is not one of the five
 * (`Running`, `Draft`, `live`) is not: the writer meant something, plan-schema asks what, and nothing is softened meanwhile.
 */
export function isDraft(plan: PlanModel): boolean {
  const v = plan.status?.value.trim();
  return v === undefined || v === '' || v === 'draft';
}

/** Whether a finding with this messageId is about something missing (a to-do on a draft), as the rule's meta declares. */
export function isTodo(meta: Pick<RuleMeta, 'draft'>, messageId: string): boolean {
  const d = meta.draft;
  return d === 'todo' || (typeof d === 'object' && d[messageId] === 'todo');
}

/** A finding's message as a to-do (its severity becomes `info`); a message that opens with a plain word is lower-cased. */
export function todoMessage(message: string, template: string): string {
  // Why: only the template's own first word ("The", "Finance") is lower-cased; data at the start (a name, `IT`) is not.
  const lower = /^[A-Z][a-z]/.test(template) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  return TODO_PREFIX + lower;
}
