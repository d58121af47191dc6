// Strict readers for the values people type on the command line. Each returns undefined for anything
// it does not accept, so the command can say what it expected instead of guessing.
import { DateTime } from 'luxon';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An enrollment start: a date (`2026-03-02`: the start of that day in the person's time zone) or an
 * ISO date-time (`2026-03-02T08:00Z`; without an offset, local to the person's time zone).
 */
export function parseStart(value: string, timeZone: string): Date | undefined {
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  if (!parsed.isValid) return undefined;
  return (DATE_ONLY.test(value) ? parsed.startOf('day') : parsed).toJSDate();
}

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Moving a sandbox more than a year at once is a typo, not a test. */
const MAX_DURATION_MS = 366 * DAY_MS;

/** A forward move such as `7d`, `36h`, `90m` or `1d12h`, in milliseconds. */
export function parseDuration(value: string): number | undefined {
  const match = DURATION.exec(value);
  if (!match || value === '') return undefined;
  const [days, hours, minutes] = [match[1], match[2], match[3]].map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
  ];
  const ms = days * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS;
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : undefined;
}

/** `2d 4h 30m`, to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  const d = Math.floor(minutes / (24 * 60));
  const h = Math.floor((minutes % (24 * 60)) / 60);
  const m = minutes % 60;
  return `${d}d ${h}h ${m}m`;
}

/** `2026-03-02 09:00 Europe/Oslo`: how a time reads to the person it is for. */
export function formatLocal(instant: Date, timeZone: string): string {
  return `${DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm')} ${timeZone}`;
}
