import type { Actor } from '../../domain/access/index.ts';
import { tabRolesOf } from '../../domain/access/tabAccess.ts';
import type { ManagerIndex } from './teamPorts.ts';

/** The signed-in person, as the SSO token names them. */
export interface SignedIn {
  tenantId: string;
  userId: string;
  appRoles: readonly string[];
}

/** The caller's roles: a manager when the directory names anyone as their report (one query). */
export async function whoIsCalling(deps: { managerIndex: ManagerIndex }, caller: SignedIn): Promise<Actor> {
  const reports = await deps.managerIndex.reportsOf(caller.tenantId, caller.userId);
  return {
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: tabRolesOf({ appRoles: caller.appRoles, hasReports: reports.some((r) => r.id !== caller.userId) }),
  };
}
