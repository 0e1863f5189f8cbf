// The keys the plan model knows, per level: derived from the plan schema (kept for existing importers).
import { CUSTOMER_KEYS, FRONT_MATTER_KEYS, SECTIONS, SELECTION_KEYS, YAML_PLAN_KEYS } from '../schema.js';

export { CUSTOMER_KEYS, FRONT_MATTER_KEYS, SELECTION_KEYS, YAML_PLAN_KEYS };
export { suggest } from '../suggest.js';

const entryKeys = (kind: string): readonly string[] => SECTIONS.find((s) => s.kind === kind)!.entry!.fields.map((f) => f.key);
export const ITERATION_KEYS = entryKeys('iterations');
export const COUNTERPART_KEYS = entryKeys('counterparts');
export const METRIC_KEYS = entryKeys('metrics');
export const JOURNEY_KEYS = entryKeys('journey');
