import { describe, expect, it } from 'vitest';
import { allowedActions, canSeeOrganisationCertificates, type Actor } from '../index.ts';

const tenant = 't1';
const resource = { type: 'certificate' as const, tenantId: tenant, holderId: 'maja' };
const actor = (over: Partial<Actor>): Actor => ({
  tenantId: tenant,
  userId: 'x',
  roles: ['learner'],
  ...over,
});

describe('who sees a certificate', () => {
  it('the holder, their managers and HR; nobody else, and nobody from another tenant', () => {
    expect(allowedActions(actor({ userId: 'maja' }), resource)).toEqual(['viewCertificates']);
    expect(
      allowedActions(
        actor({ userId: 'boss', roles: ['learner', 'manager'], managedIds: ['maja'] }),
        resource,
      ),
    ).toEqual(['viewCertificates']);
    expect(allowedActions(actor({ roles: ['learner', 'hrAdmin'] }), resource)).toEqual(['viewCertificates']);
    expect(
      allowedActions(
        actor({ userId: 'other', roles: ['learner', 'manager'], managedIds: ['ola'] }),
        resource,
      ),
    ).toEqual([]);
    expect(allowedActions(actor({ tenantId: 't2', roles: ['learner', 'hrAdmin'] }), resource)).toEqual([]);
  });

  it('the whole organisation: HR of the same tenant only', () => {
    expect(canSeeOrganisationCertificates(actor({ roles: ['learner', 'hrAdmin'] }), tenant)).toBe(true);
    expect(canSeeOrganisationCertificates(actor({ roles: ['learner', 'hrAdmin'] }), 't2')).toBe(false);
    expect(canSeeOrganisationCertificates(actor({ roles: ['learner', 'manager'] }), tenant)).toBe(false);
  });
});
