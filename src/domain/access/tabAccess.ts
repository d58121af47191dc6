// What the tab itself offers the caller (its views), and how the caller's roles are found. The rules
// about people and requests are the shared policies (personPolicy, learningTimePolicy). Pure.
import type { Actor, Role } from './actor.ts';

/** The Entra app role that makes someone an HR admin of Drypp (aad.manifest.json). */
export const HR_ADMIN_APP_ROLE = 'Drypp.Admin';

/**
 * Everyone is a learner; a manager has at least one report; an HR admin holds the app role or is in
 * the configured HR admin group.
 */
export function tabRolesOf(input: {
  appRoles: readonly string[];
  hasReports: boolean;
  inHrAdminGroup?: boolean;
}): Role[] {
  const roles: Role[] = ['learner'];
  if (input.hasReports) roles.push('manager');
  if (input.appRoles.includes(HR_ADMIN_APP_ROLE) || input.inHrAdminGroup) roles.push('hrAdmin');
  return roles;
}

export const tabRules = {
  viewMyLearning: (_actor: Actor) => true,
  requestLearningTime: (_actor: Actor) => true,
  /** Only managers have a team to look at. */
  viewMyTeam: (actor: Actor) => actor.roles.includes('manager'),
  viewAdmin: (actor: Actor) => actor.roles.includes('hrAdmin'),
};

export type CallerAction = keyof typeof tabRules;

export function callerActions(actor: Actor): CallerAction[] {
  return (Object.keys(tabRules) as CallerAction[]).filter((a) => tabRules[a](actor));
}

/** The person actions My team offers (the privacy actions live in their own views). */
export const TEAM_PERSON_ACTIONS = ['viewPerson', 'nudge', 'recognize'] as const;
export type TeamPersonAction = (typeof TEAM_PERSON_ACTIONS)[number];
