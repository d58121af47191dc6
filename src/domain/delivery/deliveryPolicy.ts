// When a card may reach a person: working hours and days, quiet hours, a daily cap and reminders,
// all in the person's own time zone. Pure: the instant to start from is always passed in.
import type { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from '../learning/program.ts';
import { atLocalTime, inZone, minutesIntoDay, minutesOfDay, nextDayAt, type ClockTime } from './timeZone.ts';

export { effectiveTimeZone } from './timeZone.ts';

export interface DeliveryPolicy {
  /** IANA zone the hours below are read in; per person, see `withTimeZone`. */
  timeZone: string;
  /** Cards go out from `start` (inclusive) to `end` (exclusive) on these days; `start` < `end`. */
  workingHours: { start: ClockTime; end: ClockTime; days: Weekday[] };
  /** No cards from `start` (inclusive) to `end` (exclusive); a window may wrap midnight (22:00–06:00). */
  quietHours: Array<{ start: ClockTime; end: ClockTime }>;
  maxCardsPerDay: number;
  /** The first reminder `afterDays` after the due date, the next `afterDays` later, at most `max`. */
  reminders: { afterDays: number; max: number };
}

export function defaultDeliveryPolicy(timeZone = 'Europe/Oslo'): DeliveryPolicy {
  return {
    timeZone,
    workingHours: {
      start: '08:00',
      end: '16:00',
      days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    },
    quietHours: [],
    maxCardsPerDay: 3,
    reminders: { afterDays: 3, max: 2 },
  };
}

/** The same policy read in the person's time zone (see `effectiveTimeZone`). */
export function withTimeZone(policy: DeliveryPolicy, timeZone: string): DeliveryPolicy {
  return { ...policy, timeZone };
}

/**
 * Why a policy can never deliver anything, or undefined when it can. Hours are compared as local
 * minutes; a policy that passes this check always yields a slot within a week.
 */
export function policyProblem(policy: DeliveryPolicy): string | undefined {
  const start = minutesOfDay(policy.workingHours.start);
  const end = minutesOfDay(policy.workingHours.end);
  if (start >= end) return 'working hours must start before they end';
  if (policy.workingHours.days.length === 0) return 'at least one working day is needed';
  const quiet = policy.quietHours.map(quietWindow);
  for (let minute = start; minute < end; minute++) {
    if (!quiet.some((w) => w.contains(minute))) return undefined;
  }
  return 'quiet hours cover all of the working hours';
}

/**
 * The first instant at or after `earliest` inside working hours, on a working day, outside every
 * quiet window, all in the policy's time zone. Each step moves forward to the next boundary in local
 * time, so daylight-saving changes need no special case. Throws when the policy allows no slot.
 */
export function nextDeliverySlot(earliest: Date, policy: DeliveryPolicy): Date {
  const problem = policyProblem(policy);
  if (problem) throw new RangeError(`delivery policy can never deliver: ${problem}`);
  const start = minutesOfDay(policy.workingHours.start);
  const end = minutesOfDay(policy.workingHours.end);
  const days = new Set(policy.workingHours.days);
  const quiet = policy.quietHours.map(quietWindow);

  let local = inZone(earliest, policy.timeZone);
  // Every pass lands on a later boundary; a valid policy settles within a week of passes.
  for (let pass = 0; pass < 1000; pass++) {
    const minute = minutesIntoDay(local);
    if (!days.has(weekdayOf(local)) || minute >= end) {
      local = nextDayAt(local, start);
    } else if (minute < start) {
      local = atLocalTime(local, start);
    } else {
      const window = quiet.find((w) => w.contains(minute));
      if (!window) return local.toJSDate();
      local = window.endAfter(local);
    }
  }
  throw new Error(`no delivery slot found after ${earliest.toISOString()}`);
}

/** The person's local calendar day ('YYYY-MM-DD'): the key for counting cards per person per day. */
export function localDay(instant: Date, timeZone: string): string {
  return inZone(instant, timeZone).toFormat('yyyy-MM-dd');
}

/** The person's next local midnight after `instant`: when their daily cap starts counting again. */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  return inZone(instant, timeZone).plus({ days: 1 }).startOf('day').toJSDate();
}

/** Whether one more card may go out to a person who has had `sentToday` cards this local day. */
export function underDailyCap(sentToday: number, policy: DeliveryPolicy): boolean {
  return sentToday < policy.maxCardsPerDay;
}

/**
 * When the next reminder for an item due at `dueAt` falls due, having sent `remindersSent`: the k-th
 * (0-based) at `dueAt` + afterDays·(k+1) local calendar days, same local time. Undefined once `max`
 * reminders have gone out. Pass the result through `nextDeliverySlot` to get the delivery time.
 */
export function reminderDueAt(dueAt: Date, remindersSent: number, policy: DeliveryPolicy): Date | undefined {
  if (remindersSent >= policy.reminders.max) return undefined;
  const days = policy.reminders.afterDays * (remindersSent + 1);
  return inZone(dueAt, policy.timeZone).plus({ days }).toJSDate();
}

function weekdayOf(local: DateTime): Weekday {
  return WEEKDAYS[local.weekday - 1]!;
}

interface QuietWindow {
  contains(minute: number): boolean;
  /** The local instant the window containing `local` ends. */
  endAfter(local: DateTime): DateTime;
}

function quietWindow(hours: { start: ClockTime; end: ClockTime }): QuietWindow {
  const start = minutesOfDay(hours.start);
  const end = minutesOfDay(hours.end);
  if (start === end) return { contains: () => false, endAfter: (local) => local };
  if (start < end) {
    return {
      contains: (m) => m >= start && m < end,
      endAfter: (local) => atLocalTime(local, end),
    };
  }
  // Wraps midnight: the evening part ends tomorrow morning, the morning part this morning.
  return {
    contains: (m) => m >= start || m < end,
    endAfter: (local) => (minutesIntoDay(local) >= start ? nextDayAt(local, end) : atLocalTime(local, end)),
  };
}
