import type { Actor } from './actor.ts';

/** Actors for the policy tests: one tenant, a learner, their manager, HR, and a stranger in another tenant. */
export const tenant = '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30';
export const otherTenant = '11111111-2222-4333-8444-555555555555';
export const learner: Actor = { tenantId: tenant, userId: 'learner', roles: ['learner'] };
export const colleague: Actor = { tenantId: tenant, userId: 'colleague', roles: ['learner'] };
export const manager: Actor = {
  tenantId: tenant,
  userId: 'manager',
  roles: ['learner', 'manager'],
  managedIds: new Set(['learner']),
};
export const otherManager: Actor = {
  tenantId: tenant,
  userId: 'other-manager',
  roles: ['learner', 'manager'],
  managedIds: ['someone-else'],
};
export const hr: Actor = { tenantId: tenant, userId: 'hr', roles: ['learner', 'hrAdmin'] };
/** The same ids and roles, in another tenant: must get nothing anywhere. */
export const learnerElsewhere: Actor = { ...learner, tenantId: otherTenant };
export const hrElsewhere: Actor = { ...hr, tenantId: otherTenant };
export const managerElsewhere: Actor = { ...manager, tenantId: otherTenant };
