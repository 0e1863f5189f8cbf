// Internal operating measures (spec v2): names that say how we measure ourselves, whatever perspective a metric is labelled with.
import { WordList, type Language } from './words/index.js';

/**
 * The seeds' internal operating measures (option `internal-measures` of metric-outside-in and metric-worst-case).
 * Matched by the word matcher (src/core/words): on stems, in order, as whole words, with case, hyphens, diacritics and
 * digits normalised ("Average handling times" is average handle time); `n` stands for any number and `=word` is
 * compared as written.
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
  // Why: as written, since its stem (util) is also utility's: "Utility outages" is not an internal measure.
  '=utilization',
  '=utilizations',
  'on time shipment from our dock',
  'shipped on time from our dock',
];

/**
 * The first internal measure (in the list's order) that occurs in a metric's name, as written in `measures`; undefined
 * if none. The measures are compiled once, for the matcher's life: a rule builds its matcher once per lint run
 * (`prepare`).
 */
export function internalMeasureMatcher(
  measures: readonly string[] = INTERNAL_MEASURES,
  language: Language = 'en',
): (name: string) => string | undefined {
  const list = new WordList(measures);
  return (name) => list.find(name, language);
}

/** One-off form of internalMeasureMatcher, for a single name. */
export function internalMeasureIn(name: string, measures: readonly string[] = INTERNAL_MEASURES): string | undefined {
  return internalMeasureMatcher(measures)(name);
}
