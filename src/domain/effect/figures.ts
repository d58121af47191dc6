// Small arithmetic shared by the effect figures. Pure.

/** A share as a percentage with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : round1((part / whole) * 100);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round2(values.reduce((sum, v) => sum + v, 0) / values.length);
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

const DAY_MS = 86_400_000;

/** Mondays 00:00 UTC of the `count` weeks up to and including the one `now` is in, oldest first. */
export function weekStarts(now: Date, count: number): Date[] {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: count }, (_, i) => new Date(monday - (count - 1 - i) * 7 * DAY_MS));
}

export const WEEK_MS = 7 * DAY_MS;
