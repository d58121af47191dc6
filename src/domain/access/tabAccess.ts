// Who may see and do what in the tab. Rules read like sentences and start with "same tenant"; the
// allowed actions go out with every answer, so the tab never guesses. Pure.

export type TabRole = 'learner' | 'manager' | 'hrAdmin';

/** The Entra app role that makes someone an HR admin of Drypp (aad.manifest.json). */
export const HR_ADMIN_APP_ROLE = 'Drypp.Admin';

export interface TabViewer {
  tenantId: string;
  userId: string;
  roles: readonly TabRole[];
}

/** Everyone is a learner; a manager has at least one report; an HR admin holds the app role. */
export function tabRolesOf(input: { appRoles: readonly string[]; hasReports: boolean }): TabRole[] {
  const roles: TabRole[] = ['learner'];
  if (input.hasReports) roles.push('manager');
  if (input.appRoles.includes(HR_ADMIN_APP_ROLE)) roles.push('hrAdmin');
  return roles;
}

/** A person as a policy sees them: their tenant, and whether they are in the viewer's reporting tree. */
export interface PersonInView {
  tenantId: string;
  id: string;
  /** Direct or indirect report of the viewer (from the directory's manager ids). */
  reportsToViewer: boolean;
}

const sameTenant = (viewer: TabViewer, tenantId: string) => viewer.tenantId === tenantId;
const managerOf = (viewer: TabViewer, person: PersonInView) =>
  sameTenant(viewer, person.tenantId) && person.reportsToViewer && person.id !== viewer.userId;

export const tabRules = {
  viewMyLearning: (_viewer: TabViewer) => true,
  requestLearningTime: (_viewer: TabViewer) => true,
  /** Only managers have a team to look at. */
  viewMyTeam: (viewer: TabViewer) => viewer.roles.includes('manager'),
  viewAdmin: (viewer: TabViewer) => viewer.roles.includes('hrAdmin'),
};

/**
 * A manager sees, nudges and thanks their own people (any level below them) and no one else; an HR
 * admin is no exception here: the admin views show figures, not one person's learning.
 */
export const personRules = {
  viewPerson: managerOf,
  nudge: managerOf,
  recognize: managerOf,
};

export type CallerAction = keyof typeof tabRules;
export type PersonAction = keyof typeof personRules;

export function callerActions(viewer: TabViewer): CallerAction[] {
  return (Object.keys(tabRules) as CallerAction[]).filter((a) => tabRules[a](viewer));
}

export function personActions(viewer: TabViewer, person: PersonInView): PersonAction[] {
  return (Object.keys(personRules) as PersonAction[]).filter((a) => personRules[a](viewer, person));
}
