// Cases for test/meta/pure-state.test.ts: each kind of hidden state it must reject, and the constants it must allow.
// (Not imported by anything; expected.txt lists what the test must report here, in order.)

// Rejected.
export let counter = 0;
export const memo = new Map<string, boolean>();
export const seen: string[] = [];
export const pair: [number, number] = [0, 0];
export const sticky = /a/y;
export const global = /a/g;
export const dynamic = new RegExp('a', 'y');
export const instance = new Date(0);
export const cached = (() => {
  const answers = new Map<string, number>();
  return (key: string) => answers.get(key) ?? 0;
})();
export const table: Record<string, number> = { a: 1 };
export class Holder {
  static last: string | undefined;
  static readonly all = new Set<string>();
}

export function mutate(): void {
  table.b = 2;
  table['c']! += 1;
  delete table.a;
  Object.assign(table, { d: 4 });
  NESTED.list.push(1);
  TABLE_OF_LISTS.a!.sort();
  global.lastIndex = 0;
  if (global.test('a')) TABLE_OF_LISTS.a!.reverse();
  counter += 1;
}

// Allowed: constants built once from literals and never mutated, typed readonly where they are collections.
export const LIMIT = 10;
export const NAMES: readonly string[] = ['a', 'b'];
export const WORDS: ReadonlySet<string> = new Set(['x', 'y']);
export const BY_NAME: ReadonlyMap<string, number> = new Map([['a', 1]]);
export const FROZEN = Object.freeze({ a: 1 });
export const TUPLE = [1, 2] as const;
export const ONCE = /b/i;
export const EVERY = /b/g;
export const RANK: Record<string, number> = { low: 0, high: 1 };
export const NESTED: { readonly list: number[] } = { list: [] };
export const TABLE_OF_LISTS: Readonly<Record<string, number[]>> = { a: [2, 1] };
export const SORTED: readonly string[] = [...NAMES].sort();
export const CODES = new Uint8Array(4);
for (const c of 'ab') CODES[c.charCodeAt(0) % 4] = 1;
export function read(): number {
  const lookups = (RANK.low ?? 0) + (BY_NAME.get('a') ?? 0) + (WORDS.has('x') ? 1 : 0) + LIMIT + FROZEN.a + TUPLE[0];
  return lookups + (ONCE.test('b') ? 1 : 0) + [...'bb'.matchAll(EVERY)].length + (CODES[1] ?? 0);
}
