import { HR_ADMIN_APP_ROLE } from '../../domain/access/tabAccess.ts';
import type { GroupMembership } from './ports.ts';

/** The configured HR admin group, and how to ask the directory about it when the token cannot say. */
export interface HrAdminGroupDeps {
  /** The Entra group (object id, lower-case) whose members are HR admins; none configured: undefined. */
  hrAdminGroupId?: string;
  /** Graph, where it is configured; without it only the token's `groups` claim can tell. */
  groupMembership?: GroupMembership;
}

/**
 * Whether the signed-in person is in the HR admin group. The token's `groups` claim answers when it
 * is there (Entra lists transitive memberships); a token without it (the app asks for no groups, or
 * the person is in too many and Entra sent an overage instead) is answered by Graph.
 */
export async function inHrAdminGroup(
  deps: HrAdminGroupDeps,
  caller: { tenantId: string; userId: string; groups?: readonly string[] },
): Promise<boolean> {
  const groupId = deps.hrAdminGroupId;
  if (!groupId) return false;
  if (caller.groups) return caller.groups.includes(groupId);
  if (!deps.groupMembership) return false;
  const found = await deps.groupMembership.memberGroups(caller.tenantId, caller.userId, [groupId]);
  return found.map((g) => g.toLowerCase()).includes(groupId);
}

/**
 * Whether the signed-in person is an HR admin: the `Drypp.Admin` app role, or membership of the
 * configured group. The role is looked at first, so Graph is asked only when the token cannot say.
 * Every surface that decides about HR admins (My team's roles, the Admin tab's routes) asks here.
 */
export async function isHrAdmin(
  deps: HrAdminGroupDeps,
  caller: { tenantId: string; userId: string; appRoles: readonly string[]; groups?: readonly string[] },
): Promise<boolean> {
  return caller.appRoles.includes(HR_ADMIN_APP_ROLE) || (await inHrAdminGroup(deps, caller));
}
