import type { Day } from '../../domain/certificates/calendarDays.ts';
import type { Certification } from '../../domain/certificates/certification.ts';
import type { CertificationRecord } from '../../domain/certificates/certificationRecord.ts';
import type { CodeEntry } from '../../domain/certificates/verification.ts';
import type { Stored } from '../platform/ports.ts';

/** Ports for certifications: people's records, and the schedule the daily sweep reads. */

/** One row of the schedule: this record has something to look at on `on` (or has since). */
export interface ScheduledCheck {
  tenantId: string;
  on: Day;
  userId: string;
  certificationId: string;
}

export interface CertificationStore {
  get(
    tenantId: string,
    userId: string,
    certificationId: string,
  ): Promise<Stored<CertificationRecord> | undefined>;
  /** Every certification of one person: one partition. */
  listForPerson(tenantId: string, userId: string): Promise<Array<Stored<CertificationRecord>>>;
  /** Insert-only: the first assignment wins, so assigning twice changes nothing. */
  create(record: CertificationRecord): Promise<'created' | 'exists'>;
  /** Writes the record if nobody changed it since it was read (its etag); 'conflict' otherwise. */
  update(record: Stored<CertificationRecord>): Promise<'updated' | 'conflict'>;
  /**
   * The schedule, by day: checks due on or before `through`, oldest first, a page at a time. Its
   * cost follows the number due, not the number of people (the rows are keyed by day).
   */
  listDue(
    tenantId: string,
    through: Day,
    page: { limit: number; continuation?: string },
  ): Promise<{ checks: ScheduledCheck[]; continuation?: string }>;
  /** Adds a check (idempotent: the same check twice is one row). */
  schedule(check: ScheduledCheck): Promise<void>;
  /** Removes a check that was handled (one already gone is fine). */
  unschedule(check: ScheduledCheck): Promise<void>;
  /** Records where a certificate's verification code points (insert-only: a code is never reused). */
  saveCode(entry: CodeEntry): Promise<void>;
  /** The certificate a code belongs to, for `GET /verify/<code>`; undefined for a code never issued. */
  findCode(code: string): Promise<CodeEntry | undefined>;
  /** The schedule's checks of one certification (after its rules changed), a page at a time. */
  listChecksOf(
    tenantId: string,
    certificationId: string,
    page: { limit: number; continuation?: string },
  ): Promise<{ checks: ScheduledCheck[]; continuation?: string }>;
  /** Every record of a tenant, a page at a time (reports, the CLI, the Admin tab). */
  listForTenant(
    tenantId: string,
    page: { limit: number; continuation?: string },
  ): Promise<{ records: CertificationRecord[]; continuation?: string }>;
}

/**
 * What the daily upkeep of a tenant's certifications remembers: under which version of each
 * certification's rules its schedule was worked out, and the last day missed completions were
 * looked for. Nothing about people.
 */
export interface CertificationUpkeepStore {
  rulesVersion(tenantId: string, certificationId: string): Promise<number | undefined>;
  setRulesVersion(tenantId: string, certificationId: string, version: number): Promise<void>;
  completionsCheckedOn(tenantId: string): Promise<Day | undefined>;
  setCompletionsCheckedOn(tenantId: string, day: Day): Promise<void>;
}

/** The certifications in content/ (loaded and validated at start). */
export interface CertificationCatalog {
  all(): readonly Certification[];
  find(certificationId: string): Certification | undefined;
  /** The certifications a program certifies or renews. */
  certifiedBy(programId: string): readonly Certification[];
}

export function certificationCatalogOf(certifications: readonly Certification[]): CertificationCatalog {
  const byId = new Map(certifications.map((c) => [c.id, c]));
  return {
    all: () => certifications,
    find: (id) => byId.get(id),
    certifiedBy: (programId) =>
      certifications.filter((c) => c.program === programId || c.refresherProgram === programId),
  };
}
