import { isHrAdmin, isSelf, manages, sameTenant, type Actor } from '../actor.ts';

/**
 * Who may see a person's certificates: the person, their managers (direct or indirect) and HR.
 * Reminding the person to renew is My team's nudge (personPolicy's `nudge`), not a right of its own.
 */
export type CertificateAction = 'viewCertificates';

export interface CertificateResource {
  type: 'certificate';
  tenantId: string;
  holderId: string;
}

export function certificateActions(actor: Actor, resource: CertificateResource): CertificateAction[] {
  if (!sameTenant(actor, resource.tenantId)) return [];
  const sees = isSelf(actor, resource.holderId) || manages(actor, resource.holderId) || isHrAdmin(actor);
  return sees ? ['viewCertificates'] : [];
}

/** The whole organisation's certificates (the Admin tab, its chart and CSV export): HR only. */
export function canSeeOrganisationCertificates(actor: Actor, tenantId: string): boolean {
  return sameTenant(actor, tenantId) && isHrAdmin(actor);
}
