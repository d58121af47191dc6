import type { Actor, LearningTimeRequestResource, PersonResource } from '../../../domain/access/index.ts';
import type { LearningTimeRequest } from '../../../domain/managers/learningTimeRequest.ts';
import type { PeopleStore } from '../../directory/ports.ts';

/** Who is calling, as the bot (activity) or the tab API (SSO token) identified them. */
export interface Caller {
  tenantId: string;
  userId: string;
}

/** A person and the managers above them, nearest first (direct manager, theirs, …). */
export interface ReportingLine {
  tenantId: string;
  personId: string;
  managerIds: readonly string[];
}

/** Deep enough for any real organisation; a loop in bad directory data stops here too. */
const MAX_LEVELS = 15;

/**
 * A person's managers from the directory mirror, nearest first: manager, their manager, and so on.
 * A few point reads, not the caller's whole tree. A loop (A manages B manages A) ends the walk.
 */
export async function reportingLine(
  deps: { people: Pick<PeopleStore, 'get'> },
  tenantId: string,
  personId: string,
): Promise<ReportingLine> {
  const managerIds: string[] = [];
  let current = await deps.people.get(tenantId, personId);
  while (current?.managerId && managerIds.length < MAX_LEVELS) {
    if (current.managerId === personId || managerIds.includes(current.managerId)) break;
    managerIds.push(current.managerId);
    current = await deps.people.get(tenantId, current.managerId);
  }
  return { tenantId, personId, managerIds };
}

/**
 * The caller as the access policies see them for one person: a manager of that person when the
 * person's reporting line goes through them (any level), else a learner acting as themselves.
 */
export function actorFor(caller: Caller, line: ReportingLine): Actor {
  const managesThem = line.tenantId === caller.tenantId && line.managerIds.includes(caller.userId);
  return managesThem
    ? { ...caller, roles: ['learner', 'manager'], managedIds: [line.personId] }
    : { ...caller, roles: ['learner'] };
}

export function personResource(tenantId: string, userId: string): PersonResource {
  return { type: 'person', tenantId, userId };
}

export function requestResource(request: LearningTimeRequest): LearningTimeRequestResource {
  return {
    type: 'learningTimeRequest',
    tenantId: request.tenantId,
    requesterId: request.learnerId,
    status: request.status,
  };
}
