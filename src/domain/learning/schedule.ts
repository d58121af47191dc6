// When each step of a program falls due for one person. Pure: the anchors are passed in.
//
// The rules, all in the person's time zone:
// - day 0 (offsetDays: 0 or offsetWeeks: 0) is the anchor instant itself, so a new hire enrolled at
//   10:17 gets the first step at once;
// - day N ≥ 1 is N local calendar days after the anchor's local date, at 09:00 local (a day is a
//   calendar day, 23 or 25 hours long across a daylight-saving change);
// - weekly is the first given weekday and time strictly after the previous step's due date, or at or
//   after the start for the first step, so consecutive weekly steps land one week apart;
// - nothing falls due before the enrollment start: a step counted from an earlier hire date that has
//   already passed is due at the start.
// When a card actually goes out is `nextDeliverySlot(due, policy)`: callers combine the two.
import type { DateTime } from 'luxon';
import type { Due, Program, Weekday } from './program.ts';
import { WEEKDAYS } from './program.ts';
import { atLocalTime, inZone, minutesOfDay } from '../delivery/timeZone.ts';

/** Local time of day for steps due N ≥ 1 days after their anchor. */
export const DUE_TIME_OF_DAY = '09:00';

export interface ScheduleAnchor {
  /** When the person was enrolled. */
  start: Date;
  /** The hire date from the directory; steps counted from it use `start` while it is unknown. */
  hireDate?: Date;
}

/** Due date per step id, in program order. Throws on an unknown time zone. */
export function stepDueDates(program: Program, anchor: ScheduleAnchor, timeZone: string): Map<string, Date> {
  const start = inZone(anchor.start, timeZone);
  const hireDate = anchor.hireDate ? inZone(anchor.hireDate, timeZone) : start;
  const dueDates = new Map<string, Date>();
  let previous: DateTime | undefined;
  for (const step of program.steps) {
    const due = dueAfter(step.due, { start, hireDate, previous });
    dueDates.set(step.id, due.toJSDate());
    previous = due;
  }
  return dueDates;
}

interface Anchors {
  start: DateTime;
  hireDate: DateTime;
  previous: DateTime | undefined;
}

function dueAfter(due: Due, anchors: Anchors): DateTime {
  if ('weekly' in due) {
    return anchors.previous
      ? nextWeekly(due.weekly, anchors.previous, false)
      : nextWeekly(due.weekly, anchors.start, true);
  }
  const days = 'offsetDays' in due ? due.offsetDays : due.offsetWeeks * 7;
  const from = due.from === 'hireDate' ? anchors.hireDate : anchors.start;
  const at =
    days === 0 ? from : atLocalTime(from.startOf('day').plus({ days }), minutesOfDay(DUE_TIME_OF_DAY));
  return at < anchors.start ? anchors.start : at;
}

/** The first `day` at `time` after `from` (or at it, when `inclusive`), in `from`'s zone. */
function nextWeekly(weekly: { day: Weekday; time: string }, from: DateTime, inclusive: boolean): DateTime {
  const weekday = WEEKDAYS.indexOf(weekly.day) + 1;
  const minutes = minutesOfDay(weekly.time);
  // Eight local days always contain the weekday once after `from`'s own day.
  for (let i = 0; i <= 7; i++) {
    const candidate = atLocalTime(from.startOf('day').plus({ days: i }), minutes);
    if (candidate.weekday !== weekday) continue;
    if (inclusive ? candidate >= from : candidate > from) return candidate;
  }
  throw new Error(`no ${weekly.day} found after ${from.toISO()}`);
}
