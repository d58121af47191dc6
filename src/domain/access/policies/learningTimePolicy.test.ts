import { describe, expect, it } from 'vitest';
import { allowedActions, can, type LearningTimeRequestResource } from '../index.ts';
import { colleague, hr, learner, manager, managerElsewhere, otherManager, tenant } from '../testActors.ts';

const request = (over: Partial<LearningTimeRequestResource> = {}): LearningTimeRequestResource => ({
  type: 'learningTimeRequest',
  tenantId: tenant,
  requesterId: 'learner',
  status: 'pending',
  ...over,
});

describe('learning-time request policy', () => {
  it('gives nothing across tenants', () => {
    expect(allowedActions(managerElsewhere, request())).toEqual([]);
  });

  it('lets the requester see and cancel a pending request, never decide it', () => {
    expect(allowedActions(learner, request())).toEqual(['view', 'cancel']);
    expect(allowedActions(learner, request({ status: 'approved' }))).toEqual(['view']);
  });

  it("lets the requester's manager decide a pending request, and nobody else", () => {
    expect(can(manager, 'decideRequest', request())).toBe(true);
    expect(can(manager, 'decideRequest', request({ status: 'denied' }))).toBe(false);
    expect(allowedActions(otherManager, request())).toEqual([]);
    expect(allowedActions(colleague, request())).toEqual([]);
    expect(allowedActions(hr, request())).toEqual(['view']);
    const selfManaged = { ...manager, managedIds: ['manager', 'learner'] };
    expect(can(selfManaged, 'decideRequest', request({ requesterId: 'manager' }))).toBe(false);
  });
});
