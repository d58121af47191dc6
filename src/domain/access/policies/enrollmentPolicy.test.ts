import { describe, expect, it } from 'vitest';
import { allowedActions, can, type EnrollmentResource } from '../index.ts';
import {
  colleague,
  hr,
  hrElsewhere,
  learner,
  learnerElsewhere,
  manager,
  otherManager,
  tenant,
} from '../testActors.ts';

const enrollment = (over: Partial<EnrollmentResource> = {}): EnrollmentResource => ({
  type: 'enrollment',
  tenantId: tenant,
  userId: 'learner',
  status: 'active',
  selfPaced: true,
  ...over,
});

describe('enrollment policy', () => {
  it('gives nothing across tenants', () => {
    expect(allowedActions(learnerElsewhere, enrollment())).toEqual([]);
    expect(allowedActions(hrElsewhere, enrollment())).toEqual([]);
  });

  it('lets the learner see it and, when self-paced and active, ask for the next step', () => {
    expect(allowedActions(learner, enrollment())).toEqual(['view', 'askForNextStep']);
    expect(allowedActions(learner, enrollment({ selfPaced: false }))).toEqual(['view']);
    expect(allowedActions(learner, enrollment({ status: 'completed' }))).toEqual(['view']);
  });

  it('lets their manager see it, and HR withdraw an active one', () => {
    expect(allowedActions(manager, enrollment())).toEqual(['view']);
    expect(allowedActions(otherManager, enrollment())).toEqual([]);
    expect(allowedActions(colleague, enrollment())).toEqual([]);
    expect(can(hr, 'withdraw', enrollment())).toBe(true);
    expect(can(hr, 'withdraw', enrollment({ status: 'withdrawn' }))).toBe(false);
    expect(can(learner, 'withdraw', enrollment())).toBe(false);
  });
});
