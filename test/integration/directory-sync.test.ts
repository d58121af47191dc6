import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import {
  seedFromDemoOrganisation,
  type RunningSimulator,
  type SeedTenant,
} from '../../sandbox/tenantSimulator/index.ts';
import { presentManagerNotice } from '../../src/cards/directory/presenters/managerNoticePresenter.ts';
import { managerNoticeKind } from '../../src/usecases/directory/noticeManager.ts';
import { reachNewHires } from '../../src/usecases/directory/reachNewHires.ts';
import { syncDirectory, type SyncReport } from '../../src/usecases/directory/syncDirectory.ts';
import { startTestAzurite } from '../support/azurite.ts';
import {
  directorySyncFor,
  isInstalledFor,
  simControl,
  startSimulator,
  switchableDice,
  type DirectorySync,
} from '../support/directoryFixtures.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { inProcessOutbound } from '../support/inProcessOutbound.ts';
import { composeForTest, rememberChat } from '../support/learningFixtures.ts';

/**
 * Directory sync against a real Azurite and the tenant simulator, through Drypp's own Graph adapters
 * (msal-node and the Graph client): the initial sync of an existing organisation, new hires, replays,
 * 410 resyncs, 429 storms, role changes, leavers and the app install that makes a new hire reachable.
 * The rules are the shipped ones: everyone who joins gets welcome-onboarding, leaders (on joining or
 * on a role change) leading-digital-workplace.
 */
const tenantId: string = demoTenant.id;
const twins = {
  calm: 'a1a1a1a1-0000-4000-8000-00000000000a',
  stormy: 'b2b2b2b2-0000-4000-8000-00000000000b',
};
const adele = demoPeople[2]!;
const lynne = demoPeople[5]!;

/** The demo organisation again under another tenant id: two identical tenants, synced side by side. */
function twin(id: string): SeedTenant {
  return { ...seedFromDemoOrganisation(), id };
}

let azurite: AzuriteInstance;
let sim: RunningSimulator;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let dir: DirectorySync;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let outbound: ReturnType<typeof inProcessOutbound>;
const dice = switchableDice();
const hired: string[] = [];

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation(), twin(twins.calm), twin(twins.stormy)], {
    random: dice.random,
  });
  composed = await composeForTest(azurite.connectionString);
  dir = directorySyncFor(composed, sim, { pageSize: 4 }); // 6 people: the initial sync is 2 pages
  // Adele's chat with Drypp is known, so the manager notices about her hires reach (fake) Teams.
  connector = await startFakeConnector();
  outbound = inProcessOutbound(composed, { kinds: [managerNoticeKind(composed.deps, presentManagerNotice)] });
  await rememberChat(
    composed,
    { tenantId, id: adele.id, userPrincipalName: adele.userPrincipalName, displayName: adele.displayName },
    connector.url,
  );
});
afterAll(async () => {
  await connector?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

/** A sync round, then the outbound pipeline's worker (in this process) sends what it enqueued. */
const round = async (tenant = tenantId) => {
  const report = await syncDirectory(dir.deps, tenant);
  await outbound.drain();
  return report;
};

/** The manager notices that reached Adele in Teams, by the name of the hire they announce. */
const noticesToAdele = () =>
  connector.sent
    .filter((s) => s.conversationId === `a:${adele.id}`)
    .map((s) => JSON.stringify(s.activity.attachments?.[0]?.content));

async function hire(name: string, extra: Record<string, unknown> = {}, tenant = tenantId): Promise<string> {
  const { user } = await simControl<{ user: { id: string } }>(sim, '/hire', {
    tenantId: tenant,
    name,
    ...extra,
  });
  if (tenant === tenantId) hired.push(user.id);
  return user.id;
}

async function programsOf(userId: string, tenant = tenantId): Promise<string[]> {
  const enrollments = await composed.deps.enrollments.listForPerson(tenant, userId);
  return enrollments.map((e) => e.programId).sort();
}

/** Every enrollment, step row and reachability row of the people involved, etags included. */
async function snapshot(ids: string[]) {
  const rows: unknown[] = [];
  for (const id of ids) {
    for (const e of await composed.deps.enrollments.listForPerson(tenantId, id)) {
      rows.push(e, await composed.deps.steps.listForEnrollment(tenantId, id, e.programId));
    }
    rows.push(await composed.deps.reachability.get(tenantId, id));
  }
  return rows;
}

const everyone = () => [...demoPeople.map((p) => p.id), ...hired];
const quiet: Partial<SyncReport> = {
  newHires: 0,
  roleChanges: 0,
  enrollments: 0,
  removed: 0,
  incomplete: 0,
  erased: 0,
};

describe('directory sync against the tenant simulator', () => {
  it('records the existing organisation on the initial sync and treats nobody as a new hire', async () => {
    const report = await round();
    expect(report).toEqual({ ...quiet, pages: 2, seen: demoPeople.length, resynced: false });
    for (const p of demoPeople) {
      const mirrored = await dir.mirror.get(tenantId, p.id);
      expect(mirrored?.firstSeenAt, p.displayName).toBeDefined();
      expect(mirrored?.person).toMatchObject({
        userPrincipalName: p.userPrincipalName,
        department: p.department,
        jobTitle: p.jobTitle,
        ...(p.managerId ? { managerId: p.managerId } : {}),
        accountEnabled: true,
        userType: 'Member',
      });
      expect((await composed.deps.people.get(tenantId, p.id))?.displayName).toBe(p.displayName);
      expect(await programsOf(p.id), p.displayName).toEqual([]);
      expect(await composed.deps.reachability.get(tenantId, p.id)).toBeUndefined();
    }
    expect(noticesToAdele()).toEqual([]);
    const state = await dir.syncState.get(tenantId);
    expect(state).toMatchObject({ initialSyncDone: true });
    expect(state.deltaLink).toContain('deltatoken');
    expect(state.resumeLink).toBeUndefined();
    expect(await composed.deps.people.tenants()).toContain(tenantId);

    // Nothing changed since: one empty page.
    expect(await round()).toEqual({ ...quiet, pages: 1, seen: 0, resynced: false });
  });

  it('enrolls a hire once: a second round and a replayed delta page change nothing', async () => {
    const previousLink = (await dir.syncState.get(tenantId)).deltaLink!;
    const nora = await hire('Nora Nyansatt', {
      department: 'Helse og omsorg',
      jobTitle: 'Sykepleier',
      manager: adele.userPrincipalName,
    });
    const report = await round();
    expect(report).toMatchObject({ newHires: 1, enrollments: 1, roleChanges: 0, resynced: false });
    expect(await programsOf(nora)).toEqual(['welcome-onboarding']);
    expect(await composed.deps.reachability.get(tenantId, nora)).toMatchObject({
      stage: 'detected',
      attempts: 0,
    });
    expect((await dir.mirror.get(tenantId, nora))?.person.managerId).toBe(adele.id);
    // The real notice, once, naming the hire and the program's title.
    expect(noticesToAdele()).toEqual([expect.stringContaining('Nora Nyansatt')]);
    expect(noticesToAdele()[0]).toMatch(/Velkommen i ny jobb|Welcome to your new job/);
    const after = await snapshot(everyone());

    expect(await round()).toMatchObject({ ...quiet, seen: 0 });
    // Graph replays: the stored link goes back to the one before the hire, so the hire comes again.
    const current = await dir.syncState.get(tenantId);
    expect(await dir.syncState.save({ ...current, deltaLink: previousLink })).toBe('saved');
    const replayed = await round();
    expect(replayed).toMatchObject(quiet);
    expect(replayed.seen).toBeGreaterThanOrEqual(1);
    expect(await snapshot(everyone())).toEqual(after);
    expect(noticesToAdele().filter((n) => n.includes('Nora Nyansatt'))).toHaveLength(1);
  });

  it('resyncs in full after 410, enrolling nobody twice and only a hire it had not met', async () => {
    const before = await snapshot(everyone());
    await simControl(sim, '/delta/reset', { tenantId });
    const report = await round();
    expect(report).toMatchObject({ ...quiet, resynced: true });
    expect(report.seen).toBe(everyone().length);
    expect(await snapshot(everyone())).toEqual(before);

    // A hire made while the token went stale is still welcomed by the resync, and only they are.
    const sara = await hire('Sara Sent', { department: 'IT', jobTitle: 'IT-konsulent' });
    await simControl(sim, '/delta/reset', { tenantId });
    const second = await round();
    expect(second).toMatchObject({ newHires: 1, enrollments: 1, resynced: true });
    expect(await programsOf(sara)).toEqual(['welcome-onboarding']);
    expect(await snapshot(everyone().filter((id) => id !== sara))).toEqual(before);
    expect(await round()).toMatchObject({ ...quiet, pages: 1, seen: 0, resynced: false });
  });

  it('completes a round through a 429 storm with the same result as a calm round', async () => {
    const torId = 'c3c3c3c3-0000-4000-8000-0000000000c3';
    const today = new Date().toISOString().slice(0, 10);
    // Only the account's creation time differs between the twins: it is stamped by the simulator.
    const mirrored = async (tenant: string, id: string) => {
      const { createdDateTime: _created, ...person } = (await dir.mirror.get(tenant, id))?.person ?? {};
      return person;
    };
    const sameChanges = async (tenant: string) => {
      const initial = await round(tenant);
      const tor = { id: torId, upn: `tor@${demoTenant.domain}`, hireDate: today, jobTitle: 'Avdelingsleder' };
      await hire('Tor Tvilling', tor, tenant);
      await simControl(sim, '/move', { tenantId: tenant, user: lynne.id, jobTitle: 'Enhetsleder' });
      return [initial, await round(tenant)];
    };
    const calm = await sameChanges(twins.calm);

    dice.alternate(true); // every other Graph call is answered 429 with Retry-After: 1
    await simControl(sim, '/faults', { throttleShare: 0.5, retryAfterSeconds: 1 }, 'PUT');
    const started = Date.now();
    let stormy: SyncReport[];
    let throttled: number;
    try {
      stormy = await sameChanges(twins.stormy);
    } finally {
      throttled = Math.ceil(dice.rolls() / 2);
      await simControl(sim, '/faults', { throttleShare: 0 }, 'PUT');
      dice.alternate(false);
    }
    expect(throttled).toBeGreaterThanOrEqual(3); // the initial sync's 2 pages and the tracked round
    expect(Date.now() - started).toBeGreaterThanOrEqual(throttled * 1000); // Retry-After was honoured

    expect(stormy).toEqual(calm);
    expect(calm[1]).toMatchObject({ newHires: 1, roleChanges: 1, enrollments: 3 });
    for (const id of [...demoPeople.map((p) => p.id), torId]) {
      expect(await mirrored(twins.stormy, id), id).toEqual(await mirrored(twins.calm, id));
      expect(await programsOf(id, twins.stormy), id).toEqual(await programsOf(id, twins.calm));
    }
  });

  it('enrolls a person who becomes a leader once, however often the title changes', async () => {
    await simControl(sim, '/move', { tenantId, user: lynne.id, jobTitle: 'Enhetsleder' });
    expect(await round()).toMatchObject({ newHires: 0, roleChanges: 1, enrollments: 1 });
    expect(await programsOf(lynne.id)).toEqual(['leading-digital-workplace']);
    expect(await composed.deps.reachability.get(tenantId, lynne.id)).toBeUndefined(); // not a new hire
    const enrolled = await snapshot([lynne.id]);

    await simControl(sim, '/move', { tenantId, user: lynne.id, jobTitle: 'Avdelingsleder' });
    expect(await round()).toMatchObject({ newHires: 0, roleChanges: 1, enrollments: 0 });
    expect(await snapshot([lynne.id])).toEqual(enrolled);
    expect((await dir.mirror.get(tenantId, lynne.id))?.person.jobTitle).toBe('Avdelingsleder');

    // A move that is not into leading enrolls nobody.
    await simControl(sim, '/move', { tenantId, user: demoPeople[3]!.id, department: 'Økonomi' });
    expect(await round()).toMatchObject({ roleChanges: 1, enrollments: 0 });
    expect(await programsOf(demoPeople[3]!.id)).toEqual([]);
  });

  it('installs the app for new hires (detected → appInstalled), and retries while Teams is not ready', async () => {
    const deps = {
      clock: composed.deps.clock,
      reachability: composed.deps.reachability,
      installer: dir.installer,
    };
    const due = await composed.deps.reachability.listDue(tenantId, composed.deps.clock.now());
    expect(due.length).toBeGreaterThan(0);
    const report = await reachNewHires(deps, tenantId);
    expect(report).toMatchObject({ installed: due.length, retried: 0, gaveUp: 0 });
    for (const r of due) {
      expect(isInstalledFor(sim, tenantId, r.userId), r.userId).toBe(true);
      expect(await composed.deps.reachability.get(tenantId, r.userId)).toMatchObject({
        stage: 'appInstalled',
      });
    }
    expect(await reachNewHires(deps, tenantId)).toEqual({ installed: 0, retried: 0, gaveUp: 0 });

    // Teams has not provisioned a brand-new account yet: Graph answers 404 and the install waits.
    await simControl(sim, '/faults', { teamsProvisioningSeconds: 3600 }, 'PUT');
    try {
      const early = await hire('Ida Tidlig');
      await round();
      expect(await reachNewHires(deps, tenantId)).toMatchObject({ installed: 0, retried: 1 });
      const waiting = await composed.deps.reachability.get(tenantId, early);
      expect(waiting).toMatchObject({ stage: 'detected', attempts: 1, lastProblem: 'Graph answered 404' });
      expect(Date.parse(waiting!.nextAttemptAt!)).toBeGreaterThan(Date.now() + 30_000);
      expect(isInstalledFor(sim, tenantId, early)).toBe(false);
    } finally {
      await simControl(sim, '/faults', { teamsProvisioningSeconds: 0 }, 'PUT');
    }
  });

  it('marks a person who leaves as removed and keeps their enrollments', async () => {
    const leaver = await hire('Kortvarig Ansatt');
    await round();
    await simControl(sim, '/leave', { tenantId, user: leaver, mode: 'delete' });
    expect(await round()).toMatchObject({ removed: 1, newHires: 0 });
    expect((await dir.mirror.get(tenantId, leaver))?.removedAt).toBeDefined();
    expect(await programsOf(leaver)).toEqual(['welcome-onboarding']);
  });
});
