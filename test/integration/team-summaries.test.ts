import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import type { Composed } from '../../src/compose.ts';
import type { Person } from '../../src/domain/directory/person.ts';
import { TabPresenter } from '../../src/http/tabs/presentTab.ts';
import { TableDirectoryMirror } from '../../src/store/directory/directoryMirror.ts';
import { TableStepStore } from '../../src/store/learning/stepStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { withdrawEnrollment } from '../../src/usecases/learning/enrolling/withdrawEnrollment.ts';
import { repairTeamSummariesJob } from '../../src/jobs/teamSummaryJobs.ts';
import { createLogger } from '../../src/log/logger.ts';
import { rebuildTeamSummaries } from '../../src/usecases/managers/team/rebuildTeamSummaries.ts';
import { showMyTeam, type MyTeamOutcome } from '../../src/usecases/managers/team/showMyTeam.ts';
import type { TeamReadDeps } from '../../src/usecases/managers/team/teamReadDeps.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { runDrypp } from '../support/dryppCli.ts';
import { composeForTest, testPerson } from '../support/learningFixtures.ts';
import { teamFromSources } from '../support/teamFromSources.ts';

/**
 * My team's read model against the sources it is derived from: after every kind of change (an
 * enrollment, a step done, a quiz failed twice, a withdrawal, reachability, a rename, a move between
 * teams with the people below, a disabled account, a pending request), every manager's team read from
 * the summaries is exactly the team computed the old way, from each person's partition. A rebuild
 * repairs summaries that drifted and rebuilds them from nothing, identically.
 */
const TENANT = '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const DAY = 86_400_000;
const NOW = new Date();
let azurite: AzuriteInstance;
let composed: Composed;
let reads: TeamReadDeps;

const person = (n: number, name: string, managerId?: string): Person =>
  testPerson(TENANT, n, { displayName: name, managerId, jobTitle: `Title ${n}`, department: 'Care' });
// Top manages Anna and Bo; Anna manages Cecilie and Dag; Cecilie manages Eli; Bo manages Frida.
const top = person(1, 'Top');
const anna = person(2, 'Anna', top.id);
const bo = person(3, 'Bo', top.id);
const cecilie = person(4, 'Cecilie', anna.id);
const dag = person(5, 'Dag', anna.id);
const eli = person(6, 'Eli', cecilie.id);
const frida = person(7, 'Frida', bo.id);
const managers = [top, anna, bo, cecilie];

beforeAll(async () => {
  azurite = await startTestAzurite();
  composed = await composeForTest(azurite.connectionString);
  // Reports before their managers, as a first sync may write them: the manager's arrival moves them in.
  for (const p of [eli, cecilie, dag, frida, anna, bo, top]) await composed.deps.people.upsert(p);
  reads = {
    ...composed.deps,
    defaultTimeZone: 'Europe/Oslo',
    clock: { now: () => NOW },
    managerIndex: composed.managerIndex,
    teamSummaries: composed.teamSummaries.teamSummaries,
  };
});
afterAll(async () => {
  await azurite?.child.stop();
});

/** What the tab would answer, for the read model and for the sources. */
async function answers(managerId: string) {
  const caller = { tenantId: TENANT, userId: managerId, appRoles: [] };
  const present = (outcome: MyTeamOutcome) =>
    outcome.kind === 'shown'
      ? new TabPresenter(reads.catalog, 'en').myTeam(outcome.team, NOW)
      : { notAllowed: true };
  return {
    summaries: present(await showMyTeam(reads, caller)),
    sources: present(await teamFromSources(reads, caller)),
  };
}

async function expectEveryTeamAsTheSources() {
  for (const m of managers) {
    const { summaries, sources } = await answers(m.id);
    expect(summaries, `${m.displayName}'s team`).toEqual(sources);
  }
}

const enroll = (p: Person, programId: string, daysAgo: number) =>
  enrollPerson(composed.deps, { person: p, programId, start: new Date(NOW.getTime() - daysAgo * DAY) });

async function step(p: Person, programId: string, kind: string) {
  const program = reads.catalog.find(programId)!;
  const stepId = program.steps.find((s) => s.kind === kind)!.id;
  return (await composed.deps.steps.get(TENANT, p.id, programId, stepId))!;
}

async function peopleIn(managerId: string) {
  const outcome = await showMyTeam(reads, { tenantId: TENANT, userId: managerId, appRoles: [] });
  return outcome.kind === 'shown'
    ? outcome.team.members.map((m) => [m.member.displayName, m.member.depth])
    : [];
}

describe('My team read from its summaries', () => {
  it('lists every level below each manager, as the directory has it', async () => {
    expect(await peopleIn(top.id)).toEqual([
      ['Anna', 1],
      ['Bo', 1],
      ['Cecilie', 2],
      ['Dag', 2],
      ['Frida', 2],
      ['Eli', 3],
    ]);
    await expectEveryTeamAsTheSources();
  });

  it('follows enrollments, steps done, a quiz failed twice and a withdrawal', async () => {
    await enroll(cecilie, 'welcome-onboarding', 30);
    await enroll(eli, 'welcome-onboarding', 3);
    await enroll(dag, 'leading-digital-workplace', 20);
    await enroll(frida, 'welcome-onboarding', 40);
    await expectEveryTeamAsTheSources();

    const lesson = await step(cecilie, 'welcome-onboarding', 'lesson');
    await composed.deps.steps.update({
      ...lesson,
      status: 'done',
      doneAt: new Date(NOW.getTime() - 2 * DAY).toISOString(),
    });
    const quiz = await step(eli, 'welcome-onboarding', 'quiz');
    await composed.deps.steps.update({ ...quiz, status: 'sent', attempts: 2, lastScore: 0 });
    await withdrawEnrollment(composed.deps, {
      tenantId: TENANT,
      userId: dag.id,
      programId: 'leading-digital-workplace',
    });
    const { summaries } = await answers(top.id);
    expect(summaries).toMatchObject({
      needsYou: expect.arrayContaining([
        expect.objectContaining({ personId: eli.id, reason: 'quizFailedTwice' }),
        expect.objectContaining({ personId: cecilie.id, reason: 'overdueMandatory' }),
      ]),
    });
    await expectEveryTeamAsTheSources();
  });

  it('follows a step and its enrollment written together, as an answer writes them', async () => {
    const { enrollment, steps } = await composed.deps.progress.load(TENANT, frida.id, 'welcome-onboarding');
    const lesson = steps.find((s) => s.status !== 'done')!;
    const doneAt = new Date(NOW.getTime() - DAY).toISOString();
    await composed.deps.progress.saveStepAndEnrollment(
      { ...lesson, status: 'done', doneAt },
      { ...enrollment!, completedSteps: enrollment!.completedSteps + 1, lastActiveAt: doneAt },
    );
    const frid = (await answers(bo.id)).summaries;
    expect(frid).toMatchObject({
      people: [expect.objectContaining({ id: frida.id, lastActivityAt: doneAt })],
    });
    await expectEveryTeamAsTheSources();
  });

  it('follows reachability of a new hire no card has reached yet', async () => {
    const hire = person(8, 'Gro', bo.id);
    await composed.deps.people.upsert(hire);
    await composed.deps.reachability.create({
      tenantId: TENANT,
      userId: hire.id,
      stage: 'detected',
      detectedAt: NOW.toISOString(),
      attempts: 0,
    });
    const detected = (await composed.deps.reachability.get(TENANT, hire.id))!;
    await composed.deps.reachability.update({
      ...detected,
      stage: 'appInstalled',
      appInstalledAt: NOW.toISOString(),
    });
    expect((await answers(bo.id)).summaries).toMatchObject({
      people: expect.arrayContaining([
        expect.objectContaining({ id: hire.id, reachability: 'appInstalled' }),
      ]),
    });
    await expectEveryTeamAsTheSources();
  });

  it('follows a rename and a pending request', async () => {
    await composed.deps.people.upsert({ ...dag, displayName: 'Dag Renamed', jobTitle: 'Lead' });
    await composed.deps.learningTime.create({
      tenantId: TENANT,
      id: 'request-1',
      learnerId: eli.id,
      managerId: cecilie.id,
      date: '2030-01-02',
      minutes: 30,
      purpose: { kind: 'text', text: 'first aid' },
      status: 'pending',
      createdAt: NOW.toISOString(),
      timeZone: 'Europe/Oslo',
      followUp: false,
    });
    expect(await peopleIn(anna.id)).toContainEqual(['Dag Renamed', 1]);
    await expectEveryTeamAsTheSources();
  });

  it('reads copies written before the list kept its own facts (no `view` column) as the sources', async () => {
    // The code before wrote each copy with its `learning` column only: take `view` off every other copy.
    const summaries = composed.storage.table(tableNames.teamSummaries);
    let stripped = 0;
    let kept = 0;
    for await (const row of summaries.listEntities<Record<string, unknown>>()) {
      if (row.rowType !== 'member') continue;
      if ((stripped + kept) % 2 === 1) {
        kept++;
        continue;
      }
      const { etag: _etag, timestamp: _timestamp, view, ...old } = row;
      expect(typeof view).toBe('string');
      await summaries.updateEntity(
        { ...old, partitionKey: row.partitionKey!, rowKey: row.rowKey! },
        'Replace',
      );
      stripped++;
    }
    expect(stripped).toBeGreaterThan(3);
    expect(kept).toBeGreaterThan(3);
    await expectEveryTeamAsTheSources();
  });

  it('moves a person, and everyone below them, to their new manager’s team', async () => {
    // Cecilie (with Eli below her) moves from Anna to Bo.
    await composed.deps.people.upsert({ ...cecilie, managerId: bo.id });
    expect(await peopleIn(anna.id)).toEqual([['Dag Renamed', 1]]);
    expect(await peopleIn(bo.id)).toEqual([
      ['Cecilie', 1],
      ['Frida', 1],
      ['Gro', 1],
      ['Eli', 2],
    ]);
    await expectEveryTeamAsTheSources();
  });

  it('drops a disabled account, and those below it, from the lists above', async () => {
    const mirror = new TableDirectoryMirror(
      composed.storage.table(tableNames.people),
      composed.storage.table(tableNames.tenants),
      composed.managerIndex,
    );
    // As directory sync writes it: guarded by the row's ETag as read.
    const stored = (await mirror.get(TENANT, cecilie.id))!;
    await mirror.putMany(TENANT, [
      { ...stored, person: { ...stored.person, accountEnabled: false }, previousManagerId: bo.id },
    ]);
    expect(await peopleIn(bo.id)).toEqual([
      ['Frida', 1],
      ['Gro', 1],
    ]);
    expect(await peopleIn(cecilie.id)).toEqual([['Eli', 1]]);
    await expectEveryTeamAsTheSources();
  });
});

describe('rebuilding the summaries from the sources', () => {
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        [top, anna, bo, cecilie].map(async (m) => [
          m.id,
          (await composed.teamSummaries.teamSummaries.listTeam(TENANT, m.id))
            .map(({ version: _v, ...rest }) => rest)
            .sort((a, b) => a.personId.localeCompare(b.personId)),
        ]),
      ),
    );

  it('repairs a summary that missed a change, a lost copy and a stray copy', async () => {
    const incremental = await snapshot();
    // A write that bypassed the summaries (a crash between the two), a copy lost, a copy that should not be.
    const raw = new TableStepStore(composed.storage.table(tableNames.learnerProgress));
    const missed = await step(frida, 'welcome-onboarding', 'quiz');
    await raw.update({ ...missed, attempts: 2, lastScore: 0, status: 'sent' });
    const summaries = composed.storage.table(tableNames.teamSummaries);
    const lost = (await composed.teamSummaries.teamSummaries.listTeam(TENANT, top.id))[0]!;
    await summaries.deleteEntity(`${TENANT}|${top.id}`, `m|${lost.personId}`);
    await composed.teamSummaries.teamSummaries.putMember(TENANT, anna.id, {
      ...lost,
      personId: frida.id,
      displayName: 'Frida',
      version: 1,
    });
    expect(await peopleIn(anna.id)).toContainEqual(['Frida', 1]);

    const report = await rebuildTeamSummaries(composed.teamSummaries, TENANT, NOW);
    expect(report).toMatchObject({ people: 8, strayCopies: 1 });
    expect(await peopleIn(anna.id)).toEqual([['Dag Renamed', 1]]);
    expect((await answers(bo.id)).summaries).toMatchObject({
      needsYou: expect.arrayContaining([
        expect.objectContaining({ personId: frida.id, reason: 'quizFailedTwice' }),
      ]),
    });
    await expectEveryTeamAsTheSources();
    // Apart from the missed quiz, the rebuild wrote what the live refreshes had written.
    const rebuilt = await snapshot();
    expect(rebuilt[top.id]!.filter((r: { personId: string }) => r.personId !== frida.id)).toEqual(
      incremental[top.id]!.filter((r: { personId: string }) => r.personId !== frida.id),
    );
  });

  it('builds the same summaries from nothing', async () => {
    const before = await snapshot();
    const summaries = composed.storage.table(tableNames.teamSummaries);
    for await (const row of summaries.listEntities())
      await summaries.deleteEntity(row.partitionKey!, row.rowKey!);
    expect(await peopleIn(top.id)).toEqual([]);
    await rebuildTeamSummaries(composed.teamSummaries, TENANT, NOW);
    expect(await snapshot()).toEqual(before);
    await expectEveryTeamAsTheSources();
  });

  it('is what `drypp team-summaries rebuild` does', async () => {
    const before = await snapshot();
    const summaries = composed.storage.table(tableNames.teamSummaries);
    for await (const row of summaries.listEntities())
      await summaries.deleteEntity(row.partitionKey!, row.rowKey!);
    const run = await runDrypp(['team-summaries', 'rebuild', '--tenant', TENANT], {
      env: { ...process.env, DRYPP_MODE: 'test', DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString },
    });
    expect(run).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Rebuilt the team summaries of 8 people/),
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a large directory change', () => {
  it('asks the repair job for a rebuild, which brings everyone in', async () => {
    const mirror = new TableDirectoryMirror(
      composed.storage.table(tableNames.people),
      composed.storage.table(tableNames.tenants),
      composed.managerIndex,
    );
    const hires = Array.from({ length: 60 }, (_, i) => person(100 + i, `Hire ${i}`, dag.id));
    await mirror.putMany(
      TENANT,
      hires.map((h) => ({ person: { ...h, accountEnabled: true, userType: 'Member' as const } })),
    );
    const store = composed.teamSummaries.teamSummaries;
    expect(await store.rebuildRequest(TENANT)).toBeDefined();
    expect(await peopleIn(dag.id)).toEqual([]);

    const job = repairTeamSummariesJob(
      { ...composed.deps, ...composed.teamSummaries },
      createLogger('silent'),
    );
    await job.runOnce();
    expect(await peopleIn(dag.id)).toHaveLength(60);
    expect(await store.rebuildRequest(TENANT)).toBeUndefined();
    managers.push(dag);
    await expectEveryTeamAsTheSources();
  });
});
