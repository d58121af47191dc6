import type { TimeZoneCheck } from '../../domain/directory/timeZoneCheck.ts';
import type { Stored } from '../platform/ports.ts';

/** What Graph said about a person's mailbox time zone. */
export type MailboxTimeZone =
  | { kind: 'found'; timeZone: string }
  /** No mailbox (yet), or Graph asked to come back: read again later. */
  | { kind: 'notYet'; afterMs: number; reason: string }
  | { kind: 'failed'; reason: string };

/** Reads `GET /users/{id}/mailboxSettings` (application permission MailboxSettings.Read). */
export interface MailboxSettingsReader {
  timeZone(tenantId: string, userId: string): Promise<MailboxTimeZone>;
}

/** Where the People row keeps the person's zone (IANA); the directory fields stay as they are. */
export interface PersonTimeZones {
  setTimeZone(tenantId: string, userId: string, timeZone: string): Promise<void>;
}

export interface TimeZoneCheckStore {
  /** Insert-only: one check per person, the first request wins. */
  create(check: TimeZoneCheck): Promise<'created' | 'exists'>;
  get(tenantId: string, userId: string): Promise<Stored<TimeZoneCheck> | undefined>;
  update(check: Stored<TimeZoneCheck>): Promise<'updated' | 'conflict'>;
  /** Waiting checks whose next attempt is due. */
  listDue(tenantId: string, now: Date): Promise<Array<Stored<TimeZoneCheck>>>;
}
