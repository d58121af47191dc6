// Time zones and local wall-clock times. Pure: luxon and Intl compute, nothing reads the clock.
import { DateTime, IANAZone } from 'luxon';

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
 * Common Windows time-zone names (as Graph's mailboxSettings.timeZone may give them) and the IANA
 * zones they cover, the CLDR default first. The tenant default wins when it is one of them: a
 * Norwegian tenant's "W. Europe Standard Time" user lands in Europe/Oslo rather than Europe/Berlin
 * (same rules, but the name is what people see).
 */
const WINDOWS_ZONES: Record<string, readonly string[]> = {
  'W. Europe Standard Time': [
    'Europe/Berlin',
    'Europe/Oslo',
    'Europe/Stockholm',
    'Europe/Amsterdam',
    'Europe/Vienna',
    'Europe/Zurich',
    'Europe/Rome',
    'Europe/Luxembourg',
    'Arctic/Longyearbyen',
  ],
  'Romance Standard Time': ['Europe/Paris', 'Europe/Copenhagen', 'Europe/Brussels', 'Europe/Madrid'],
  'Central Europe Standard Time': [
    'Europe/Budapest',
    'Europe/Prague',
    'Europe/Bratislava',
    'Europe/Belgrade',
  ],
  'Central European Standard Time': ['Europe/Warsaw', 'Europe/Zagreb', 'Europe/Sarajevo'],
  'FLE Standard Time': ['Europe/Kiev', 'Europe/Helsinki', 'Europe/Tallinn', 'Europe/Riga', 'Europe/Vilnius'],
  'GTB Standard Time': ['Europe/Bucharest', 'Europe/Athens'],
  'GMT Standard Time': ['Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Atlantic/Faroe'],
  'Greenwich Standard Time': ['Atlantic/Reykjavik'],
  'Greenland Standard Time': ['America/Nuuk'],
  UTC: ['UTC'],
};

/**
 * The time zone to deliver in: the person's own zone when it is a valid IANA name (normalised, so
 * "europe/oslo" becomes "Europe/Oslo") or a known Windows name, else the tenant default.
 */
export function effectiveTimeZone(personZone: string | undefined, tenantDefault: string): string {
  const zone = personZone?.trim() ?? '';
  if (zone === '') return tenantDefault;
  const windows = WINDOWS_ZONES[zone];
  if (windows) {
    const tenantZone = canonicalZone(tenantDefault);
    if (tenantZone !== undefined && windows.includes(tenantZone)) return tenantZone;
    return windows.find((z) => canonicalZone(z) !== undefined) ?? tenantDefault;
  }
  return canonicalZone(zone) ?? tenantDefault;
}

/** The canonical spelling of a valid IANA zone name, or undefined. */
export function canonicalZone(zone: string): string | undefined {
  if (!IANAZone.isValidZone(zone)) return undefined;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  // Intl may resolve to an older alias (Europe/Kyiv → Europe/Kiev); keep the given name then.
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}
