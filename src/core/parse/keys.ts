// The keys the plan model knows, per level, and did-you-mean suggestions for the ones it does not.
import { distance } from 'fastest-levenshtein';

export const FRONT_MATTER_KEYS = ['kind', 'title', 'owner', 'owner-department', 'status', 'start', 'review', 'aims', 'customer'] as const;
export const YAML_PLAN_KEYS = [...FRONT_MATTER_KEYS, 'selection', 'iterations', 'counterparts', 'metrics', 'scale-up'] as const;
export const CUSTOMER_KEYS = ['name', 'tier', 'size', 'new-processes', 'champion', 'risk'] as const;
export const SELECTION_KEYS = ['rationale'] as const;
export const ITERATION_KEYS = ['date', 'title', 'change', 'feedback', 'source', 'order'] as const;
export const COUNTERPART_KEYS = ['department', 'contact', 'since', 'benefit'] as const;
export const METRIC_KEYS = ['name', 'perspective', 'aggregate'] as const;

/** The nearest candidate within a small edit distance, compared case-insensitively and ignoring `_` vs `-`. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = w === c ? 0 : distance(w, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(w.length / 3));
  return best !== undefined && bestD <= limit ? best : undefined;
}
