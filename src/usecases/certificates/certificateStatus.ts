import { addDays, dayIn, type Day } from '../../domain/certificates/calendarDays.ts';
import { statusOn } from '../../domain/certificates/certificationLife.ts';
import { currentCycle, type CertificationStatus } from '../../domain/certificates/certificationRecord.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';

export interface CertificateStatusRow {
  userId: string;
  certificationId: string;
  /** As of today, from the dates (not a sweep behind). */
  status: CertificationStatus;
  dueOn: Day;
  validUntil?: Day;
  cycles: number;
}

/**
 * Every certification record of a tenant (or of one person) as it stands today; with
 * `expiringWithinDays`, only valid certificates that run out within that many days.
 */
export async function certificateStatus(
  deps: Pick<CertificatesDeps, 'certifications' | 'certificationCatalog' | 'clock' | 'policy'>,
  query: { tenantId: string; userId?: string; expiringWithinDays?: number },
): Promise<CertificateStatusRow[]> {
  const today = dayIn(deps.clock.now(), deps.policy.timeZone);
  const records = [];
  if (query.userId) records.push(...(await deps.certifications.listForPerson(query.tenantId, query.userId)));
  else {
    let continuation: string | undefined;
    do {
      const page = await deps.certifications.listForTenant(query.tenantId, { limit: 1000, continuation });
      records.push(...page.records);
      continuation = page.continuation;
    } while (continuation);
  }
  const until = query.expiringWithinDays === undefined ? undefined : addDays(today, query.expiringWithinDays);
  return records.flatMap((record) => {
    const certification = deps.certificationCatalog.find(record.certificationId);
    if (!certification) return [];
    const status = statusOn(record, certification, today);
    const validUntil = currentCycle(record)?.validUntil;
    if (until !== undefined) {
      const expiring =
        (status === 'certified' || status === 'renewalOpen') &&
        validUntil !== undefined &&
        validUntil <= until;
      if (!expiring) return [];
    }
    return [
      {
        userId: record.userId,
        certificationId: record.certificationId,
        status,
        dueOn: record.dueOn,
        validUntil,
        cycles: record.cycles.length,
      },
    ];
  });
}
