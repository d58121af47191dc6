/**
 * Who is acting, resolved once per request at the edge (the bot from the activity's
 * from.aadObjectId and tenant, the tab API from the SSO token) and handed to every policy.
 */
export type Role = 'learner' | 'manager' | 'hrAdmin';

export interface Actor {
  tenantId: string;
  /** Entra object id. */
  userId: string;
  /** Everyone is a learner; manager and hrAdmin come from the directory and the app role. */
  roles: readonly Role[];
  /** The people this actor manages, directly or indirectly (managers only). */
  managedIds?: ReadonlySet<string> | readonly string[];
}

/** The first words of every rule: nothing crosses a tenant. Tenant ids compare without case. */
export function sameTenant(actor: Actor, tenantId: string): boolean {
  return actor.tenantId.toLowerCase() === tenantId.toLowerCase();
}

export function isSelf(actor: Actor, userId: string): boolean {
  return actor.userId === userId;
}

export function manages(actor: Actor, userId: string): boolean {
  if (!actor.roles.includes('manager') || !actor.managedIds || actor.userId === userId) return false;
  const ids = actor.managedIds;
  return ids instanceof Set ? ids.has(userId) : (ids as readonly string[]).includes(userId);
}

export function isHrAdmin(actor: Actor): boolean {
  return actor.roles.includes('hrAdmin');
}

/** Someone acting only as themselves, as in the chat: the bot knows no other role. */
export function learnerActor(tenantId: string, userId: string): Actor {
  return { tenantId, userId, roles: ['learner'] };
}
