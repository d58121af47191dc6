import { beforeEach, describe, expect, it } from 'vitest';
import { testProgram } from '../../learning/testing/fakes.ts';
import { cancelLearningTime, decideLearningTime } from './decideLearningTime.ts';
import { requestLearningTime } from './requestLearningTime.ts';
import { fakeManagersDeps, seedTeam, team, type FakeManagersDeps } from '../testing/fakes.ts';

let deps: FakeManagersDeps;
const as = (userId: string) => ({ tenantId: team.tenantId, userId });
const ask = async (id = 'request-1') => {
  const outcome = await requestLearningTime(
    deps,
    as(team.learner),
    id,
    { date: '2025-12-05', minutes: '60', programId: 'other', text: 'first aid' },
    'Europe/Oslo',
  );
  if (outcome.kind !== 'requested') throw new Error(outcome.kind);
  return outcome.request;
};

beforeEach(async () => {
  deps = fakeManagersDeps([testProgram()]);
  await seedTeam(deps);
});

describe('requestLearningTime', () => {
  it('stores a pending request for the learner’s manager, flagged for follow-up', async () => {
    const request = await ask();
    expect(request).toMatchObject({
      status: 'pending',
      managerId: team.manager,
      minutes: 60,
      purpose: { kind: 'text', text: 'first aid' },
      followUp: true,
    });
  });

  it('keeps what was typed and names every problem; stores nothing', async () => {
    const outcome = await requestLearningTime(
      deps,
      as(team.learner),
      'request-x',
      { date: '2025-11-30', minutes: '5', programId: 'not-mine' },
      'Europe/Oslo',
    );
    expect(outcome).toEqual({
      kind: 'invalid',
      problems: { date: 'dateInPast', minutes: 'minutesOutOfRange', purpose: 'programNotYours' },
      input: { date: '2025-11-30', minutes: '5', programId: 'not-mine' },
    });
    expect(deps.learningTime.rows.all()).toEqual([]);
  });

  it('has nobody to ask when the directory names no manager', async () => {
    const outcome = await requestLearningTime(
      deps,
      as(team.director),
      'request-d',
      { date: '2025-12-05', minutes: '30', text: 'x' },
      'Europe/Oslo',
    );
    expect(outcome.kind).toBe('noManager');
  });
});

describe('decideLearningTime', () => {
  it('lets the direct and the indirect manager decide, and the first decision wins', async () => {
    await ask();
    const first = await decideLearningTime(deps, as(team.director), {
      requestId: 'request-1',
      verdict: 'deny',
      in: 'tab',
    });
    expect(first).toMatchObject({ kind: 'decided', request: { status: 'denied', decidedBy: team.director } });
    const second = await decideLearningTime(deps, as(team.manager), {
      requestId: 'request-1',
      verdict: 'approve',
      in: 'card',
    });
    expect(second).toMatchObject({ kind: 'alreadyDecided', request: { status: 'denied', decidedIn: 'tab' } });
  });

  it('decides on what is stored now when another decision lands between its read and its write', async () => {
    await ask();
    // The card's approval lands while the tab's denial is between reading and writing the row.
    deps.faults.before('learningTime.update', async () => {
      await decideLearningTime(deps, as(team.manager), {
        requestId: 'request-1',
        verdict: 'approve',
        in: 'card',
      });
    });
    const late = await decideLearningTime(deps, as(team.director), {
      requestId: 'request-1',
      verdict: 'deny',
      in: 'tab',
    });
    expect(late).toMatchObject({
      kind: 'alreadyDecided',
      request: { status: 'approved', decidedBy: team.manager },
    });
    expect(deps.learningTime.rows.get(`${team.tenantId}|request-1`)).toMatchObject({
      status: 'approved',
      booking: 'waiting',
    });
  });

  it('never lets the learner decide their own, nor a colleague or another tenant; nothing changes', async () => {
    await ask();
    const decide = (tenantId: string, userId: string) =>
      decideLearningTime(
        deps,
        { tenantId, userId },
        { requestId: 'request-1', verdict: 'approve', in: 'tab' },
      );
    expect((await decide(team.tenantId, team.learner)).kind).toBe('ownRequest');
    expect((await decide(team.tenantId, team.colleague)).kind).toBe('notAllowed');
    expect((await decide('tenant-b', team.manager)).kind).toBe('notAllowed');
    expect(deps.learningTime.rows.get(`${team.tenantId}|request-1`)?.status).toBe('pending');
  });

  it('refuses a comment over 500 characters without deciding', async () => {
    await ask();
    const outcome = await decideLearningTime(deps, as(team.manager), {
      requestId: 'request-1',
      verdict: 'approve',
      comment: 'x'.repeat(501),
      in: 'card',
    });
    expect(outcome.kind).toBe('commentTooLong');
    expect(deps.learningTime.rows.get(`${team.tenantId}|request-1`)?.status).toBe('pending');
  });
});

describe('cancelLearningTime', () => {
  it('lets only the learner take back a pending request', async () => {
    await ask();
    expect((await cancelLearningTime(deps, as(team.manager), 'request-1')).kind).toBe('notAllowed');
    expect((await cancelLearningTime(deps, as(team.learner), 'request-1')).kind).toBe('cancelled');
    expect((await cancelLearningTime(deps, as(team.learner), 'request-1')).kind).toBe('alreadyDecided');
  });
});
