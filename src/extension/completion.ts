// Completion of YAML keys and enum values in a plan (YAML form and Markdown front matter). Pure: text in, items out.
import {
  AGGREGATES,
  COUNTERPART_KEYS,
  CUSTOMER_KEYS,
  FRONT_MATTER_KEYS,
  ITERATION_KEYS,
  JOURNEY_KEYS,
  METRIC_KEYS,
  ORDERS,
  PERSPECTIVES,
  RISKS,
  SELECTION_KEYS,
  SIZES,
  SOURCES,
  STAGES,
  STATUSES,
  VALUE_GUIDANCE,
  YAML_PLAN_KEYS,
} from '../core/index.js';

export interface CompletionData {
  label: string;
  kind: 'key' | 'value';
  /** Text to insert (keys get `: `). */
  insertText: string;
  detail?: string;
}

const VALUES: Record<string, readonly string[]> = {
  status: STATUSES,
  size: SIZES,
  risk: RISKS,
  source: SOURCES,
  order: ORDERS,
  perspective: PERSPECTIVES,
  aggregate: AGGREGATES,
  'new-processes': ['true', 'false'],
  kind: ['testbed-plan'],
  stage: STAGES,
};

const CHILD_KEYS: Record<string, readonly string[]> = {
  customer: CUSTOMER_KEYS,
  selection: SELECTION_KEYS,
  iterations: ITERATION_KEYS,
  counterparts: COUNTERPART_KEYS,
  metrics: METRIC_KEYS,
  journey: JOURNEY_KEYS,
};

function meaning(key: string, value: string): string | undefined {
  const g = (VALUE_GUIDANCE as Record<string, { values: { value: string; meaning: string }[] }>)[key];
  return g?.values.find((v) => v.value === value)?.meaning;
}

/**
 * Items for the cursor at `offset`. `yamlStart`/`yamlEnd` bound the YAML (the whole text for a YAML plan,
 * the front matter's content for a Markdown plan); outside them there is nothing to complete.
 */
export function completionsAt(text: string, offset: number, yamlStart: number, yamlEnd: number, topLevel: 'front-matter' | 'yaml'): CompletionData[] {
  if (offset < yamlStart || offset > yamlEnd) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const value = /^(\s*)(?:-\s+)?([A-Za-z][\w-]*):\s+[\w-]*$/.exec(prefix);
  if (value) {
    const key = value[2]!;
    return (VALUES[key] ?? []).map((v) => {
      const detail = meaning(key, v);
      return { label: v, kind: 'value' as const, insertText: v, ...(detail ? { detail } : {}) };
    });
  }
  const keyAt = /^(\s*)(-\s+)?[A-Za-z-]*$/.exec(prefix);
  if (!keyAt) return [];
  const indent = keyAt[1]!.length + (keyAt[2]?.length ?? 0);
  let candidates: readonly string[];
  const present = new Set<string>();
  if (indent === 0) {
    candidates = topLevel === 'yaml' ? YAML_PLAN_KEYS : FRONT_MATTER_KEYS;
    for (const m of text.slice(yamlStart, yamlEnd).matchAll(/^([A-Za-z][\w-]*):/gm)) present.add(m[1]!);
  } else {
    // The parent is the nearest line above with less indentation that opens a mapping (`key:`).
    const above = text.slice(yamlStart, lineStart).split('\n').reverse();
    const parent = above.map((l) => /^(\s*)([A-Za-z][\w-]*):\s*(#.*)?$/.exec(l)).find((m) => m && m[1]!.length < indent);
    candidates = parent ? (CHILD_KEYS[parent[2]!] ?? []) : [];
  }
  return candidates.filter((k) => !present.has(k)).map((k) => ({ label: k, kind: 'key' as const, insertText: `${k}: ` }));
}
