// Which counterparts' departments count as departments besides the owner's: worked out once, for the rule
// (counterparts-cross-functional), the plan summary (status bar, plans view, report) and the hover's section summary,
// so the three never disagree ("TBD" is no department anywhere).
import type { PlanModel } from './model.js';
import { normaliseName } from './text.js';
import { isWriterPrompt } from './writer.js';

export interface CountedDepartments {
  /** The owner's department as written, unless it is missing or a placeholder. */
  owner: string | undefined;
  /** The distinct departments besides the owner's, as first written. */
  others: string[];
  /** The owner's own sub-teams listed as counterparts (`Inside Sales` when the owner is sales), as written. */
  own: string[];
}

/**
 * The counterparts' departments besides the owner's own. Not counted: a placeholder department, a counterpart whose
 * contact and benefit are both still the writer's prompts (added by a fix, "Add a Finance counterpart", and not
 * answered yet: counting it would pass the rule for the writer), and the owner's own department or its sub-teams.
 */
export function countedDepartments(
  plan: PlanModel,
  isOwnDepartment: (department: string, owner: string | undefined) => boolean,
  isPlaceholder: (value: string) => boolean,
): CountedDepartments {
  const od = plan.ownerDepartment;
  const owner = od && !isPlaceholder(od.value) ? od.value.trim() : undefined;
  const seen = new Map<string, string>();
  const own: string[] = [];
  for (const c of plan.counterparts?.entries ?? []) {
    const d = c.department?.value.trim();
    if (!d || isPlaceholder(d)) continue;
    if (c.contact && isWriterPrompt(c.contact.value) && c.benefit && isWriterPrompt(c.benefit.value)) continue;
    const key = normaliseName(d);
    if (key === '' || seen.has(key) || own.includes(d)) continue;
    if (isOwnDepartment(d, owner)) {
      // Why: the owner's department listed under its own name is no news; its sub-teams are worth naming.
      if (owner === undefined || key !== normaliseName(owner)) own.push(d);
      continue;
    }
    seen.set(key, d);
  }
  return { owner, others: [...seen.values()], own };
}
