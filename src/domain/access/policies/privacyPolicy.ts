import { isHrAdmin, sameTenant, type Actor } from '../actor.ts';

/**
 * A person's data as a whole (GDPR art. 15 and 17): everything Drypp holds about them, across every
 * table. Only HR admins of the same tenant export or erase it; nobody does so for another tenant,
 * and a manager or the person themselves do not (a person's own request goes through HR, who check
 * who is asking before they act).
 */
export type PrivacyAction = 'export' | 'erase';

export interface PersonalDataResource {
  type: 'personalData';
  tenantId: string;
}

export function privacyActions(actor: Actor, r: PersonalDataResource): PrivacyAction[] {
  if (!sameTenant(actor, r.tenantId) || !isHrAdmin(actor)) return [];
  return ['export', 'erase'];
}
