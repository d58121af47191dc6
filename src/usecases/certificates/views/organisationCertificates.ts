import { canSeeOrganisationCertificates, type Actor } from '../../../domain/access/index.ts';
import { dayIn, type Day } from '../../../domain/certificates/calendarDays.ts';
import {
  certificateStanding,
  countStandings,
  expiresWithinDays,
  expiriesByMonth,
  type CertificateStanding,
  type StandingCounts,
} from '../../../domain/certificates/certificateStanding.ts';
import type { CertificatesDeps } from '../certificatesDeps.ts';
import { bySoonest } from './teamCertificates.ts';

export interface OrganisationFilter {
  certificationId?: string;
  /** Only valid certificates that run out within this many days. */
  expiringWithinDays?: number;
}

export type OrganisationCertificatesOutcome =
  | { kind: 'notAllowed' }
  | {
      kind: 'shown';
      today: Day;
      /** Every standing that passes the filter, most urgent first. */
      standings: CertificateStanding[];
      /** Of the filtered standings. */
      counts: StandingCounts;
      /** Valid certificates by month of expiry, the next 12 months (of the certification filter only). */
      expiriesByMonth: Array<{ month: string; count: number }>;
    };

/** Records read a page at a time (Table Storage answers at most 1,000 rows a page). */
const PAGE = 1000;

/**
 * The whole organisation's certificates for HR: where each stands today, filtered by certification
 * and by how soon it runs out, with the expiries by month for the chart. HR admins only; it reads
 * every record of the tenant (the Certifications table, a page at a time).
 */
export async function showOrganisationCertificates(
  deps: Pick<CertificatesDeps, 'certifications' | 'certificationCatalog' | 'clock' | 'policy'>,
  actor: Actor,
  filter: OrganisationFilter = {},
): Promise<OrganisationCertificatesOutcome> {
  if (!canSeeOrganisationCertificates(actor, actor.tenantId)) return { kind: 'notAllowed' };
  const today = dayIn(deps.clock.now(), deps.policy.timeZone);
  const ofCertification: CertificateStanding[] = [];
  let continuation: string | undefined;
  do {
    const page = await deps.certifications.listForTenant(actor.tenantId, { limit: PAGE, continuation });
    for (const record of page.records) {
      if (filter.certificationId !== undefined && record.certificationId !== filter.certificationId) continue;
      const certification = deps.certificationCatalog.find(record.certificationId);
      if (certification) ofCertification.push(certificateStanding(record, certification, today));
    }
    continuation = page.continuation;
  } while (continuation !== undefined);
  const within = filter.expiringWithinDays;
  const standings = (
    within === undefined ? ofCertification : ofCertification.filter((s) => expiresWithinDays(s, within))
  ).sort(bySoonest);
  return {
    kind: 'shown',
    today,
    standings,
    counts: countStandings(standings),
    expiriesByMonth: expiriesByMonth(ofCertification, today),
  };
}
