import { isHrAdmin, isSelf, manages, sameTenant, type Actor } from '../actor.ts';

/**
 * What can be done about a person. The names match the tab API's (src/http/tabs/contract.ts):
 * `viewPerson` opens the drill-down, `nudge` and `recognize` send a card; export and erasure are
 * the privacy rights, exercised by the person or by HR. A person asks for learning time for
 * themselves only; a check-in about a person is answered by one of their managers only.
 */
export type PersonAction =
  'viewPerson' | 'nudge' | 'recognize' | 'exportData' | 'erase' | 'requestLearningTime' | 'answerCheckin';

export interface PersonResource {
  type: 'person';
  tenantId: string;
  userId: string;
}

export function personActions(actor: Actor, person: PersonResource): PersonAction[] {
  if (!sameTenant(actor, person.tenantId)) return [];
  const actions: PersonAction[] = [];
  if (isSelf(actor, person.userId)) actions.push('viewPerson', 'exportData', 'requestLearningTime');
  if (manages(actor, person.userId)) actions.push('viewPerson', 'nudge', 'recognize', 'answerCheckin');
  if (isHrAdmin(actor)) actions.push('viewPerson', 'exportData', 'erase');
  return [...new Set(actions)];
}
