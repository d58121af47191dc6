/**
 * Reading a person's time zone from their mailbox (Graph `mailboxSettings.timeZone`). A new
 * account's mailbox appears minutes to hours after the account, so the read waits and is retried
 * until it exists; until then (and for people without a mailbox) the tenant's default zone applies.
 */
export type TimeZoneCheckStatus = 'waiting' | 'found' | 'gaveUp';

export interface TimeZoneCheck {
  tenantId: string;
  userId: string;
  status: TimeZoneCheckStatus;
  requestedAt: string;
  attempts: number;
  /** While waiting: when to read again. */
  nextAttemptAt?: string;
  /** What the mailbox said (a Windows name, usually) and the IANA zone Drypp delivers in. */
  mailboxTimeZone?: string;
  timeZone?: string;
  lastProblem?: string;
  etag?: string;
}
