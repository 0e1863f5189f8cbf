// Array helpers safe at any length, and the one test of a call stack running out. Why the helpers: `a.push(...b)`
// and `Math.max(...b)` pass every element as an argument, and past about 100,000 elements (a pasted table's rows, a
// long log's problems) they throw RangeError.

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

/**
 * Whether an error is the engine running out of call stack: V8 and JavaScriptCore throw a RangeError ("Maximum call
 * stack size exceeded"), Firefox an InternalError ("too much recursion"). Why so narrow: the readers report such a
 * block as nested too deeply to read; any other RangeError is a bug to surface, not a finding (an over-long
 * argument list once passed as one for a 150,000-row table).
 */
export function isStackOverflow(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof RangeError) return /call stack/i.test(error.message);
  return error.name === 'InternalError' && /recursion/i.test(error.message);
}
