// Internal operating measures (spec v2): names that say how we measure ourselves, whatever perspective a metric is labelled with.
import { findPhrase, looseWords } from './text.js';

/**
 * The seeds' internal operating measures (option `internal-measures` of metric-outside-in and metric-worst-case).
 * Compared as whole words after case, hyphens and digits are normalised; `N` stands for any number and a word
 * matches its plural too.
 */
export const INTERNAL_MEASURES: readonly string[] = [
  'fill rate',
  'line fill',
  'case fill',
  'order fill',
  'answered within n seconds',
  'answered within n s',
  'answered within n sec',
  'answered in n seconds',
  'answered in n s',
  'answered in n sec',
  'average handle time',
  'aht',
  'calls per hour',
  'calls handled per hour',
  'claims per adjuster',
  'tickets per agent',
  'utilisation',
  'utilization',
  'on time shipment from our dock',
  'shipped on time from our dock',
];

/**
 * The first internal measure that occurs in a metric's name, as written in `measures`; undefined if none. The
 * measures' words are worked out once, for the matcher's life: a rule builds its matcher once per lint run (`prepare`).
 */
export function internalMeasureMatcher(
  measures: readonly string[] = INTERNAL_MEASURES,
): (name: string) => string | undefined {
  const phrases = measures.map((m) => [m, looseWords(m)] as const);
  return (name) => {
    const tokens = looseWords(name);
    return phrases.find(([, p]) => findPhrase(tokens, p, 0, true) >= 0)?.[0];
  };
}

/** One-off form of internalMeasureMatcher, for a single name. */
export function internalMeasureIn(name: string, measures: readonly string[] = INTERNAL_MEASURES): string | undefined {
  return internalMeasureMatcher(measures)(name);
}
