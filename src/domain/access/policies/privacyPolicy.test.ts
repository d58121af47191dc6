import { describe, expect, it } from 'vitest';
import { allowedActions, can } from '../index.ts';

const data = { type: 'personalData', tenantId: 'T1' } as const;
const actor = (roles: Array<'learner' | 'manager' | 'hrAdmin'>, tenantId = 't1') => ({
  tenantId,
  userId: 'u1',
  roles,
  managedIds: ['u2'],
});

describe('who exports or erases a person’s data', () => {
  it('HR admins of the same tenant (ids compare without case)', () => {
    expect(allowedActions(actor(['learner', 'hrAdmin']), data)).toEqual(['export', 'erase']);
  });

  it('not a manager, a learner, or HR of another tenant', () => {
    expect(allowedActions(actor(['learner', 'manager']), data)).toEqual([]);
    expect(can(actor(['learner']), 'export', data)).toBe(false);
    expect(can(actor(['learner', 'manager']), 'erase', data)).toBe(false);
    expect(allowedActions(actor(['learner', 'hrAdmin'], 't2'), data)).toEqual([]);
  });
});
