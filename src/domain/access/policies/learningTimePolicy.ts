import { isHrAdmin, isSelf, manages, sameTenant, type Actor } from '../actor.ts';

/** What can be done with a request for time to learn (DESIGN: approved learning time). */
export type LearningTimeAction = 'view' | 'cancel' | 'decideRequest';

export interface LearningTimeRequestResource {
  type: 'learningTimeRequest';
  tenantId: string;
  requesterId: string;
  status: 'pending' | 'approved' | 'denied' | 'cancelled';
}

export function learningTimeActions(
  actor: Actor,
  request: LearningTimeRequestResource,
): LearningTimeAction[] {
  if (!sameTenant(actor, request.tenantId)) return [];
  const pending = request.status === 'pending';
  const actions: LearningTimeAction[] = [];
  if (isSelf(actor, request.requesterId)) {
    actions.push('view');
    if (pending) actions.push('cancel');
  }
  // The requester's manager decides; nobody decides on their own request (manages() excludes self).
  if (manages(actor, request.requesterId)) {
    actions.push('view');
    if (pending) actions.push('decideRequest');
  }
  if (isHrAdmin(actor)) actions.push('view');
  return [...new Set(actions)];
}
