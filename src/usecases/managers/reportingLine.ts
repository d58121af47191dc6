import type { ReportingLine } from '../../domain/access/managerRules.ts';
import type { PeopleStore } from '../directory/ports.ts';

/** Deep enough for any real organisation; a loop in bad directory data stops here too. */
const MAX_LEVELS = 15;

/**
 * A person's managers from the directory mirror, nearest first: manager, their manager, and so on.
 * A loop (A manages B manages A) ends the walk rather than spinning.
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
