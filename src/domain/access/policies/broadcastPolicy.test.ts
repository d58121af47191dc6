import { describe, expect, it } from 'vitest';
import { allowedActions, can, type BroadcastResource, type GuidelineRecipientResource } from '../index.ts';
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

const broadcast = (over: Partial<BroadcastResource> = {}): BroadcastResource => ({
  type: 'broadcast',
  tenantId: tenant,
  status: 'sent',
  requiresAcknowledgement: true,
  ...over,
});
const copy = (over: Partial<GuidelineRecipientResource> = {}): GuidelineRecipientResource => ({
  type: 'guidelineRecipient',
  tenantId: tenant,
  recipientId: 'learner',
  requiresAcknowledgement: true,
  recalled: false,
  acknowledged: false,
  ...over,
});

describe('broadcast policy', () => {
  it('gives nothing across tenants, and nothing to anyone but HR', () => {
    expect(allowedActions(hrElsewhere, broadcast())).toEqual([]);
    for (const actor of [learner, manager, colleague]) expect(allowedActions(actor, broadcast())).toEqual([]);
  });

  it('lets HR act as the state allows', () => {
    expect(allowedActions(hr, broadcast({ status: 'draft' }))).toEqual(['view', 'send', 'setReminders']);
    expect(allowedActions(hr, broadcast({ status: 'scheduled' }))).toEqual([
      'view',
      'send',
      'recall',
      'export',
      'viewRates',
      'setReminders',
    ]);
    expect(allowedActions(hr, broadcast())).toEqual([
      'view',
      'correct',
      'recall',
      'export',
      'viewRates',
      'setReminders',
    ]);
    expect(allowedActions(hr, broadcast({ status: 'recalled' }))).toEqual(['view', 'export', 'viewRates']);
    expect(can(hr, 'setReminders', broadcast({ requiresAcknowledgement: false }))).toBe(false);
  });
});

describe("a person's copy of a guideline", () => {
  it('gives nothing across tenants', () => {
    expect(allowedActions(learnerElsewhere, copy())).toEqual([]);
  });

  it('is acknowledged by the person it was sent to only', () => {
    expect(can(learner, 'acknowledge', copy())).toBe(true);
    for (const actor of [colleague, manager, hr]) expect(can(actor, 'acknowledge', copy())).toBe(false);
    expect(can(learner, 'acknowledge', copy({ recalled: true }))).toBe(false);
    expect(can(learner, 'acknowledge', copy({ requiresAcknowledgement: false }))).toBe(false);
  });

  it('may be nudged by their own managers while not acknowledged', () => {
    expect(can(manager, 'nudgeAcknowledgement', copy())).toBe(true);
    expect(can(manager, 'nudgeAcknowledgement', copy({ acknowledged: true }))).toBe(false);
    expect(allowedActions(otherManager, copy())).toEqual([]);
    expect(can(hr, 'nudgeAcknowledgement', copy())).toBe(false);
  });
});
