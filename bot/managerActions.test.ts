import { beforeEach, describe, expect, it } from 'vitest';
import { managerCardVerbs } from '../src/cards/platform/cardVerbs.ts';
import { managerInputIds } from '../src/cards/managers/managerActionSchemas.ts';
import { learnerActor, type Actor } from '../src/domain/access/index.ts';
import { createLogger } from '../src/log/logger.ts';
import { messagesFor } from '../src/messages/catalog.ts';
import { deliverDueCards } from '../src/usecases/delivery/deliverDueCards.ts';
import { enrollPerson } from '../src/usecases/learning/enrolling/enrollPerson.ts';
import { testProgram } from '../src/usecases/learning/testing/fakes.ts';
import {
  fakeManagersDeps,
  seedTeam,
  team,
  type FakeManagersDeps,
} from '../src/usecases/managers/testing/fakes.ts';
import type { ChatContext } from './chatContext.ts';
import { runManagerAction } from './managerActions.ts';

/**
 * The managers' verbs act as the turn's actor (resolved once per turn in chatContext.ts) and never
 * rebuild one from the activity's ids: a turn without an actor changes nothing.
 */
const program = testProgram({
  steps: [
    {
      id: 'week-two',
      kind: 'checkin',
      due: { offsetDays: 0 },
      minutes: 2,
      title: { en: 'Check-in', nb: 'Innsjekk' },
      question: { en: 'How is {name} doing?', nb: 'Hvordan går det med {name}?' },
      options: [
        { en: 'Well', nb: 'Bra' },
        { en: 'Needs help', nb: 'Trenger hjelp' },
      ],
    },
  ],
});
const answer = {
  learnerId: team.learner,
  programId: program.id,
  programVersion: program.version,
  stepId: 'week-two',
  [managerInputIds.checkinOption]: '0',
};

function chatAs(ids: { tenantId?: string; userId?: string }, actor: Actor | undefined): ChatContext {
  return {
    tenantId: ids.tenantId,
    userId: ids.userId,
    actor,
    conversationId: 'a:test',
    locale: 'en-GB',
    language: 'en',
    t: messagesFor('en'),
    correlationId: 'test',
    log: createLogger('silent'),
    reference: () => ({}),
    sendCard: async () => {},
  };
}

let deps: FakeManagersDeps;
beforeEach(async () => {
  deps = fakeManagersDeps([program]);
  await seedTeam(deps);
  const learner = await deps.people.get(team.tenantId, team.learner);
  await enrollPerson(deps, { person: learner!, programId: program.id });
  deps.dripCards.render = () => ({ card: true });
  await deliverDueCards(deps, team.tenantId, { holder: 'w' });
  await deps.outbound.drain();
});

describe('managers’ card actions', () => {
  it('act as the turn’s actor', async () => {
    const chat = chatAs({}, learnerActor(team.tenantId, team.manager));
    const result = await runManagerAction(deps, chat, managerCardVerbs.answerCheckin, answer);
    expect(result.kind).toBe('card');
    const saved = await deps.checkins.get(team.tenantId, team.learner, program.id, 'week-two');
    expect(saved?.managerId).toBe(team.manager);
  });

  it('change nothing when the turn has no actor, whatever ids the activity carried', async () => {
    const chat = chatAs({ tenantId: team.tenantId, userId: team.manager }, undefined);
    const result = await runManagerAction(deps, chat, managerCardVerbs.answerCheckin, answer);
    expect(result).toEqual({ kind: 'note', text: chat.t.cardAction.outdated });
    expect(await deps.checkins.get(team.tenantId, team.learner, program.id, 'week-two')).toBeUndefined();
  });
});
