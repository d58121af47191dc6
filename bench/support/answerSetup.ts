import type { Composed } from '../../src/compose.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { deliverDueCards } from '../../src/usecases/delivery/deliverDueCards.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import type { TeamsConnector } from '../../src/usecases/delivery/outboundPorts.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { inProcessOutbound } from '../../test/support/inProcessOutbound.ts';
import { rememberChat } from '../../test/support/learningFixtures.ts';
import { executeActions } from './answerPlan.ts';

/**
 * The invoke bench's learners, enrolled and reachable, with every card of their program delivered
 * by the scheduler's own use case and the outbound pipeline (deliverDueCards, the drip kind, the
 * status rows as the worker runs them), so each step is a card that was really sent and can be
 * answered. Only Teams is replaced: it keeps the cards, whose buttons carry the data the answers send.
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
  // The production outbound consumer in this process; only Teams is replaced: it keeps the cards.
  const connector: TeamsConnector = {
    async send(chat, card) {
      const stepId = executeActions(card)[0]?.data.stepId;
      if (typeof stepId === 'string') cards.set(cardKey(chat.tenantId, chat.userId, stepId), card);
      return { ok: true, activityId: `bench-${++sends}` };
    },
    update: async () => ({ ok: true, activityId: '' }),
    delete: async () => ({ ok: true, activityId: '' }),
  };
  const worker = inProcessOutbound(composed, {
    connector,
    env: { DRYPP_TEAMS_LIMITS_LIFTED: 'true', DRYPP_OUTBOUND_CONCURRENCY: '64' },
  });
  const tenants = [...new Set(people.map((p) => p.tenantId))];
  const status = composed.storage.table(tableNames.outboundStatus);
  const unsettled = async () => {
    let n = 0;
    for await (const row of status.listEntities<{ status: string }>({ queryOptions: { select: ['status'] } }))
      if (row.status !== 'sent' && row.status !== 'failed' && row.status !== 'skipped') n++;
    return n;
  };
  // Scheduler rounds per tenant (as the worker's lease allows) and consumer rounds, until every card
  // due is sent.
  await worker.drainUntil(
    'every due card sent',
    async () => {
      const reports = await Promise.all(
        tenants.map((tenantId) => deliverDueCards(composed.deps, tenantId, { holder: 'bench', limit: 200 })),
      );
      return reports.every((r) => r.queued === 0) && (await unsettled()) === 0;
    },
    600_000,
  );
  return cards;
}

export function cardKey(tenantId: string, userId: string, stepId: string): string {
  return `${tenantId}|${userId}|${stepId}`;
}
