import type { Actor } from '../../domain/access/index.ts';
import { tabRolesOf } from '../../domain/access/tabAccess.ts';
import { isHrAdmin, type HrAdminGroupDeps } from '../access/hrAdminGroup.ts';
import type { ManagerIndex } from './teamPorts.ts';

/** The signed-in person, as the SSO token names them. */
export interface SignedIn {
  tenantId: string;
  userId: string;
  appRoles: readonly string[];
  /** The token's `groups` claim, when it carries one. */
  groups?: readonly string[];
}

/**
 * The caller's roles: a manager when the directory names anyone as their report (one query); an HR
 * admin by the app role, or by the configured group (the token's claim, else one Graph call).
 */
export async function whoIsCalling(
  deps: { managerIndex: ManagerIndex } & HrAdminGroupDeps,
  caller: SignedIn,
): Promise<Actor> {
  const [reports, hrAdmin] = await Promise.all([
    deps.managerIndex.reportsOf(caller.tenantId, caller.userId),
    isHrAdmin(deps, caller),
  ]);
  return {
    tenantId: caller.tenantId,
    userId: caller.userId,
    roles: tabRolesOf({
      appRoles: caller.appRoles,
      hasReports: reports.some((r) => r.id !== caller.userId),
      inHrAdminGroup: hrAdmin,
    }),
  };
}
