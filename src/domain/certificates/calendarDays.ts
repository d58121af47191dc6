// Certification dates are calendar days (`YYYY-MM-DD`): a certificate is "valid until 1 September
// 2027" through the whole of that day, wherever the person is. Pure arithmetic on ISO dates.
import { DateTime } from 'luxon';

/** A calendar day as `YYYY-MM-DD`. */
export type Day = string;

function parse(day: Day): DateTime {
  const at = DateTime.fromISO(day, { zone: 'utc' });
  if (!at.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a calendar day: ${day}`);
  return at;
}

function format(at: DateTime): Day {
  return at.toISODate()!;
}

export function addDays(day: Day, days: number): Day {
  return format(parse(day).plus({ days }));
}

/** Month arithmetic keeps the day of the month where it exists (31 January + 1 month = 28/29 February). */
export function addMonths(day: Day, months: number): Day {
  return format(parse(day).plus({ months }));
}

export function addYears(day: Day, years: number): Day {
  return format(parse(day).plus({ years }));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

/** The first day on or after `from` that falls on `monthDay` (`MM-DD`). */
export function nextMonthDay(from: Day, monthDay: string): Day {
  const year = parse(from).year;
  const sameYear = `${year}-${monthDay}`;
  return sameYear >= from ? sameYear : `${year + 1}-${monthDay}`;
}

/** The calendar day an instant falls on in a time zone. */
export function dayIn(at: Date, timeZone: string): Day {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new Error(`unknown time zone: ${timeZone}`);
  return format(local);
}

export function minDay(days: readonly (Day | undefined)[]): Day | undefined {
  let min: Day | undefined;
  for (const d of days) if (d !== undefined && (min === undefined || d < min)) min = d;
  return min;
}
