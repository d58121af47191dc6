// Minutes per person per month: time approved for learning, and time spent (the estimated minutes
// of the steps done). Pure: the use case loads the rows, this sums them.
import { DateTime } from 'luxon';
import type { LearningTimeRequest } from './learningTimeRequest.ts';

export interface MonthMinutes {
  /** YYYY-MM in the person's time zone. */
  month: string;
  approvedMinutes: number;
  spentMinutes: number;
}

export interface DoneStep {
  doneAt: string;
  minutes: number;
}

function monthOf(instant: string, timeZone: string): string {
  const local = DateTime.fromISO(instant, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromISO(instant, { zone: 'UTC' })).toFormat('yyyy-MM');
}

/** Months with anything in them, newest first. Approved time counts in the month it is for. */
export function minutesByMonth(
  requests: readonly LearningTimeRequest[],
  doneSteps: readonly DoneStep[],
  timeZone: string,
): MonthMinutes[] {
  const months = new Map<string, MonthMinutes>();
  const at = (month: string) => {
    let entry = months.get(month);
    if (!entry) months.set(month, (entry = { month, approvedMinutes: 0, spentMinutes: 0 }));
    return entry;
  };
  for (const r of requests) if (r.status === 'approved') at(r.date.slice(0, 7)).approvedMinutes += r.minutes;
  for (const s of doneSteps) at(monthOf(s.doneAt, timeZone)).spentMinutes += s.minutes;
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}
