import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { seedFromDemoOrganisation, type RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { deliveryKey } from '../../src/domain/delivery/dueWork.ts';
import { personPartition, keyPart } from '../../src/store/platform/keys.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { noticeManager } from '../../src/usecases/directory/noticeManager.ts';
import { syncDirectory, type SyncDeps } from '../../src/usecases/directory/syncDirectory.ts';
import type { StepState } from '../../src/domain/learning/stepState.ts';
import { startTestAzurite } from '../support/azurite.ts';
import {
  directorySyncFor,
  simControl,
  startSimulator,
  type DirectorySync,
} from '../support/directoryFixtures.ts';
import { failing } from '../support/failing.ts';
import { composeForTest } from '../support/learningFixtures.ts';

/**
 * Nothing the directory says is lost: a failure while enrolling one hire of a page does not leave
 * the hires after it unenrolled, and a delta object with only some properties is merged into the
 * mirror by id, never dropped. Real Azurite, the tenant simulator, Drypp's Graph adapters.
 */
const tenantId: string = demoTenant.id;
const adele = demoPeople[2]!;
const program = 'welcome-onboarding';
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let dir: DirectorySync;
/** Manager notices put on the outbound pipeline, by recipient and hire. */
const noticesSent: string[] = [];

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  composed = await composeForTest(azurite.connectionString);
  dir = directorySyncFor(composed, sim, { pageSize: 5 });
  // The real manager notice (its pipeline key is what makes it once): what it put on the pipeline.
  dir.deps.noticeManager = async (hire, programIds) => {
    if ((await noticeManager(composed.deps, hire, programIds)) === 'queued')
      noticesSent.push(`${hire.managerId} ${hire.id}`);
  };
  await syncDirectory(dir.deps, tenantId); // the existing organisation
});
afterAll(async () => {
  await sim?.stop();
  await azurite?.child.stop();
});

async function hire(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { user } = await simControl<{ user: { id: string } }>(sim, '/hire', { tenantId, name, ...extra });
  return user.id;
}

/** Everything enrollment wrote for a person: programs, steps, and due work per card key. */
async function enrolled(userId: string) {
  const programs = (await composed.deps.enrollments.listForPerson(tenantId, userId)).map((e) => e.programId);
  const steps = await composed.deps.steps.listForEnrollment(tenantId, userId, program);
  const work = new Map<string, number>();
  for (const w of await composed.deps.dueWork.listForPerson(tenantId, userId))
    work.set(deliveryKey(w), (work.get(deliveryKey(w)) ?? 0) + 1);
  return { programs, steps: steps.length, work };
}

describe('a failure while enrolling one hire of a page', () => {
  it('leaves the page unseen, and the next round enrolls every hire on it exactly once', async () => {
    const hires: string[] = [];
    for (const name of ['Hanne Først', 'Ivar Andre', 'Jens Tredje', 'Kari Fjerde', 'Lise Femte'])
      hires.push(await hire(name, { department: 'Helse og omsorg', manager: adele.userPrincipalName }));
    const k = hires[2]!;
    // Writing hire k's steps fails (an enrollment writes its new steps together).
    const steps = failing(composed.deps.steps, 'createAll', (states: StepState[]) =>
      states.some((s) => s.userId === k),
    );
    const broken: SyncDeps = { ...dir.deps, steps };
    await expect(syncDirectory(broken, tenantId)).rejects.toThrow(/injected failure/);
    expect(steps.failures()).toBe(1);
    // Hire k has no steps; nobody on the page is marked seen (the others' events may have been
    // applied beside k's, a page's events run at once), so the page comes again.
    expect((await enrolled(k)).steps).toBe(0);
    for (const id of hires) expect((await dir.mirror.get(tenantId, id))?.firstSeenAt, id).toBeUndefined();

    await syncDirectory(dir.deps, tenantId);
    const stepCount = composed.deps.catalog.find(program)!.steps.length;
    for (const id of hires) {
      const e = await enrolled(id);
      expect(e.programs, id).toEqual([program]);
      expect(e.steps, id).toBe(stepCount);
      expect(e.work.size, id).toBe(stepCount); // every card of the program is due once…
      expect(
        [...e.work.values()].every((n) => n === 1),
        id,
      ).toBe(true); // …and only once
      expect((await dir.mirror.get(tenantId, id))?.firstSeenAt, id).toBeDefined();
      expect((await composed.deps.reachability.get(tenantId, id))?.stage, id).toBe('detected');
    }
    // One notice per hire to their manager, whichever round enrolled them.
    expect(noticesSent.filter((n) => n.startsWith(adele.id))).toHaveLength(hires.length);

    const before = await Promise.all(hires.map(enrolled));
    expect(await syncDirectory(dir.deps, tenantId)).toMatchObject({ newHires: 0, enrollments: 0 });
    expect(await Promise.all(hires.map(enrolled))).toEqual(before);
    expect(noticesSent.filter((n) => n.startsWith(adele.id))).toHaveLength(hires.length);
  });
});

describe('a delta object with only the properties that changed', () => {
  beforeAll(async () => {
    await simControl(sim, '/faults', { deltaChangedPropertiesOnly: true }, 'PUT');
  });
  afterAll(async () => {
    await simControl(sim, '/faults', { deltaChangedPropertiesOnly: false }, 'PUT');
  });

  it('is merged with what is stored', async () => {
    const id = await hire('Mona Merge', { department: 'IT', jobTitle: 'IT-konsulent' });
    await syncDirectory(dir.deps, tenantId);
    const stored = (await dir.mirror.get(tenantId, id))!;
    await simControl(sim, '/move', { tenantId, user: id, department: 'Økonomi' });
    const report = await syncDirectory(dir.deps, tenantId);
    expect(report).toMatchObject({ seen: 1, incomplete: 0 });
    expect((await dir.mirror.get(tenantId, id))?.person).toEqual({ ...stored.person, department: 'Økonomi' });
  });

  it('gets its row when nothing is stored, waits unreachable, and is met once the rest arrives', async () => {
    const id = await hire('Nils Nesten', { department: 'IT' });
    await syncDirectory(dir.deps, tenantId);
    // The mirror lost the row (say, restored from an old backup): Drypp now knows nothing of Nils.
    await composed.storage.table(tableNames.people).deleteEntity(personPartition(tenantId, id), keyPart(id));
    await simControl(sim, '/move', { tenantId, user: id, jobTitle: 'Driftstekniker' });

    const report = await syncDirectory(dir.deps, tenantId);
    expect(report).toMatchObject({ seen: 1, incomplete: 1, newHires: 0 });
    const waiting = await dir.mirror.get(tenantId, id);
    expect(waiting).toMatchObject({
      person: { id, jobTitle: 'Driftstekniker' },
      missing: ['userPrincipalName', 'displayName'],
    });
    expect(waiting?.firstSeenAt).toBeUndefined();

    // A full round (410) brings every property: the row is complete, and he is met as first seen.
    await simControl(sim, '/delta/reset', { tenantId });
    await syncDirectory(dir.deps, tenantId);
    const complete = await dir.mirror.get(tenantId, id);
    expect(complete?.missing).toBeUndefined();
    expect(complete?.firstSeenAt).toBeDefined();
    expect(complete?.person).toMatchObject({ displayName: 'Nils Nesten', jobTitle: 'Driftstekniker' });
  });
});
