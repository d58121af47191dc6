import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { DueWork } from '../../src/domain/delivery/dueWork.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { deliverDueCards } from '../../src/usecases/delivery/deliverDueCards.ts';
import { dripKey } from '../../src/usecases/delivery/drip/dripItem.ts';
import type { TeamsConnector } from '../../src/usecases/delivery/outboundPorts.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { failing } from '../support/failing.ts';
import { inProcessOutbound } from '../support/inProcessOutbound.ts';
import { composeForTest, rememberChat, testPerson } from '../support/learningFixtures.ts';

/**
 * An enrollment cut short between creating its steps and recording their due work (a crash, a
 * storage error) is completed by the next run of the same enrollment, and then every card of the
 * program goes out, once.
 */
const tenantId = '77777777-7777-4777-8777-777777777777';
const program = 'welcome-onboarding';
let azurite: AzuriteInstance;
let composed: Awaited<ReturnType<typeof composeForTest>>;

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString, {
    DRYPP_WORKING_HOURS: '00:00-23:59',
    DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
    DRYPP_MAX_CARDS_PER_DAY: '50',
  });
});
afterAll(async () => {
  await azurite?.child.stop();
});

describe('an enrollment interrupted half-way', () => {
  it('records the missing due work when it runs again, and every card is sent once', async () => {
    // The program's check-in goes to the learner's manager, so the learner has one.
    const manager = testPerson(tenantId, 2);
    const person = testPerson(tenantId, 1, { managerId: manager.id });
    await composed.deps.people.upsert(manager);
    await composed.deps.people.upsert(person);
    const steps = composed.deps.catalog.find(program)!.steps;
    // Enrolled a month ago, so every step is due now; the run dies recording the due work (the
    // steps are written, their work, one transaction, is not).
    const start = new Date(composed.deps.clock.now().getTime() - 30 * 24 * 3600_000);
    const dueWork = failing(
      composed.deps.dueWork,
      'addAll',
      (works: readonly DueWork[]) => works.some((w) => w.stepId === steps[2]!.id),
      1000,
    );
    await expect(
      enrollPerson({ ...composed.deps, dueWork }, { person, programId: program, start }),
    ).rejects.toThrow(/injected failure/);
    expect(await composed.deps.steps.listForEnrollment(tenantId, person.id, program)).toHaveLength(
      steps.length,
    );
    expect(await composed.deps.dueWork.listForPerson(tenantId, person.id)).toEqual([]);

    // The next run (a later sync round, or the admin again) finds the enrollment and its first steps.
    const again = await enrollPerson(composed.deps, { person, programId: program, start: new Date() });
    expect(again.kind).toBe('alreadyEnrolled');
    const stored = await composed.deps.steps.listForEnrollment(tenantId, person.id, program);
    const work = await composed.deps.dueWork.listForPerson(tenantId, person.id);
    expect(work.map((w) => w.stepId).sort()).toEqual(steps.map((s) => s.id).sort());
    for (const w of work) {
      // At the step's own due date from the first run's anchor, not from the second run's start.
      expect(w.at, w.stepId).toBe(stored.find((s) => s.stepId === w.stepId)?.dueAt);
    }

    // Every card through the production pipeline (in this process), to a connector that counts.
    const sent: string[] = [];
    const connector: TeamsConnector = {
      send: async (chat) => {
        sent.push(chat.conversationId);
        return { ok: true, activityId: `a-${sent.length}` };
      },
      update: async () => ({ ok: true, activityId: '' }),
      delete: async () => ({ ok: true, activityId: '' }),
    };
    for (const p of [person, manager]) await rememberChat(composed, p, 'http://127.0.0.1:9');
    const worker = inProcessOutbound(composed, { connector });
    const keys = steps.map((step) =>
      dripKey({ userId: person.id, programId: program, stepId: step.id, kind: 'step', n: 0 }),
    );
    const rows = () => Promise.all(keys.map((key) => worker.pipeline.recipient({ tenantId, key })));
    await worker.drainUntil('every step card sent', async () => {
      await deliverDueCards(composed.deps, tenantId, { holder: 'test' });
      return (await rows()).every((r) => r?.status === 'sent');
    });
    // Each sent status row is one send (reminders follow the steps): no card went out twice.
    let records = 0;
    const table = composed.storage.table(tableNames.outboundStatus);
    for await (const row of table.listEntities<{ kind: string; status: string }>())
      if (row.kind === 'drip' && row.status === 'sent') records++;
    expect(records).toBeGreaterThanOrEqual(steps.length);
    expect(sent).toHaveLength(records);
  });
});
