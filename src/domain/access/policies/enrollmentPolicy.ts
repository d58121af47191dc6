import type { EnrollmentStatus } from '../../learning/enrollment.ts';
import { isHrAdmin, isSelf, manages, sameTenant, type Actor } from '../actor.ts';

/** What can be done with one person's enrollment in a program. */
export type EnrollmentAction = 'view' | 'askForNextStep' | 'withdraw';

export interface EnrollmentResource {
  type: 'enrollment';
  tenantId: string;
  userId: string;
  status: EnrollmentStatus;
  selfPaced: boolean;
}

export function enrollmentActions(actor: Actor, enrollment: EnrollmentResource): EnrollmentAction[] {
  if (!sameTenant(actor, enrollment.tenantId)) return [];
  const active = enrollment.status === 'active';
  const actions: EnrollmentAction[] = [];
  if (isSelf(actor, enrollment.userId)) {
    actions.push('view');
    if (active && enrollment.selfPaced) actions.push('askForNextStep');
  }
  if (manages(actor, enrollment.userId)) actions.push('view');
  if (isHrAdmin(actor)) {
    actions.push('view');
    if (active) actions.push('withdraw');
  }
  return [...new Set(actions)];
}
