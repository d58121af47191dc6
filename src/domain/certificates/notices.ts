// What a certification tells a person (or their manager), and when. Pure.
import type { Day } from './calendarDays.ts';

export const NOTICE_KINDS = [
  'assigned',
  'dueSoon',
  'overdue',
  'windowOpen',
  'expiresSoon',
  'expired',
  'expiredToManager',
  'certified',
  'renewed',
] as const;
export type CertificationNoticeKind = (typeof NOTICE_KINDS)[number];

/** Something to tell the person (or their manager) about one certification. */
export interface CertificationNotice {
  kind: CertificationNoticeKind;
  to: 'person' | 'manager';
  /** The cycle it belongs to: 0 before the first certificate; the new cycle for certified and renewed. */
  cycle: number;
  /** The lead time, for dueSoon and expiresSoon. */
  days?: number;
  /** The day it became due. */
  on: Day;
}
