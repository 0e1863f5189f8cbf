// Calendar dates as day numbers: parsing ISO YYYY-MM-DD strictly, and formatting back.

/** Days since 1970-01-01 for a real calendar date, or undefined for anything else (2026-02-30, 2026-2-3). */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000);
}

const DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : DAYS[m - 1]!;
}

/** A date-like token that is not strict ISO but has an obvious ISO spelling (2026-2-3, 2026/02/03). */
export function normaliseDateLike(text: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return parseIsoDate(iso) === undefined ? undefined : iso;
}

/**
 * The nearest real day to an impossible YYYY-MM-DD date with a real month (2026-02-30 → 2026-02-28, day 00 → 01);
 * undefined for anything else. A suggestion only: the intended day may be another one.
 */
export function nearestRealDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || parseIsoDate(text.trim()) !== undefined) return undefined;
  const day = Math.min(Math.max(d, 1), daysInMonth(y, mo));
  return `${m[1]}-${m[2]}-${String(day).padStart(2, '0')}`;
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The local calendar date of `date` as a day number. */
export function localDayOf(date: Date): number {
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}

/** Today's date as a day number, from the local clock. Only used when no `today` is injected. */
export function localToday(): number {
  return localDayOf(new Date());
}

/**
 * "Today" as every shell means it: the `today` given (YYYY-MM-DD, e.g. `--today`), else the local clock.
 * A `today` that is not a real date is a RangeError, never silently the clock.
 */
export function resolveToday(today?: string): number {
  if (today === undefined) return localToday();
  const d = parseIsoDate(today);
  if (d === undefined) throw new RangeError(`today must be a date as YYYY-MM-DD, got "${today}"`);
  return d;
}
