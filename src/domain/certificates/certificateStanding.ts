// Where a certificate stands today, as managers and HR read it: valid, renewal window open, how soon
// it runs out (within 30, 60 or 90 days), expired; or not held yet (assigned, overdue). Pure.
import { addDays, daysBetween, type Day } from './calendarDays.ts';
import type { Certification } from './certification.ts';
import { statusOn } from './certificationLife.ts';
import {
  currentCycle,
  isValid,
  type CertificationRecord,
  type CertificationStatus,
} from './certificationRecord.ts';

/** The lead times My team and the Admin tab group expiries by. */
export const EXPIRY_HORIZONS = [30, 60, 90] as const;
export type ExpiryHorizon = (typeof EXPIRY_HORIZONS)[number];

export interface CertificateStanding {
  userId: string;
  certificationId: string;
  /** From the dates as of today, not the last sweep's. */
  status: CertificationStatus;
  dueOn: Day;
  validUntil?: Day;
  /** Days of validity left, today included in none (0: its last valid day is today); valid ones only. */
  daysLeft?: number;
  /** The smallest horizon it runs out within, for a valid certificate; none beyond 90 days. */
  expiresWithin?: ExpiryHorizon;
  /** Cycles completed so far: 0 is "never certified", told apart from an expiry ("renewal reset"). */
  cycles: number;
}

export function certificateStanding(
  record: CertificationRecord,
  certification: Certification,
  today: Day,
): CertificateStanding {
  const status = statusOn(record, certification, today);
  const validUntil = currentCycle(record)?.validUntil;
  const standing: CertificateStanding = {
    userId: record.userId,
    certificationId: record.certificationId,
    status,
    dueOn: record.dueOn,
    cycles: record.cycles.length,
  };
  if (validUntil !== undefined) standing.validUntil = validUntil;
  if (isValid(status) && validUntil !== undefined) {
    standing.daysLeft = daysBetween(today, validUntil);
    const within = EXPIRY_HORIZONS.find((h) => validUntil <= addDays(today, h));
    if (within !== undefined) standing.expiresWithin = within;
  }
  return standing;
}

/** A valid certificate that runs out within `days` of today (its last valid day on or before). */
export function expiresWithinDays(standing: CertificateStanding, days: number): boolean {
  return isValid(standing.status) && standing.daysLeft !== undefined && standing.daysLeft <= days;
}

/** How many of each: what the summary tiles of My team and the Admin tab show. */
export interface StandingCounts {
  /** Valid today (certified or window open). */
  valid: number;
  windowOpen: number;
  /** Valid and running out within 30, 60, 90 days (each counts those of the shorter ones too). */
  expiring30: number;
  expiring60: number;
  expiring90: number;
  expired: number;
  /** Never certified yet: assigned and not due, or overdue. */
  assigned: number;
  overdue: number;
}

export function countStandings(standings: readonly CertificateStanding[]): StandingCounts {
  const counts: StandingCounts = {
    valid: 0,
    windowOpen: 0,
    expiring30: 0,
    expiring60: 0,
    expiring90: 0,
    expired: 0,
    assigned: 0,
    overdue: 0,
  };
  for (const s of standings) {
    if (isValid(s.status)) counts.valid++;
    if (s.status === 'renewalOpen') counts.windowOpen++;
    if (s.status === 'expired') counts.expired++;
    if (s.status === 'assigned') counts.assigned++;
    if (s.status === 'overdue') counts.overdue++;
    for (const h of EXPIRY_HORIZONS) if (expiresWithinDays(s, h)) counts[`expiring${h}`]++;
  }
  return counts;
}

/**
 * Valid certificates by the month they run out (`YYYY-MM`), from this month on for `months` months:
 * the Admin tab's chart. Months with none are there with 0, so the chart has no gaps.
 */
export function expiriesByMonth(
  standings: readonly CertificateStanding[],
  today: Day,
  months = 12,
): Array<{ month: string; count: number }> {
  const first = today.slice(0, 7);
  const keys: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let i = 0; i < months; i++) {
    keys.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const s of standings) {
    if (!isValid(s.status) || s.validUntil === undefined) continue;
    const key = s.validUntil.slice(0, 7);
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
  }
  return keys.map((month) => ({ month, count: counts.get(month)! }));
}
