import { dayIn } from '../../domain/certificates/calendarDays.ts';
import {
  certificateStanding,
  expiresWithinDays,
  type CertificateStanding,
} from '../../domain/certificates/certificateStanding.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';

export type CertificateStatusRow = CertificateStanding;

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
  const within = query.expiringWithinDays;
  return records.flatMap((record) => {
    const certification = deps.certificationCatalog.find(record.certificationId);
    if (!certification) return [];
    const standing = certificateStanding(record, certification, today);
    return within === undefined || expiresWithinDays(standing, within) ? [standing] : [];
  });
}
