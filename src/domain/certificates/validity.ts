// How long a certificate is valid: its due date, its expiry and when its renewal window opens, from a
// certification's rules. Pure; days are `YYYY-MM-DD` (see calendarDays.ts).
import { addDays, addMonths, addYears, nextMonthDay, type Day } from './calendarDays.ts';
import type { Certification } from './certification.ts';

/** When a first certification assigned on `assignedOn` is due (overdue from the day after). */
export function firstDueOn(certification: Certification, assignedOn: Day): Day {
  return addDays(assignedOn, certification.firstDueDays);
}

/** The renewal window opens this day (the refresher is assigned, "renew now" is sent). */
export function windowOpensOn(certification: Certification, validUntil: Day): Day {
  return addDays(validUntil, -certification.renewalWindowDays);
}

function plusValidity(certification: Certification, day: Day): Day {
  const v = certification.validity;
  return 'days' in v ? addDays(day, v.days) : addMonths(day, v.months);
}

/**
 * The last day a certificate completed on `completedOn` is valid. `previousValidUntil` is the
 * expiry of the certificate it renews, when it renews one that had not expired yet; a first
 * certification and one after an expiry pass none, and count from the completion date.
 */
export function validUntilFor(certification: Certification, completedOn: Day, previousValidUntil?: Day): Day {
  const renewsOnTime = previousValidUntil !== undefined && completedOn <= previousValidUntil;
  if (renewsOnTime && certification.expiryCountsFrom !== 'completion') {
    return plusValidity(certification, previousValidUntil);
  }
  if (certification.expiryCountsFrom !== 'fixedDate' || certification.fixedDate === undefined) {
    return plusValidity(certification, completedOn);
  }
  // Outside the common cycle (first certification, or after an expiry): the mid-cycle rule decides.
  const { date, midCycle } = certification.fixedDate;
  const years = 'months' in certification.validity ? certification.validity.months / 12 : 1;
  if (midCycle === 'fullPeriod') return nextMonthDay(plusValidity(certification, completedOn), date);
  // nextDate: the first fixed date whose window has not opened by the completion day.
  const firstOutsideWindow = nextMonthDay(addDays(completedOn, certification.renewalWindowDays + 1), date);
  return addYears(firstOutsideWindow, years - 1);
}
