// Array helpers safe at any length. Why: `a.push(...b)` and `Math.max(...b)` pass every element as an argument, and
// past about 100,000 elements (a pasted table's rows, a long log's problems) they throw RangeError.

/** Appends `items` to `target`, one by one. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

/** The largest of `values`, or `empty` when there is none. */
export function maxOf(values: readonly number[], empty = -Infinity): number {
  let m = empty;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  return m;
}

/** The smallest of `values`, or `empty` when there is none. */
export function minOf(values: readonly number[], empty = Infinity): number {
  let m = empty;
  for (let i = 0; i < values.length; i++) if (values[i]! < m) m = values[i]!;
  return m;
}
