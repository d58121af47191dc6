import type { Composed } from '../../src/compose.ts';
import { withSender } from '../../src/compose.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { deliverDueCards } from '../../src/usecases/delivery/deliverDueCards.ts';
import { renderDueCard } from '../../src/cards/delivery/presenters/dueCardPresenter.ts';
import { enrollPerson } from '../../src/usecases/learning/enrollPerson.ts';
import { rememberChat } from '../../test/support/learningFixtures.ts';
import { executeActions } from './answerPlan.ts';

/**
 * The invoke bench's learners, enrolled and reachable, with every card of their program delivered
 * by the scheduler's own use case (deliverDueCards, the stores and the delivery records as the
 * worker runs them), so each step is a card that was really sent and can be answered. Only the
 * chat is replaced: the sender keeps the cards, whose buttons carry the data the answers send.
 */
export async function enrollAndDeliver(
  composed: Composed,
  people: readonly Person[],
  programId: string,
  serviceUrl: string,
): Promise<Map<string, unknown>> {
  for (let i = 0; i < people.length; i += 20) {
    await Promise.all(
      people.slice(i, i + 20).map(async (person) => {
        await composed.deps.people.upsert(person);
        await rememberChat(composed, person, serviceUrl);
        const outcome = await enrollPerson(composed.deps, { person, programId });
        if (outcome.kind !== 'enrolled') throw new Error(`could not enroll ${person.id}: ${outcome.kind}`);
      }),
    );
  }

  const cards = new Map<string, unknown>();
  let sends = 0;
  const deps = withSender(composed.deps, {
    async sendCard(tenantId, userId, card) {
      const stepId = executeActions(card)[0]?.data.stepId;
      if (typeof stepId === 'string') cards.set(cardKey(tenantId, userId, stepId), card);
      return { ok: true, activityId: `bench-${++sends}` };
    },
  });
  const render = renderDueCard(composed.deps.catalog);
  const tenants = [...new Set(people.map((p) => p.tenantId))];
  // One scheduler round after another per tenant (as the worker's lease allows), tenants side by side.
  await Promise.all(
    tenants.map(async (tenantId) => {
      for (;;) {
        const report = await deliverDueCards(deps, render, tenantId, { holder: 'bench', limit: 200 });
        if (report.sent + report.failed + report.dropped === 0) break;
        if (report.failed > 0) throw new Error(`${report.failed} cards failed for tenant ${tenantId}`);
      }
    }),
  );
  return cards;
}

export function cardKey(tenantId: string, userId: string, stepId: string): string {
  return `${tenantId}|${userId}|${stepId}`;
}
