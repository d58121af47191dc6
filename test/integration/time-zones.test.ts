import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { seedFromDemoOrganisation, type RunningSimulator } from '../../sandbox/tenantSimulator/index.ts';
import { GraphMailboxSettings } from '../../src/graph/mailboxSettings.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { deliverDueCards } from '../../src/usecases/delivery/deliverDueCards.ts';
import { dripKey } from '../../src/usecases/delivery/drip/dripItem.ts';
import { learnTimeZones, type LearnTimeZonesDeps } from '../../src/usecases/directory/learnTimeZones.ts';
import { syncDirectory } from '../../src/usecases/directory/syncDirectory.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import type { TimeZoneCheck } from '../../src/domain/directory/timeZoneCheck.ts';
import type { Enrollment } from '../../src/domain/learning/enrollment.ts';
import type { Stored } from '../../src/usecases/platform/ports.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { runDrypp } from '../support/dryppCli.ts';
import {
  directorySyncFor,
  simControl,
  startSimulator,
  type DirectorySync,
} from '../support/directoryFixtures.ts';
import { composeForTest, testPerson } from '../support/learningFixtures.ts';
import { racing } from '../support/racing.ts';

/**
 * Per-person time: a new hire's time zone is read from their mailbox (Graph mailboxSettings, a
 * Windows name) once the mailbox exists, mapped to IANA, and put on the person and their
 * enrollments; the daily card cap then counts from that person's own midnight. Real Azurite, the
 * tenant simulator, Drypp's Graph adapters.
 */
const tenantId: string = demoTenant.id;
const program = 'welcome-onboarding';
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let dir: DirectorySync;
let learn: LearnTimeZonesDeps;

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  composed = await composeForTest(azurite.connectionString, {
    DRYPP_DEFAULT_TIME_ZONE: 'Europe/Oslo',
    DRYPP_WORKING_HOURS: '00:00-23:59',
    DRYPP_WORKING_DAYS: 'monday,tuesday,wednesday,thursday,friday,saturday,sunday',
    DRYPP_MAX_CARDS_PER_DAY: '1',
  });
  dir = directorySyncFor(composed, sim);
  const { storage } = composed;
  learn = {
    clock: composed.deps.clock,
    checks: dir.timeZoneChecks,
    mailboxes: new GraphMailboxSettings(dir.graph),
    people: new TablePeopleStore(
      storage.table(tableNames.people),
      storage.table(tableNames.tenants),
      new TableManagerIndex(storage.table(tableNames.managerIndex)),
    ),
    enrollments: composed.deps.enrollments,
    defaultTimeZone: composed.deps.policy.timeZone,
  };
  await syncDirectory(dir.deps, tenantId); // the existing organisation
});
afterAll(async () => {
  await sim?.stop();
  await azurite?.child.stop();
});

/** `drypp people status` as an admin runs it, against this test's storage (in-process). */
async function peopleStatus(user: string): Promise<string> {
  const run = await runDrypp(['people', 'status', '--user', user, '--tenant', tenantId], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, DRYPP_MODE: 'test', DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString },
  });
  if (run.code !== 0) throw new Error(`drypp people status exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

async function hire(name: string, timeZone: string): Promise<string> {
  const { user } = await simControl<{ user: { id: string } }>(sim, '/hire', { tenantId, name, timeZone });
  return user.id;
}
const zoneOf = async (id: string) => ({
  person: (await composed.deps.people.get(tenantId, id))?.timeZone,
  enrollment: (await composed.deps.enrollments.get(tenantId, id, program))?.timeZone,
  check: await dir.timeZoneChecks.get(tenantId, id),
});

describe("a new hire's time zone", () => {
  it('is read once the mailbox exists, mapped from Windows to IANA, onto the person and their cards', async () => {
    await simControl(sim, '/faults', { mailboxProvisioningSeconds: 3600 }, 'PUT');
    const pia = await hire('Pia Pacific', 'Pacific Standard Time');
    const ola = await hire('Ola Oslo', 'W. Europe Standard Time');
    await syncDirectory(dir.deps, tenantId);

    // Exchange has not made the mailboxes yet (404): the tenant's default applies, and Drypp waits.
    expect(await learnTimeZones(learn, tenantId)).toEqual({ found: 0, waiting: 2, gaveUp: 0 });
    const early = await zoneOf(pia);
    expect(early.enrollment).toBe('Europe/Oslo');
    expect(early.check).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(early.check?.lastProblem).toContain('MailboxNotEnabledForRESTAPI');
    expect(await peopleStatus(pia)).toMatch(
      /Time zone +Europe\/Oslo \(the tenant's default until the mailbox answers/,
    );
    expect(await learnTimeZones(learn, tenantId)).toEqual({ found: 0, waiting: 0, gaveUp: 0 }); // not due

    await simControl(sim, '/faults', { mailboxProvisioningSeconds: 0 }, 'PUT');
    await composed.adjustableClock!.advance(6 * 60_000); // past the first retry
    expect(await learnTimeZones(learn, tenantId)).toEqual({ found: 2, waiting: 0, gaveUp: 0 });
    expect(await zoneOf(pia)).toMatchObject({
      person: 'America/Los_Angeles',
      enrollment: 'America/Los_Angeles',
      check: { status: 'found', mailboxTimeZone: 'Pacific Standard Time', timeZone: 'America/Los_Angeles' },
    });
    expect(await peopleStatus(pia)).toMatch(
      /Time zone +America\/Los_Angeles \(from the mailbox: Pacific Standard Time\)/,
    );
    // "W. Europe Standard Time" covers Oslo, the tenant's own zone: it keeps that name.
    expect(await zoneOf(ola)).toMatchObject({ person: 'Europe/Oslo', enrollment: 'Europe/Oslo' });

    // Read once: a later round asks Graph nothing more, and the next sync keeps the zone.
    await composed.adjustableClock!.advance(24 * 3600_000);
    expect(await learnTimeZones(learn, tenantId)).toEqual({ found: 0, waiting: 0, gaveUp: 0 });
    await simControl(sim, '/move', { tenantId, user: pia, jobTitle: 'Sykepleier' });
    await syncDirectory(dir.deps, tenantId);
    expect((await zoneOf(pia)).person).toBe('America/Los_Angeles');
  });
});

describe('the daily cap', () => {
  it("counts from the person's own midnight, not UTC midnight", async () => {
    const person = testPerson(tenantId, 1, { timeZone: 'America/Los_Angeles' });
    await composed.deps.people.upsert(person);
    const start = new Date(composed.deps.clock.now().getTime() - 30 * 24 * 3600_000);
    await enrollPerson(composed.deps, { person, programId: program, start });
    const before = composed.deps.clock.now();
    // The cap counts a card as it goes on the outbound pipeline, so a burst never exceeds it.
    await deliverDueCards(composed.deps, tenantId, { holder: 'test' });

    const steps = (await composed.deps.dueWork.listForPerson(tenantId, person.id)).filter(
      (w) => w.kind === 'step',
    );
    const onTheWay = await Promise.all(
      steps.map((w) => composed.deps.outbound.recipient({ tenantId, key: dripKey(w) })),
    );
    expect(onTheWay.filter(Boolean)).toHaveLength(1); // the cap is one card a day
    const waiting = steps.filter((_, i) => !onTheWay[i]);
    expect(waiting.length).toBeGreaterThan(1);
    const losAngelesMidnight = DateTime.fromJSDate(before, { zone: 'America/Los_Angeles' })
      .plus({ days: 1 })
      .startOf('day')
      .toUTC()
      .toISO();
    for (const w of waiting) {
      expect(DateTime.fromISO(w.at).toUTC().toISO(), w.stepId).toBe(losAngelesMidnight);
      expect(DateTime.fromISO(w.at, { zone: 'UTC' }).hour).not.toBe(0); // never UTC midnight
    }
  });
});

describe('a time zone learned while others write', () => {
  /** A hire the directory sync has mirrored and enrolled, whose mailbox answers at once. */
  async function syncedHire(name: string, windowsZone: string): Promise<string> {
    await simControl(sim, '/faults', { mailboxProvisioningSeconds: 0 }, 'PUT');
    const id = await hire(name, windowsZone);
    await syncDirectory(dir.deps, tenantId);
    expect((await zoneOf(id)).check).toMatchObject({ status: 'waiting' });
    return id;
  }

  it('is kept when a directory sync rewrites the person between its read and its write', async () => {
    const sia = await syncedHire('Sia Sydney', 'AUS Eastern Standard Time');
    await simControl(sim, '/move', { tenantId, user: sia, department: 'IT' });
    // The time zone round runs (another role, another machine) after the sync read Sia's row and
    // before it writes the row back with the new department.
    const mirror = dir.deps.mirror;
    let rounds = 0;
    const racedMirror: typeof mirror = {
      get: (t, id) => mirror.get(t, id),
      registerTenant: (t) => mirror.registerTenant(t),
      putMany: async (t, rows) => {
        if (rounds++ === 0) expect(await learnTimeZones(learn, tenantId)).toMatchObject({ found: 1 });
        return mirror.putMany(t, rows);
      },
    };
    await syncDirectory({ ...dir.deps, mirror: racedMirror }, tenantId);
    expect(rounds).toBe(2); // Sia's row had changed: read and written again
    const stored = await composed.deps.people.get(tenantId, sia);
    expect(stored).toMatchObject({ timeZone: 'Australia/Sydney', department: 'IT' });
  });

  it('is recorded on a check another round wrote to first, keeping what that round wrote', async () => {
    const taro = await syncedHire('Taro Tokyo', 'Tokyo Standard Time');
    const checks = racing(
      dir.timeZoneChecks,
      1,
      async (row: Stored<TimeZoneCheck>) => {
        const current = (await dir.timeZoneChecks.get(tenantId, row.userId))!;
        expect(await dir.timeZoneChecks.update({ ...current, attempts: current.attempts + 1 })).toBe(
          'updated',
        );
      },
      (row) => row.userId === taro,
    );
    expect(await learnTimeZones({ ...learn, checks }, tenantId)).toEqual({ found: 1, waiting: 0, gaveUp: 0 });
    expect(checks.races()).toBe(1);
    expect(await zoneOf(taro)).toMatchObject({
      person: 'Asia/Tokyo',
      enrollment: 'Asia/Tokyo',
      check: { status: 'found', timeZone: 'Asia/Tokyo', attempts: 1 },
    });
  });

  it('moves an enrollment whose progress is recorded at the same moment, keeping that progress', async () => {
    const sol = await syncedHire('Sol Santiago', 'Pacific SA Standard Time');
    const answered = async (row: Stored<Enrollment>) => {
      const current = (await composed.deps.enrollments.get(tenantId, row.userId, row.programId))!;
      expect(
        await composed.deps.enrollments.update({ ...current, completedSteps: current.completedSteps + 1 }),
      ).toBe('updated');
    };
    const enrollments = racing(composed.deps.enrollments, 2, answered, (row) => row.userId === sol);
    expect(await learnTimeZones({ ...learn, enrollments }, tenantId)).toMatchObject({ found: 1 });
    expect(enrollments.races()).toBe(2);
    expect(await composed.deps.enrollments.get(tenantId, sol, program)).toMatchObject({
      timeZone: 'America/Santiago',
      completedSteps: 2,
    });
  });
});
