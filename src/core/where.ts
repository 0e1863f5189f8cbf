// Where a value is, in the words a person uses: "the third iteration entry (2026-02-10)", not `iterations[2]`.
import type { PlanModel } from './model.js';
import { SECTIONS } from './schema.js';

const ORDINALS: readonly string[] = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** "first" ... "tenth", then "11th", "21st", "22nd", "23rd". */
export function ordinal(n: number): string {
  if (n >= 1 && n <= ORDINALS.length) return ORDINALS[n - 1]!;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * An entry path (`iterations[2]`) as a person says it: "the third iteration entry (2026-02-10)", with the entry's
 * date, department or name when it has one. Undefined for a path that names no entry of a list section.
 */
export function entryName(plan: PlanModel, path: string): string | undefined {
  const m = /^([a-z-]+)\[(\d+)\]$/.exec(path);
  const s = m && SECTIONS.find((x) => x.key === m[1] && x.entry);
  if (!m || !s?.entry) return undefined;
  const i = Number(m[2]);
  const entries = (
    plan as unknown as Record<string, { entries?: Record<string, { value?: unknown } | undefined>[] } | undefined>
  )[s.kind]?.entries;
  const e = entries?.[i];
  const labelField = s.kind === 'iterations' ? 'date' : s.kind === 'journey' ? 'stage' : s.entry.anchorField;
  const label = labelField && e ? e[labelField]?.value : undefined;
  const shown = typeof label === 'string' && label.trim() !== '' ? ` (${label.trim().slice(0, 40)})` : '';
  return `the ${ordinal(i + 1)} ${s.entry.name} entry${shown}`;
}

/**
 * A value's key path (`iterations[2].order`, `customer.size`, `aims[0]`) as a message names it:
 * "`order` of the third iteration entry (2026-02-10)", "`customer.size`", "the first item of `aims`".
 */
export function describeKey(plan: PlanModel, path: string): string {
  const field = /^([a-z-]+\[\d+\])\.([\w-]+)$/.exec(path);
  const entry = field && entryName(plan, field[1]!);
  if (field && entry) return `\`${field[2]}\` of ${entry}`;
  const whole = entryName(plan, path);
  if (whole) return whole;
  const item = /^([\w.-]+)\[(\d+)\]$/.exec(path);
  if (item) return `the ${ordinal(Number(item[2]) + 1)} item of \`${item[1]}\``;
  return `\`${path}\``;
}
