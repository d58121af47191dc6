import { beforeEach, describe, expect, it } from 'vitest';
import { testProgram } from '../../learning/testing/fakes.ts';
import { nudgePerson, recognizePerson, type TeamCardPresenter } from './teamActions.ts';
import { teamCardKinds } from './teamCardKinds.ts';
import { fakeManagersDeps, seedTeam, team, type FakeManagersDeps } from '../testing/fakes.ts';

const cards: TeamCardPresenter = {
  nudgeCard: (v) => ({ nudgeFrom: v.managerName }),
  recognitionCard: (v) => ({ thanks: v.text, for: v.subjectTitle }),
  recognitionSuggestions: () => ['Well done!'],
};
const as = (userId: string) => ({ tenantId: team.tenantId, userId });
let deps: FakeManagersDeps;

beforeEach(async () => {
  deps = fakeManagersDeps([testProgram()]);
  for (const kind of teamCardKinds(deps, cards)) deps.outbound.register(kind);
  await seedTeam(deps);
});
/** What the pipeline's worker sends of what was enqueued. */
const delivered = async () => {
  await deps.outbound.drain();
  return deps.sender.sent.map((s) => s.card);
};

describe('nudgePerson', () => {
  it('sends one nudge per person per week, whoever of their managers sends it', async () => {
    const first = await nudgePerson(deps, as(team.manager), team.learner, 'Europe/Oslo');
    expect(first).toMatchObject({ kind: 'sent', nextAllowedAt: new Date('2025-12-07T23:00:00Z') });
    const second = await nudgePerson(deps, as(team.director), team.learner, 'Europe/Oslo');
    expect(second).toMatchObject({ kind: 'alreadyNudgedThisWeek', week: '2025-W49' });
    expect(await delivered()).toEqual([{ nudgeFrom: 'Mona Manager' }]);
    expect(deps.outbound.enqueued[0]).toMatchObject({ kind: 'nudge', lane: 'interactive' });
    deps.clock.advance(7 * 86_400_000);
    expect((await nudgePerson(deps, as(team.director), team.learner, 'Europe/Oslo')).kind).toBe('sent');
  });

  it('is for the person’s managers only', async () => {
    expect((await nudgePerson(deps, as(team.colleague), team.learner, 'Europe/Oslo')).kind).toBe(
      'notAllowed',
    );
    expect((await nudgePerson(deps, as(team.learner), team.learner, 'Europe/Oslo')).kind).toBe('notAllowed');
    expect(await delivered()).toEqual([]);
  });

  it('may nudge again the same week when the nudge could not be delivered', async () => {
    deps.sender.answerNext({ ok: false, retryable: false, reason: 'botBlocked' });
    expect((await nudgePerson(deps, as(team.manager), team.learner, 'Europe/Oslo')).kind).toBe('sent');
    expect(await delivered()).toEqual([]);
    expect((await nudgePerson(deps, as(team.manager), team.learner, 'Europe/Oslo')).kind).toBe('sent');
    expect(await delivered()).toEqual([{ nudgeFrom: 'Mona Manager' }]);
  });
});

describe('recognizePerson', () => {
  it('needs something completed, then thanks for the latest thing, once', async () => {
    const thank = () =>
      recognizePerson(deps, cards, as(team.manager), { personId: team.learner, text: 'Great work' });
    expect(await thank()).toEqual({ kind: 'invalid', problem: 'notCompleted' });
    await deps.steps.create({
      tenantId: team.tenantId,
      userId: team.learner,
      programId: 'basics',
      stepId: 'welcome',
      programVersion: 1,
      dueAt: '2025-12-01T08:00:00.000Z',
      status: 'done',
      doneAt: '2025-12-01T08:05:00.000Z',
      remindersSent: 0,
      attempts: 0,
    });
    expect((await thank()).kind).toBe('sent');
    expect((await thank()).kind).toBe('alreadySent');
    expect(await delivered()).toEqual([{ thanks: 'Great work', for: 'Welcome' }]);
  });

  it('refuses an empty or over-long line, and anyone but their managers', async () => {
    const say = (userId: string, text: string) =>
      recognizePerson(deps, cards, as(userId), {
        personId: team.learner,
        subject: { programId: 'basics' },
        text,
      });
    expect((await say(team.colleague, 'Hi')).kind).toBe('notAllowed');
    await deps.enrollments.create({
      tenantId: team.tenantId,
      userId: team.learner,
      programId: 'basics',
      programVersion: 1,
      status: 'completed',
      enrolledAt: '2025-11-01T08:00:00.000Z',
      completedAt: '2025-11-20T08:00:00.000Z',
      completedSteps: 3,
      totalSteps: 3,
    });
    expect(await say(team.manager, '   ')).toEqual({ kind: 'invalid', problem: 'empty' });
    expect(await say(team.manager, 'x'.repeat(281))).toEqual({ kind: 'invalid', problem: 'tooLong' });
    expect(await delivered()).toEqual([]);
  });
});
