import { demoHrAdminId, demoPeople } from '../demoOrganisation.ts';
import type { HostPerson } from './server.ts';

/**
 * The host page's person picker: everyone of the demo organisation, labelled with the role the tab
 * will find (the server decides; this label only helps pick). The HR admin is the person the tenant
 * simulator assigns the Drypp.Admin app role to.
 */
export function hostPeople(): HostPerson[] {
  const managers = new Set(demoPeople.map((p) => p.managerId).filter(Boolean));
  return demoPeople.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    userPrincipalName: p.userPrincipalName,
    role: p.id === demoHrAdminId ? 'hrAdmin' : managers.has(p.id) ? 'manager' : 'learner',
  }));
}
