// Time zones and local wall-clock times. Pure: luxon and Intl compute, nothing reads the clock.
import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

/** A local wall-clock time, 24-hour 'HH:MM' (e.g. '09:00'). */
export type ClockTime = string;

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight for an 'HH:MM' time; throws on anything else (a configuration error). */
export function minutesOfDay(time: ClockTime): number {
  const match = CLOCK_TIME.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a 24-hour HH:MM time`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes (with fractions for seconds) after local midnight of a zoned instant. */
export function minutesIntoDay(local: DateTime): number {
  return local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
}

/** The instant in the given IANA zone; throws on an unknown zone rather than computing with UTC. */
export function inZone(instant: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid)
    throw new RangeError(`cannot place ${instant.toISOString()} in time zone "${timeZone}"`);
  return local;
}

/**
 * The given local day at a wall-clock time. A time skipped by the spring daylight-saving change
 * (02:30 on the last Sunday of March in Europe/Oslo) moves forward by the gap, to 03:30; a time that
 * occurs twice in autumn keeps the offset `day` has, so moving forward within a day never goes back.
 */
export function atLocalTime(day: DateTime, minutes: number): DateTime {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/** The next local day at a wall-clock time (the first occurrence, if the time occurs twice). */
export function nextDayAt(local: DateTime, minutes: number): DateTime {
  return atLocalTime(local.plus({ days: 1 }).startOf('day'), minutes);
}

/**
 * The time zone to deliver in: the person's own zone when it is a valid IANA name (normalised, so
 * "europe/oslo" becomes "Europe/Oslo") or a Windows name (as Graph's mailboxSettings.timeZone gives
 * it, mapped with CLDR's table from `windows-iana`), else the tenant default. Of the zones a
 * Windows name covers, the tenant default wins when it is one of them: a Norwegian tenant's
 * "W. Europe Standard Time" user lands in Europe/Oslo rather than Europe/Berlin (same rules, but
 * the name is what people see); otherwise CLDR's default for the name.
 */
export function effectiveTimeZone(personZone: string | undefined, tenantDefault: string): string {
  const zone = personZone?.trim() ?? '';
  if (zone === '') return tenantDefault;
  const iana = canonicalZone(zone);
  if (iana !== undefined) return iana;
  const covered = findIana(zone);
  const tenantZone = canonicalZone(tenantDefault);
  if (tenantZone !== undefined && covered.some((z) => z.toLowerCase() === tenantZone.toLowerCase()))
    return tenantZone;
  for (const candidate of covered) {
    const valid = canonicalZone(candidate);
    if (valid !== undefined) return valid;
  }
  return tenantDefault;
}

/** The canonical spelling of a valid IANA zone name, or undefined. */
export function canonicalZone(zone: string): string | undefined {
  if (!IANAZone.isValidZone(zone)) return undefined;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  // Intl may resolve to an older alias (Europe/Kyiv → Europe/Kiev); keep the given name then.
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}
