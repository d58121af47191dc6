import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import type { Composed } from '../../src/compose.ts';
import type { TabErrorBody } from '../../src/http/tabs/contract.ts';
import type {
  MarkAttendanceResponse,
  SessionRostersResponse,
} from '../../src/http/tabs/sessions/contract.ts';
import type { RunningDrypp } from '../../src/main.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { pickSession } from '../../src/usecases/sessions/pickSession.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startFakeConnector } from '../support/fakeConnector.ts';
import { composeForTest, testPerson } from '../support/learningFixtures.ts';
import { demo, seedDemoTeam } from '../support/managersFixtures.ts';
import { demoPersonRows, otherTenant, startDemoSimulator, tabToken } from '../support/tabApi.ts';
import { alwaysWorkingEnv, startTestDrypp } from '../support/testDrypp.ts';

/**
 * Attendance in the tab, through Drypp's HTTP server with real SSO tokens from the simulator: each
 * instructor sees the rosters of their own sessions, a manager sees their own people's bookings and
 * nobody else's, a learner sees none; marking is refused (403) to anyone the session policy refuses,
 * waits for the session to begin, completes the step, and is safe to send twice.
 */
const tenantId = demoTenant.id;
const programId = 'two-instructors';
const stepId = 'hose-drill';
/** Reports to Megan, not to Adele: Adele must not see her booking. */
const dana = testPerson(tenantId, 300, { displayName: 'Dana Crew', managerId: demo.megan });
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let drypp: RunningDrypp;
let composed: Composed;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let base: string;

beforeAll(async () => {
  [azurite, sim, connector] = await Promise.all([
    startTestAzurite(),
    startDemoSimulator(),
    startFakeConnector(),
  ]);
  const env = {
    ...alwaysWorkingEnv,
    DRYPP_CONTENT_DIR: 'test/fixtures/content-sessions',
    DRYPP_TAB_CLIENT_ID: sandboxTabApp.clientId,
    DRYPP_AUTHORITY_HOST: sim.url,
    DRYPP_TENANTS: tenantId,
  };
  composed = await composeForTest(azurite.connectionString, env);
  await seedDemoTeam(composed, connector.url);
  await composed.deps.people.upsert(dana);
  // Alex and Dana at Isaiah's session, Lynne at Patti's: booked as the learners do in the card.
  const lynne = demoPersonRows().find((p) => p.id === demo.lynne)!;
  const alex = demoPersonRows().find((p) => p.id === demo.alex)!;
  for (const [person, sessionId] of [
    [alex, 'isaiah-morning'],
    [dana, 'isaiah-morning'],
    [lynne, 'patti-online'],
  ] as const) {
    expect((await enrollPerson(composed.deps, { person, programId })).kind).toBe('enrolled');
    const state = (await composed.deps.steps.get(tenantId, person.id, programId, stepId))!;
    await composed.deps.steps.update({ ...state, status: 'sent', sentAt: state.dueAt });
    const picked = await pickSession(
      { ...composed.deps, sessions: composed.sessions },
      {
        actor: { tenantId, userId: person.id, roles: ['learner'] },
        tenantId,
        programId,
        programVersion: 1,
        stepId,
        learnerId: person.id,
        sessionId,
      },
    );
    expect(picked.kind).toBe('booked');
  }
  // Web and worker in one process: the worker's rounds keep its clock in step with the sandbox clock.
  drypp = await startTestDrypp(azurite.connectionString, env);
  base = `http://127.0.0.1:${drypp.port}/api/tab`;
}, 90_000);
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

async function call<T>(method: 'GET' | 'POST', path: string, user: string, body?: unknown, tenant?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tabToken(sim, { user, ...(tenant ? { tenantId: tenant } : {}) })}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}
const rosters = async (user: string) =>
  (await call<SessionRostersResponse>('GET', '/sessions', user)).body.sessions;
/** Who is listed on each session, by session id. */
const listed = async (user: string) =>
  Object.fromEntries(
    (await rosters(user)).map((s) => [s.sessionId, s.people.map((p) => p.displayName).sort()]),
  );
const mark = (user: string, learnerId: string, sessionId: string, attended: boolean) =>
  call<MarkAttendanceResponse & TabErrorBody>('POST', '/sessions/attendance', user, {
    programId,
    stepId,
    sessionId,
    learnerId,
    attended,
  });
const stepStatus = async (userId: string) =>
  (await composed.deps.steps.get(tenantId, userId, programId, stepId))?.status;

describe('attendance in the tab', () => {
  it('each instructor sees their own session with everyone booked; a manager only their people', async () => {
    expect(await listed(demo.isaiah)).toEqual({ 'isaiah-morning': ['Alex Wilber', 'Dana Crew'] });
    expect(await listed(demo.patti)).toEqual({ 'patti-online': ['Lynne Robbins'] });
    expect(await listed(demo.adele)).toEqual({
      'isaiah-morning': ['Alex Wilber'],
      'patti-online': ['Lynne Robbins'],
    });
    const [isaiahs] = await rosters(demo.isaiah);
    expect(isaiahs).toMatchObject({
      title: 'Live session: hose drill',
      programTitle: 'Hose drill',
      startsAt: '2027-02-09T08:00:00.000Z',
      where: 'The yard, main fire station',
      online: false,
      started: false,
    });
    expect(isaiahs!.people.every((p) => p.status === 'booked' && p.actions.length === 0)).toBe(true);
    expect((await rosters(demo.patti))[0]).toMatchObject({ online: true });
    // A learner, and someone of another tenant, see no roster at all.
    expect(await rosters(demo.alex)).toEqual([]);
    const outside = await call<SessionRostersResponse>(
      'GET',
      '/sessions',
      otherTenant.users![0]!.userPrincipalName,
      undefined,
      otherTenant.id,
    );
    expect([401, 403]).toContain(outside.status);
  });

  it('before the session begins, marking waits; nobody but the instructor or manager may mark', async () => {
    expect((await mark(demo.isaiah, demo.alex, 'isaiah-morning', true)).body).toMatchObject({
      outcome: 'notStarted',
    });
    await composed.adjustableClock!.advance(
      Date.parse('2027-02-10T14:00:00Z') - composed.deps.clock.now().getTime(),
    );
    const deadline = Date.now() + 15_000;
    while (!(await rosters(demo.isaiah))[0]?.started) {
      if (Date.now() > deadline) throw new Error('Drypp never saw the sandbox clock move');
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const [who, learner, session] of [
      [demo.alex, demo.alex, 'isaiah-morning'], // never oneself
      [demo.lynne, demo.alex, 'isaiah-morning'], // a colleague
      [demo.patti, demo.alex, 'isaiah-morning'], // another session's instructor
      [demo.adele, dana.id, 'isaiah-morning'], // a manager, but not Dana's
      [demo.isaiah, demo.lynne, 'isaiah-morning'], // Lynne has no place at Isaiah's session
    ] as const) {
      const refused = await mark(who, learner, session, true);
      expect(refused.status, `${who} marking ${learner}`).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    // Her manager may know where Lynne has her place: not at Isaiah's session.
    expect((await mark(demo.adele, demo.lynne, 'isaiah-morning', true)).body).toEqual({
      outcome: 'notBooked',
    });
    expect(await stepStatus(demo.alex)).toBe('sent');
    expect(await stepStatus(dana.id)).toBe('sent');
    const bad = await mark(demo.isaiah, 'not-a-guid', 'isaiah-morning', true);
    expect(bad.status).toBe(400);
  });

  it('the instructor marks attended (the step is done), the manager marks absent; replays change nothing', async () => {
    const marked = await mark(demo.isaiah, demo.alex, 'isaiah-morning', true);
    expect(marked).toMatchObject({
      status: 200,
      body: { outcome: 'marked', person: { displayName: 'Alex Wilber', status: 'attended' } },
    });
    expect(await stepStatus(demo.alex)).toBe('done');
    expect((await mark(demo.isaiah, demo.alex, 'isaiah-morning', true)).body.outcome).toBe('marked');
    expect((await mark(demo.adele, demo.alex, 'isaiah-morning', false)).body.outcome).toBe('alreadyAttended');
    expect((await mark(demo.adele, demo.lynne, 'patti-online', false)).body).toMatchObject({
      outcome: 'marked',
      person: { status: 'absent' },
    });
    expect(await stepStatus(demo.lynne)).toBe('sent');
    const isaiahs = (await rosters(demo.isaiah))[0]!;
    const rows = isaiahs.people.map((p) => [p.displayName, p.status, p.actions]);
    expect(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['Alex Wilber', 'attended', ['markAttendance']],
      ['Dana Crew', 'booked', ['markAttendance']],
    ]);
  });
});
