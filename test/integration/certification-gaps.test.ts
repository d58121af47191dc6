// Three ways certifications could lose or misfire a notice, on real storage with the sandbox clock:
// a crash between saving a certificate and enqueuing its card; a completion the certification never
// heard of while overdue or expired; a settings change (only what is due from now on, never a backlog).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { withCalendar } from '../../src/compose.ts';
import { composeCertificates } from '../../src/composeCertificates.ts';
import { addDays, dayIn } from '../../src/domain/certificates/calendarDays.ts';
import type { Certification } from '../../src/domain/certificates/certification.ts';
import { testCertification } from '../../src/domain/certificates/testCertifications.ts';
import type { OutboundItem } from '../../src/domain/delivery/outbound.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { StorageOutboundQueue } from '../../src/store/delivery/outboundQueue.ts';
import { TableOutboundStatusStore } from '../../src/store/delivery/outboundStatusStore.ts';
import { queueNames, tableNames } from '../../src/store/platform/tables.ts';
import { assignCertification } from '../../src/usecases/certificates/assignCertification.ts';
import type { CertificatesDeps } from '../../src/usecases/certificates/certificatesDeps.ts';
import { certificationCatalogOf } from '../../src/usecases/certificates/ports.ts';
import { recordProgramCompletion } from '../../src/usecases/certificates/recordProgramCompletion.ts';
import { sweepCertifications } from '../../src/usecases/certificates/sweepCertifications.ts';
import { applyChangedRules } from '../../src/usecases/certificates/upkeep/applyChangedRules.ts';
import { recoverMissedCompletions } from '../../src/usecases/certificates/upkeep/recoverMissedCompletions.ts';
import { QueuedOutboundPipeline } from '../../src/usecases/delivery/outboundPipeline.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { failing } from '../support/failing.ts';
import { composeForTest, testPerson } from '../support/learningFixtures.ts';

const DAY = 86_400_000;
const tenantId = '88888888-8888-4888-8888-888888888888';
const boss = testPerson(tenantId, 9, { displayName: 'Boss' });
let azurite: AzuriteInstance;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let pipeline: QueuedOutboundPipeline;
let deps: CertificatesDeps;
/** Every item enqueued, by key, with the day it was first enqueued (the pipeline keeps one per key). */
const firstEnqueued = new Map<string, string>();

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString);
  const { storage } = composed;
  pipeline = new QueuedOutboundPipeline({
    clock: composed.deps.clock,
    status: new TableOutboundStatusStore(storage.table(tableNames.outboundStatus)),
    queue: new StorageOutboundQueue({
      interactive: storage.queue(queueNames.outbound),
      bulk: storage.queue(queueNames.outboundBulk),
      poison: storage.queue(queueNames.outboundPoison),
    }),
  });
  const observed = {
    async enqueue(items: OutboundItem[]) {
      const report = await pipeline.enqueue(items);
      for (const item of items) if (!firstEnqueued.has(item.key)) firstEnqueued.set(item.key, today());
      return report;
    },
  };
  const app = withCalendar(composed.deps);
  deps = composeCertificates(composed, app, observed).deps;
  await composed.deps.people.upsert(boss);
}, 60_000);
afterAll(async () => {
  await azurite?.child.stop();
});

const today = () => dayIn(composed.deps.clock.now(), 'Europe/Oslo');
async function travel(days: number): Promise<void> {
  await composed.adjustableClock!.advance(days * DAY);
}
/** Messages waiting on the outbound queues: the cards that will go out. */
async function queuedCards(): Promise<number> {
  let n = 0;
  for (const name of [queueNames.outbound, queueNames.outboundBulk]) {
    n += (await composed.storage.queue(name).getProperties()).approximateMessagesCount ?? 0;
  }
  return n;
}
const record = (person: Person, id = 'smoke-diving') => deps.certifications.get(tenantId, person.id, id);
async function person(n: number): Promise<Person> {
  const p = testPerson(tenantId, n, { managerId: boss.id });
  await composed.deps.people.upsert(p);
  return p;
}
/** The person finishes the program in the learning records, and the certification is not told. */
async function completeSilently(p: Person, programId: string): Promise<void> {
  const enrollment = await composed.deps.enrollments.get(tenantId, p.id, programId);
  expect(enrollment?.status).toBe('active');
  await composed.deps.enrollments.update({
    ...enrollment!,
    status: 'completed',
    completedAt: composed.deps.clock.now().toISOString(),
  });
}

describe('a crash between saving a certificate and enqueuing its card', () => {
  it('loses nothing: the certificate holds the card, and the sweep enqueues it once', async () => {
    const maja = await person(1);
    await assignCertification(deps, {
      person: maja,
      certificationId: 'smoke-diving',
      assignedBy: 'rule:crew',
    });
    const before = await queuedCards();
    const crashing = { ...deps, outbound: failing(deps.outbound, 'enqueue', () => true) };
    await expect(
      recordProgramCompletion(crashing, {
        tenantId,
        userId: maja.id,
        programId: 'smoke-diving-course',
        at: composed.deps.clock.now(),
      }),
    ).rejects.toThrow('injected failure in enqueue');
    const saved = await record(maja);
    expect(saved?.status).toBe('certified');
    expect(saved?.unsentNotices?.map((n) => n.kind)).toEqual(['certified']);
    expect(await queuedCards()).toBe(before);

    const swept = await sweepCertifications(deps, tenantId);
    expect(swept).toMatchObject({ advanced: 1, notices: 1 });
    expect(await queuedCards()).toBe(before + 1);
    expect(
      [...firstEnqueued.keys()].filter((k) => k.includes(maja.id) && k.includes('certified')),
    ).toHaveLength(1);
    const after = await record(maja);
    expect(after?.unsentNotices).toBeUndefined();
    // Only the record's own next check is left; a second sweep sends nothing more.
    const checks = await deps.certifications.listChecksOf(tenantId, 'smoke-diving', { limit: 100 });
    expect(checks.checks.filter((c) => c.userId === maja.id).map((c) => c.on)).toEqual([after?.nextCheckOn]);
    expect(await sweepCertifications(deps, tenantId)).toMatchObject({ advanced: 0 });
    expect(await queuedCards()).toBe(before + 1);
  });

  it('without a crash the card goes out at once and nothing is left for the sweep', async () => {
    const ola = await person(2);
    await assignCertification(deps, {
      person: ola,
      certificationId: 'smoke-diving',
      assignedBy: 'rule:crew',
    });
    const before = await queuedCards();
    await recordProgramCompletion(deps, {
      tenantId,
      userId: ola.id,
      programId: 'smoke-diving-course',
      at: composed.deps.clock.now(),
    });
    expect(await queuedCards()).toBe(before + 1);
    const saved = await record(ola);
    expect(saved?.unsentNotices).toBeUndefined();
    const checks = await deps.certifications.listChecksOf(tenantId, 'smoke-diving', { limit: 100 });
    expect(checks.checks.filter((c) => c.userId === ola.id).map((c) => c.on)).toEqual([saved?.nextCheckOn]);
  });
});

describe('a completion the certification never heard of', () => {
  it('while overdue, and while expired, still certifies, on the day it was done', async () => {
    const upkeep = composed.certificates.upkeep;
    const kari = await person(3);
    await assignCertification(deps, {
      person: kari,
      certificationId: 'smoke-diving',
      assignedBy: 'rule:crew',
    });
    await travel(70); // due after 60 days: overdue
    await sweepCertifications(deps, tenantId);
    expect((await record(kari))?.status).toBe('overdue');
    await completeSilently(kari, 'smoke-diving-course');
    const doneOn = today();
    await sweepCertifications(deps, tenantId);
    expect((await record(kari))?.status).toBe('overdue'); // nothing in the schedule looks at it
    await travel(1);
    const before = await queuedCards();
    const recovery = await recoverMissedCompletions(deps, upkeep, tenantId);
    expect(recovery).toMatchObject({ looked: true, recovered: 1 });
    const certified = await record(kari);
    expect(certified?.status).toBe('certified');
    expect(certified?.cycles.map((c) => [c.certifiedOn, c.basis])).toEqual([[doneOn, 'first']]);
    expect(await queuedCards()).toBe(before + 1);
    // Once a day; the next day finds nothing new.
    expect(await recoverMissedCompletions(deps, upkeep, tenantId)).toMatchObject({ looked: false });
    await travel(1);
    expect(await recoverMissedCompletions(deps, upkeep, tenantId)).toMatchObject({
      looked: true,
      recovered: 0,
    });

    await travel(400); // past the expiry: the full course again
    await sweepCertifications(deps, tenantId);
    expect((await record(kari))?.status).toBe('expired');
    await completeSilently(kari, 'smoke-diving-course');
    const againOn = today();
    await travel(1);
    expect(await recoverMissedCompletions(deps, upkeep, tenantId)).toMatchObject({ recovered: 1 });
    const renewed = await record(kari);
    expect(renewed?.status).toBe('certified');
    expect(renewed?.cycles.map((c) => [c.certifiedOn, c.basis, c.ended?.how])).toEqual([
      [doneOn, 'first', 'expired'],
      [againOn, 'afterExpiry', undefined],
    ]);
  });
});

describe("a change to a certification's settings", () => {
  it('reschedules what is due from now on, on its own day, and sends no backlog', async () => {
    const upkeep = composed.certificates.upkeep;
    const v1 = testCertification({ id: 'smoke-diving', title: { en: 'Smoke diver' } });
    const catalogFor = (c: Certification) => ({ ...deps, certificationCatalog: certificationCatalogOf([c]) });
    let current = catalogFor(v1);
    const lars = await person(4);
    await assignCertification(current, {
      person: lars,
      certificationId: 'smoke-diving',
      assignedBy: 'rule:crew',
    });
    await recordProgramCompletion(current, {
      tenantId,
      userId: lars.id,
      programId: 'smoke-diving-course',
      at: composed.deps.clock.now(),
    });
    await applyChangedRules(current, upkeep, tenantId);
    const validUntil = (await record(lars))!.cycles[0]!.validUntil;
    const daysBefore = (d: number) => addDays(validUntil, -d);
    // To 100 days before expiry, sweeping once; then the window is made 90 days and a 60-day reminder added.
    await composed.adjustableClock!.advance(
      Date.parse(`${daysBefore(100)}T10:00:00Z`) - composed.deps.clock.now().getTime(),
    );
    await sweepCertifications(current, tenantId);
    const v2 = testCertification({
      id: 'smoke-diving',
      version: 2,
      title: { en: 'Smoke diver' },
      renewalWindowDays: 90,
      reminders: { beforeDueDays: [14, 3], beforeExpiryDays: [60, 30, 7] },
    });
    // At 50 days, a 55-day reminder (its day passed) and a 20-day one (still ahead).
    const v3 = testCertification({
      id: 'smoke-diving',
      version: 3,
      title: { en: 'Smoke diver' },
      renewalWindowDays: 90,
      reminders: { beforeDueDays: [14, 3], beforeExpiryDays: [55, 30, 20, 7] },
    });
    current = catalogFor(v2);
    for (let day = 100; day >= 1; day--) {
      if (day === 50) current = catalogFor(v3);
      await applyChangedRules(current, upkeep, tenantId);
      await sweepCertifications(current, tenantId);
      await travel(1);
    }
    const larsNotices = [...firstEnqueued]
      .filter(([key]) => key.includes(lars.id) && key.includes('|c1|'))
      .map(([key, on]) => `${key.split('|').slice(4).join(' ')} ${on}`);
    expect(larsNotices.sort()).toEqual(
      [
        `certified - ${firstEnqueued.get([...firstEnqueued.keys()].find((k) => k.includes(lars.id) && k.includes('certified'))!)}`,
        `windowOpen - ${daysBefore(90)}`,
        `expiresSoon 60 ${daysBefore(60)}`,
        `expiresSoon 30 ${daysBefore(30)}`,
        `expiresSoon 20 ${daysBefore(20)}`,
        `expiresSoon 7 ${daysBefore(7)}`,
      ].sort(),
    );
  });
});
