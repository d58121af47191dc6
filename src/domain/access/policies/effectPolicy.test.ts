import { describe, expect, it } from 'vitest';
import { allowedActions, can } from '../index.ts';

const figures = { type: 'effectFigures', tenantId: 'T1' } as const;
const actor = (roles: Array<'learner' | 'manager' | 'hrAdmin'>, tenantId = 't1') => ({
  tenantId,
  userId: 'u1',
  roles,
  managedIds: ['u2'],
});

describe('who sees the effect figures', () => {
  it('HR admins of the same tenant (ids compare without case), to view, export and refresh', () => {
    expect(allowedActions(actor(['learner', 'hrAdmin']), figures)).toEqual(['view', 'export', 'refresh']);
  });

  it('not a manager, a learner, or HR of another tenant', () => {
    expect(allowedActions(actor(['learner', 'manager']), figures)).toEqual([]);
    expect(can(actor(['learner']), 'view', figures)).toBe(false);
    expect(allowedActions(actor(['learner', 'hrAdmin'], 't2'), figures)).toEqual([]);
  });
});
