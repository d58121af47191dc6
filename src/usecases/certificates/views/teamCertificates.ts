import { can, type Actor } from '../../../domain/access/index.ts';
import { dayIn, type Day } from '../../../domain/certificates/calendarDays.ts';
import {
  certificateStanding,
  countStandings,
  type CertificateStanding,
  type StandingCounts,
} from '../../../domain/certificates/certificateStanding.ts';
import type { TeamMember } from '../../../domain/managers/reportingTree.ts';
import { mapLimit } from '../../platform/mapLimit.ts';
import { reportingTreeOf } from '../../managers/team/reportingTree.ts';
import type { ManagerIndex } from '../../managers/teamPorts.ts';
import type { CertificatesDeps } from '../certificatesDeps.ts';

/** Partition queries in flight (one per person: their certification records). */
const READS_IN_FLIGHT = 16;

export interface TeamPersonCertificates {
  person: TeamMember;
  certificates: CertificateStanding[];
  /** My team's nudge (at most one per person per week), decided by the access policies. */
  canNudge: boolean;
}

export type TeamCertificatesOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'shown'; today: Day; people: TeamPersonCertificates[]; counts: StandingCounts };

export type TeamCertificatesDeps = Pick<
  CertificatesDeps,
  'certifications' | 'certificationCatalog' | 'clock' | 'policy'
> & { managerIndex: Pick<ManagerIndex, 'reportsOf'> };

/**
 * My team's certificates: each of the manager's people (direct and indirect) who holds or must
 * hold a certification, with where each stands today. A query of its own beside My team's read
 * model: one partition per person (their records), nothing of anyone outside the tree. Someone
 * with no reports is not allowed (the same answer whoever asks).
 */
export async function showTeamCertificates(
  deps: TeamCertificatesDeps,
  caller: { tenantId: string; userId: string },
): Promise<TeamCertificatesOutcome> {
  const tree = await reportingTreeOf(deps, caller.tenantId, caller.userId);
  if (tree.length === 0) return { kind: 'notAllowed' };
  const actor: Actor = {
    ...caller,
    roles: ['learner', 'manager'],
    managedIds: new Set(tree.map((m) => m.id)),
  };
  const today = dayIn(deps.clock.now(), deps.policy.timeZone);
  const visible = tree.filter((m) =>
    can(actor, 'viewCertificates', { type: 'certificate', tenantId: caller.tenantId, holderId: m.id }),
  );
  const people = await mapLimit(visible, READS_IN_FLIGHT, async (person) => {
    const records = await deps.certifications.listForPerson(caller.tenantId, person.id);
    const certificates = records.flatMap((record) => {
      const certification = deps.certificationCatalog.find(record.certificationId);
      return certification ? [certificateStanding(record, certification, today)] : [];
    });
    const canNudge = can(actor, 'nudge', { type: 'person', tenantId: caller.tenantId, userId: person.id });
    return { person, certificates: certificates.sort(bySoonest), canNudge };
  });
  const holding = people.filter((p) => p.certificates.length > 0);
  return {
    kind: 'shown',
    today,
    people: holding,
    counts: countStandings(holding.flatMap((p) => p.certificates)),
  };
}

/** What needs attention first: expired and overdue, then the soonest to run out. */
export function bySoonest(a: CertificateStanding, b: CertificateStanding): number {
  return urgency(a) - urgency(b) || (a.validUntil ?? a.dueOn).localeCompare(b.validUntil ?? b.dueOn);
}

function urgency(s: CertificateStanding): number {
  switch (s.status) {
    case 'expired':
      return 0;
    case 'overdue':
      return 1;
    case 'renewalOpen':
      return 2;
    case 'assigned':
      return 3;
    case 'certified':
      return 4;
  }
}
