// One person's standing in one certification, and every cycle they went through. Pure.
//
// assigned ──(due date passes)──► overdue          (a first certification: never completed)
//    │                              │
//    └──────────(program completed)─┴──► certified ──(window opens)──► renewalOpen
//                                          ▲                             │   │
//                      (refresher or program completed, on time) ◄───────┘   │ (expiry passes)
//                                          │                                 ▼
//                                          └──(full program completed)──── expired
//
// "Never completed" (assigned, overdue: no cycle yet) and "renewal reset" (expired: at least one
// cycle, the last one ended by its expiry) are different states and stay different in reports.
import type { Day } from './calendarDays.ts';
import type { CertificationNotice } from './notices.ts';

export const CERTIFICATION_STATUSES = ['assigned', 'overdue', 'certified', 'renewalOpen', 'expired'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** How a cycle began: the first certification, a renewal before expiry, or again after an expiry. */
export type CycleBasis = 'first' | 'renewal' | 'afterExpiry';

/**
 * How the certifying part was done: the full program, the refresher, or recognised by a placement
 * test (the person showed they knew it; reports count this apart from completing).
 */
export type CompletedVia = 'program' | 'refresher' | 'recognised';

/** One period of validity. Cycles are never removed or rewritten, except to record how one ended. */
export interface CertificationCycle {
  n: number;
  certifiedOn: Day;
  /** The last day the certificate is valid. */
  validUntil: Day;
  basis: CycleBasis;
  via: CompletedVia;
  programId: string;
  /** The certification's version whose rules set this cycle's validity. */
  certificationVersion: number;
  /** How the cycle ended: `renewed` on the day the next began, `expired` on the day after validUntil. */
  ended?: { on: Day; how: 'renewed' | 'expired' };
  /** The certificate's verification code (random, unguessable), once issued. */
  verificationCode?: string;
}

export interface CertificationRecord {
  tenantId: string;
  userId: string;
  certificationId: string;
  assignedOn: Day;
  /** When the first certification is due; kept once certified, for history. */
  dueOn: Day;
  /** As of `checkedThrough` (the sweep) or the latest completion. */
  status: CertificationStatus;
  cycles: CertificationCycle[];
  /** Every day up to and including this one has been looked at: its notices are decided. */
  checkedThrough: Day;
  /** The next day something happens (a reminder, the window, the expiry); none while nothing will. */
  nextCheckOn?: Day;
  /** Why the person has it (role rules, an admin), for the people who read reports. */
  assignedBy: string;
  /**
   * The certification's version `nextCheckOn` was worked out under. When the content's version is
   * another, the rules changed: what was due under the old ones is not owed under the new.
   */
  rulesVersion: number;
  /**
   * Notices decided with this record's last write that may not have reached the outbound pipeline
   * yet (the "certified" card of a completion): written in the same row as the certificate, so a
   * crash between saving it and enqueuing its card loses nothing. The sweep enqueues them (each by
   * its key: at most once) and clears them; a check is scheduled for the day they were decided.
   */
  unsentNotices?: CertificationNotice[];
}

export function currentCycle(record: Pick<CertificationRecord, 'cycles'>): CertificationCycle | undefined {
  return record.cycles.at(-1);
}

/** Someone who has never held the certificate (assigned or overdue), as opposed to one whose lapsed. */
export function neverCertified(record: Pick<CertificationRecord, 'cycles'>): boolean {
  return record.cycles.length === 0;
}

/** A certificate that counts today: certified, or certified with the renewal window open. */
export function isValid(status: CertificationStatus): boolean {
  return status === 'certified' || status === 'renewalOpen';
}
