import { describe, expect, it } from 'vitest';
import type { DirectoryPerson } from './directoryPerson.ts';
import { isNewHire, NewHirePolicySchema, type NewHireContext } from './newHirePolicy.ts';

const now = new Date('2025-09-15T10:00:00Z');

function person(overrides: Partial<DirectoryPerson> = {}): DirectoryPerson {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    displayName: 'Maja Berg',
    userPrincipalName: 'maja.berg@kommune.example',
    mail: 'maja.berg@kommune.example',
    accountEnabled: true,
    userType: 'Member',
    createdDateTime: '2025-09-14T08:00:00Z',
    ...overrides,
  };
}

function decide(p: DirectoryPerson, context: Partial<NewHireContext> = {}) {
  return isNewHire(p, { firstSeen: true, now, ...context });
}

describe('isNewHire', () => {
  it('counts a recently created, enabled member seen for the first time', () => {
    expect(decide(person())).toEqual({ newHire: true, reason: 'createdRecently' });
  });

  it('does not count a person Drypp has met before', () => {
    expect(decide(person(), { firstSeen: false })).toEqual({ newHire: false, reason: 'notFirstSeen' });
  });

  it('does not count a disabled account', () => {
    expect(decide(person({ accountEnabled: false }))).toEqual({ newHire: false, reason: 'disabled' });
  });

  it('does not count a guest', () => {
    expect(decide(person({ userType: 'Guest' }))).toEqual({ newHire: false, reason: 'guest' });
  });

  it('does not count an account created before the window', () => {
    expect(decide(person({ createdDateTime: '2025-08-31T09:59:00Z' }))).toEqual({
      newHire: false,
      reason: 'tooOld',
    });
    expect(decide(person({ createdDateTime: '2025-09-01T10:00:00Z' }))).toMatchObject({ newHire: true });
  });

  it('treats an account with neither date as old', () => {
    expect(decide(person({ createdDateTime: undefined }))).toEqual({ newHire: false, reason: 'tooOld' });
  });

  it('counts a future hire date (pre-boarding) even for an account created weeks ago', () => {
    const p = person({ createdDateTime: '2025-07-01T08:00:00Z', employeeHireDate: '2025-10-01T00:00:00Z' });
    expect(decide(p)).toEqual({ newHire: true, reason: 'hireDate' });
  });

  it('counts a hire date from the start of the day N days ago, not before', () => {
    const old = '2025-07-01T08:00:00Z';
    expect(decide(person({ createdDateTime: old, employeeHireDate: '2025-09-01T00:00:00Z' }))).toEqual({
      newHire: true,
      reason: 'hireDate',
    });
    expect(decide(person({ createdDateTime: old, employeeHireDate: '2025-08-31T23:59:00Z' }))).toEqual({
      newHire: false,
      reason: 'tooOld',
    });
  });

  it('counts a frontline account without a mailbox', () => {
    expect(decide(person({ mail: undefined }))).toEqual({ newHire: true, reason: 'createdRecently' });
  });

  it('uses the configured windows', () => {
    const p = person({ createdDateTime: '2025-09-05T10:00:00Z' });
    expect(decide(p, { policy: { createdWithinDays: 7 } })).toMatchObject({ newHire: false });
    expect(decide(p, { policy: { createdWithinDays: 30 } })).toMatchObject({ newHire: true });
  });

  describe('during the initial sync', () => {
    it('only records people outside the windows', () => {
      const p = person({ createdDateTime: '2021-03-01T08:00:00Z', employeeHireDate: '2021-03-01T00:00:00Z' });
      expect(decide(p, { isInitialSync: true })).toEqual({ newHire: false, reason: 'tooOld' });
    });

    it('counts people whose hire date is in the window', () => {
      const p = person({ createdDateTime: '2025-08-01T08:00:00Z', employeeHireDate: '2025-09-22T00:00:00Z' });
      expect(decide(p, { isInitialSync: true })).toEqual({ newHire: true, reason: 'hireDate' });
    });

    it('counts recently created accounts without a hire date', () => {
      expect(decide(person(), { isInitialSync: true })).toEqual({ newHire: true, reason: 'createdRecently' });
    });

    it('lets an old hire date outweigh a recently created (migrated) account', () => {
      const migrated = person({ employeeHireDate: '2019-01-07T00:00:00Z' });
      expect(decide(migrated, { isInitialSync: true })).toEqual({ newHire: false, reason: 'tooOld' });
      // Outside the initial sync, an account created today is a new colleague.
      expect(decide(migrated)).toEqual({ newHire: true, reason: 'createdRecently' });
    });
  });
});

describe('NewHirePolicySchema', () => {
  it('defaults both windows to 14 days and rejects negative ones', () => {
    expect(NewHirePolicySchema.parse({})).toEqual({ createdWithinDays: 14, hireDateFromDaysAgo: 14 });
    expect(NewHirePolicySchema.safeParse({ createdWithinDays: -1 }).success).toBe(false);
  });
});
