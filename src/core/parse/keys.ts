// The keys the plan model knows, per level: derived from the plan schema (kept for existing importers).
export {
  COUNTERPART_KEYS,
  CUSTOMER_KEYS,
  FRONT_MATTER_KEYS,
  ITERATION_KEYS,
  JOURNEY_KEYS,
  METRIC_KEYS,
  SELECTION_KEYS,
  YAML_PLAN_KEYS,
} from '../schema.js';
export { suggest } from '../suggest.js';
