import type { Clock } from '../../domain/platform/clock.ts';
import type { ErasureCounts } from '../../domain/privacy/personalData.ts';
import { monthsPassed, type PrivacyPolicies } from '../../domain/privacy/privacyPolicy.ts';
import type { PersonalDataStore, PseudonymStore, RetentionStore } from './ports.ts';

export interface RetentionDeps {
  clock: Clock;
  policies: PrivacyPolicies;
  retention: RetentionStore;
  /** Every table: a leaver past both periods goes entirely, their People row too. */
  everything: PersonalDataStore;
  /** Every table but People and the certificates' tables: a leaver's learning records only. */
  learningRecords: PersonalDataStore;
  pseudonyms: PseudonymStore;
}

/** What one run did, for the log and the operator: counts only, never a person. */
export interface RetentionReport {
  leavers: number;
  /** Leavers whose learning records were removed now (their certificates kept for their period). */
  learningRecordsRemoved: number;
  /** Leavers removed entirely now: past the certificates' period too. */
  removedEntirely: number;
  rows: { deleted: number; anonymised: number };
}

/**
 * The tenant's retention (content/privacy.yaml): the learning records of people who left are removed
 * `learningRecordsMonths` after they left, everything else (certificates, the People row that names
 * their holder) after `certificatesMonths`. Safe to run twice: what is gone is not found again, and
 * a leaver whose learning records are gone is marked so the tables are not searched for them daily.
 */
export async function applyRetention(deps: RetentionDeps, tenantId: string): Promise<RetentionReport> {
  const now = deps.clock.now();
  const { retention } = deps.policies(tenantId);
  const report: RetentionReport = {
    leavers: 0,
    learningRecordsRemoved: 0,
    removedEntirely: 0,
    rows: { deleted: 0, anonymised: 0 },
  };
  const add = (counts: Record<string, ErasureCounts>) => {
    for (const c of Object.values(counts)) {
      report.rows.deleted += c.deleted;
      report.rows.anonymised += c.anonymised;
    }
  };
  for (const leaver of await deps.retention.leavers(tenantId)) {
    report.leavers++;
    const person = { tenantId, personId: leaver.personId };
    if (!monthsPassed(leaver.removedAt, retention.learningRecordsMonths, now)) continue;
    if (monthsPassed(leaver.removedAt, retention.certificatesMonths, now)) {
      add(await deps.everything.erasePerson(person, { now, holds: {} }));
      await deps.pseudonyms.forget(person);
      report.removedEntirely++;
    } else if (!(await deps.retention.learningRecordsRemoved(person))) {
      add(await deps.learningRecords.erasePerson(person, { now, holds: {} }));
      await deps.pseudonyms.forget(person);
      await deps.retention.markLearningRecordsRemoved(person, now);
      report.learningRecordsRemoved++;
    }
  }
  return report;
}
