// Learning paths by role through directory sync, on a real Azurite and the tenant simulator with the
// shipped content: someone who becomes a firefighter gets the firefighter path's certifications,
// keeps the first-aid certificate they already hold, and a second round or a replayed delta page
// changes nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { seedFromDemoOrganisation, type RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { loadConfig } from '../../src/config/config.ts';
import { withCalendar } from '../../src/compose.ts';
import { composeCertificates } from '../../src/composeCertificates.ts';
import { composeOutbound } from '../../src/composeOutbound.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createBotAdapter } from '../../src/teams/botAdapter.ts';
import { BotTeamsConnector } from '../../src/teams/teamsConnector.ts';
import { recordProgramCompletion } from '../../src/usecases/certificates/recordProgramCompletion.ts';
import type { CertificatesDeps } from '../../src/usecases/certificates/certificatesDeps.ts';
import { syncDirectory } from '../../src/usecases/directory/syncDirectory.ts';
import { startTestAzurite } from '../support/azurite.ts';
import {
  directorySyncFor,
  simControl,
  startSimulator,
  type DirectorySync,
} from '../support/directoryFixtures.ts';
import { composeForTest } from '../support/learningFixtures.ts';

const tenantId: string = demoTenant.id;
const lynne = demoPeople[5]!; // Helsefagarbeider: on the path for everyone only
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let dir: DirectorySync;
let certificates: CertificatesDeps;

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  composed = await composeForTest(azurite.connectionString);
  // The real pipeline (its status rows on Azurite); no worker runs, so nothing is sent to Teams.
  const outbound = composeOutbound({
    config: loadConfig({ DRYPP_MODE: 'test', DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString }),
    storage: composed.storage,
    clock: composed.deps.clock,
    conversations: composed.deps.conversations,
    reachability: composed.deps.reachability,
    connector: new BotTeamsConnector(createBotAdapter({ appType: 'MultiTenant' }), ''),
    log: createLogger('silent'),
  });
  const app = withCalendar(composed.deps);
  certificates = composeCertificates(composed, app, outbound.pipeline).deps;
  dir = directorySyncFor(composed, sim, { pageSize: 4 });
  dir.deps.certificates = certificates;
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  await azurite?.child.stop();
});

const round = () => syncDirectory(dir.deps, tenantId);

/** Lynne's enrollments, step rows and certification records, etags included. */
async function lynnesLearning() {
  const enrollments = await composed.deps.enrollments.listForPerson(tenantId, lynne.id);
  const steps = await Promise.all(
    enrollments.map((e) => composed.deps.steps.listForEnrollment(tenantId, lynne.id, e.programId)),
  );
  const records = await composed.certificates.store.listForPerson(tenantId, lynne.id);
  return { enrollments, steps, records };
}

describe('learning paths by role through directory sync', () => {
  it('a role change adds the new path, keeps what is done, and running it again does nothing more', async () => {
    await round(); // the existing organisation: nobody is a new hire, nothing is assigned
    expect(await lynnesLearning()).toEqual({ enrollments: [], steps: [], records: [] });

    // Lynne took first aid before (a certificate she holds, one cycle).
    await recordProgramCompletion(certificates, {
      tenantId,
      userId: lynne.id,
      programId: 'first-aid-course',
      at: composed.deps.clock.now(),
    });
    const [firstAid] = (await lynnesLearning()).records;
    expect(firstAid).toMatchObject({ status: 'certified', cycles: [{ n: 1 }] });

    const linkBeforeMove = (await dir.syncState.get(tenantId)).deltaLink!;
    await simControl(sim, '/move', {
      tenantId,
      user: lynne.id,
      jobTitle: 'Brannkonstabel',
      department: 'Brann og redning',
    });
    // Two certifications named; the one she holds is kept, so one is assigned.
    expect(await round()).toMatchObject({ roleChanges: 1, newHires: 0, enrollments: 1 });
    const after = await lynnesLearning();
    expect(after.records.map((r) => [r.certificationId, r.status, r.cycles.length, r.assignedBy])).toEqual([
      ['first-aid', 'certified', 1, 'completion'],
      ['smoke-diving', 'assigned', 0, 'path:firefighter'],
    ]);
    // What was done is untouched (the same row, the same etag); the full course is under way; the
    // first-aid course is not enrolled again; the path for everyone does not fire on a change of role.
    expect(after.records[0]).toEqual(firstAid);
    expect(after.enrollments.map((e) => [e.programId, e.status])).toEqual([
      ['smoke-diving-course', 'active'],
    ]);

    // A second round, and Graph replaying the move: nothing more.
    expect(await round()).toMatchObject({ roleChanges: 0, enrollments: 0, seen: 0 });
    const state = await dir.syncState.get(tenantId);
    expect(await dir.syncState.save({ ...state, deltaLink: linkBeforeMove })).toBe('saved');
    const replayed = await round();
    expect(replayed.seen).toBeGreaterThanOrEqual(1);
    expect(replayed).toMatchObject({ enrollments: 0 });
    expect(await lynnesLearning()).toEqual(after);
  });

  it('leaving the role keeps its unfinished requirements as they stand: nothing is withdrawn', async () => {
    const before = await lynnesLearning();
    await simControl(sim, '/move', {
      tenantId,
      user: lynne.id,
      jobTitle: 'Helsefagarbeider',
      department: 'Helse og omsorg',
    });
    expect(await round()).toMatchObject({ roleChanges: 1, enrollments: 0 });
    expect(await lynnesLearning()).toEqual(before);
  });
});
