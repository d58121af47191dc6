import { dayIn, type Day } from '../../../domain/certificates/calendarDays.ts';
import { statusOn } from '../../../domain/certificates/certificationLife.ts';
import { currentCycle } from '../../../domain/certificates/certificationRecord.ts';
import type { CertificatesDeps } from '../certificatesDeps.ts';
import type { CertificationUpkeepStore } from '../ports.ts';
import { recordProgramCompletion } from '../recordProgramCompletion.ts';

export interface RecoveryReport {
  day: Day;
  /** False when today's look was done already. */
  looked: boolean;
  /** Records waiting for a completion whose certifying program's enrollment was read. */
  waiting: number;
  /** Completions found in the learning records that the certification had not heard of: now certified. */
  recovered: number;
}

/**
 * Once a day per tenant: a completion the certification never heard of (the process died between
 * saving the last answer and telling the certification) still certifies. Every record waiting for
 * a completion (assigned, overdue, renewal window open, expired) is compared with the enrollment of
 * the program that would certify it; one completed after the record's last certificate is recorded
 * now, on the day it was done (so a late one is late, and an on-time one is on time). Overdue and
 * expired records have no check in the schedule (nothing happens to them by the passing of days),
 * so the daily sweep alone would never look at them again.
 */
export async function recoverMissedCompletions(
  deps: CertificatesDeps,
  upkeep: CertificationUpkeepStore,
  tenantId: string,
): Promise<RecoveryReport> {
  const day = dayIn(deps.clock.now(), deps.policy.timeZone);
  const report: RecoveryReport = { day, looked: false, waiting: 0, recovered: 0 };
  if ((await upkeep.completionsCheckedOn(tenantId)) === day) return report;
  report.looked = true;
  let continuation: string | undefined;
  do {
    const page = await deps.certifications.listForTenant(tenantId, { limit: 1000, continuation });
    for (const record of page.records) {
      const certification = deps.certificationCatalog.find(record.certificationId);
      if (!certification) continue;
      const status = statusOn(record, certification, day);
      if (status === 'certified') continue;
      report.waiting++;
      const programs = [certification.program];
      if (status === 'renewalOpen' && certification.refresherProgram)
        programs.push(certification.refresherProgram);
      const last = currentCycle(record);
      for (const programId of programs) {
        const enrollment = await deps.enrollments.get(tenantId, record.userId, programId);
        if (enrollment?.status !== 'completed' || !enrollment.completedAt) continue;
        const at = new Date(enrollment.completedAt);
        // The completion that made the current certificate (or an earlier one) is no news.
        if (last && dayIn(at, deps.policy.timeZone) <= last.certifiedOn) continue;
        const results = await recordProgramCompletion(deps, {
          tenantId,
          userId: record.userId,
          programId,
          at,
        });
        if (results.some((r) => r.certificationId === certification.id && r.kind === 'certified')) {
          report.recovered++;
          break;
        }
      }
    }
    continuation = page.continuation;
  } while (continuation !== undefined);
  await upkeep.setCompletionsCheckedOn(tenantId, day);
  return report;
}
