import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { sandboxGraphApp, sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import { loadConfig } from '../../src/config/config.ts';
import type {
  MeResponse,
  MyLearningResponse,
  MyTeamResponse,
  PersonDetailResponse,
  TabErrorBody,
} from '../../src/http/tabs/contract.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { enrollPerson } from '../../src/usecases/learning/enrolling/enrollPerson.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { demo, demoPersonRows, otherTenant, startDemoSimulator, tabToken } from '../support/tabApi.ts';
import type { Composed } from '../../src/compose.ts';

let azurite: AzuriteInstance;
let sim: RunningSimulator;
let drypp: RunningDrypp;
let composed: Composed;
let base: string;
const DAY = 86_400_000;
const SHARED_TEXT = 'I will ask for help sooner';
const PRIVATE_TEXT = 'Something I keep to myself';

beforeAll(async () => {
  [azurite, sim] = await Promise.all([startTestAzurite(), startDemoSimulator()]);
  const env = {
    DRYPP_TAB_CLIENT_ID: sandboxTabApp.clientId,
    DRYPP_AUTHORITY_HOST: sim.url,
    DRYPP_TENANTS: demoTenant.id,
  };
  composed = await composeForTest(azurite.connectionString, env);
  for (const person of demoPersonRows()) await composed.deps.people.upsert(person);
  // Alex started the mandatory onboarding a month ago and has done nothing: overdue items.
  const alex = demoPersonRows()[0]!;
  await enrollPerson(composed.deps, {
    person: alex,
    programId: 'welcome-onboarding',
    start: new Date(Date.now() - 30 * DAY),
  });
  // Alex shares his reflection with his manager; Lynne keeps hers to herself.
  const lynne = demoPersonRows()[5]!;
  await enrollPerson(composed.deps, {
    person: lynne,
    programId: 'welcome-onboarding',
    start: new Date(Date.now() - 30 * DAY),
  });
  const reflection = composed.deps.catalog
    .find('welcome-onboarding')!
    .steps.find((s) => s.kind === 'reflection')!;
  for (const [userId, text, shared] of [
    [demo.alex, SHARED_TEXT, true],
    [demo.lynne, PRIVATE_TEXT, false],
  ] as const) {
    const state = (await composed.deps.steps.get(
      demoTenant.id,
      userId,
      'welcome-onboarding',
      reflection.id,
    ))!;
    await composed.deps.steps.update({
      ...state,
      status: 'done',
      doneAt: new Date(Date.now() - DAY).toISOString(),
      answer: JSON.stringify({ text }),
      sharedWithManager: shared,
    });
  }
  const config = loadConfig({
    DRYPP_MODE: 'test',
    PORT: '0',
    DRYPP_ROLES: 'web',
    DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
    ...env,
  });
  drypp = await startDrypp(config, createLogger('silent'));
  base = `http://127.0.0.1:${drypp.port}/api/tab`;
});
afterAll(async () => {
  await drypp?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

const get = (path: string, token?: string) =>
  fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const tokenFor = (user: string) => tabToken(sim, { user });

describe('tab API: roles and reads', () => {
  it('names the caller, their roles and actions', async () => {
    const megan = (await (await get('/me', await tokenFor(demo.megan))).json()) as MeResponse;
    expect(megan.user).toMatchObject({ id: demo.megan, displayName: 'Megan Bowen' });
    expect(megan.roles).toEqual(['learner', 'manager', 'hrAdmin']);
    expect(megan.actions).toEqual(['viewMyLearning', 'requestLearningTime', 'viewMyTeam', 'viewAdmin']);
    const alex = (await (await get('/me', await tokenFor(demo.alex))).json()) as MeResponse;
    expect(alex.roles).toEqual(['learner']);
    expect(alex.actions).toEqual(['viewMyLearning', 'requestLearningTime']);
  });

  it('shows a learner their own learning, with what is overdue', async () => {
    const res = await get('/my-learning', await tokenFor(demo.alex));
    expect(res.status).toBe(200);
    const body = (await res.json()) as MyLearningResponse;
    expect(body.programs).toHaveLength(1);
    const [onboarding] = body.programs;
    expect(onboarding).toMatchObject({ programId: 'welcome-onboarding', mandatory: true, status: 'active' });
    expect(onboarding!.overdue.length).toBeGreaterThan(3);
    expect(onboarding!.overdue[0]!.title).not.toBe('');
  });

  it('shows a manager their direct and indirect reports, with who needs them', async () => {
    const res = await get('/my-team', await tokenFor(demo.megan));
    expect(res.status).toBe(200);
    const team = (await res.json()) as MyTeamResponse;
    expect(team.people.map((p) => [p.displayName, p.depth])).toEqual([
      ['Adele Vance', 1],
      ['Isaiah Langer', 1],
      ['Patti Fernandez', 1],
      ['Alex Wilber', 2],
      ['Lynne Robbins', 2],
    ]);
    const alex = team.people.find((p) => p.id === demo.alex)!;
    expect(alex.overdueMandatoryCount).toBeGreaterThan(3);
    expect(alex.actions).toEqual(['viewPerson', 'nudge', 'recognize']);
    expect(team.needsYou).toContainEqual(
      expect.objectContaining({
        personId: demo.alex,
        reason: 'overdueMandatory',
        programId: 'welcome-onboarding',
      }),
    );
    expect(team.weeklyActivity).toHaveLength(12);
  });

  it("opens a report's drill-down", async () => {
    const res = await get(`/my-team/people/${demo.alex}`, await tokenFor(demo.adele));
    expect(res.status).toBe(200);
    const detail = (await res.json()) as PersonDetailResponse;
    expect(detail.person).toMatchObject({ id: demo.alex, depth: 1 });
    expect(detail.programs[0]!.steps.length).toBeGreaterThan(5);
    expect(detail.learningMinutes).toHaveLength(6);
    expect(detail.reflections.map((r) => r.text)).toEqual([SHARED_TEXT]);
    const lynne = (await (
      await get(`/my-team/people/${demo.lynne}`, await tokenFor(demo.adele))
    ).json()) as PersonDetailResponse;
    expect(lynne.programs[0]!.steps.some((s) => s.kind === 'reflection' && s.status === 'done')).toBe(true);
    expect(lynne.reflections).toEqual([]);
    expect(JSON.stringify(lynne)).not.toContain(PRIVATE_TEXT);
  });
});

describe('tab API: security', () => {
  it('refuses a manager anyone outside their reports, with no detail about the person', async () => {
    const adele = await tokenFor(demo.adele);
    const outside = await get(`/my-team/people/${demo.isaiah}`, adele);
    const upward = await get(`/my-team/people/${demo.megan}`, adele);
    const nobody = await get('/my-team/people/5f1c8e0a-2d3b-4c6e-9a7f-00000000dead', adele);
    const self = await get(`/my-team/people/${demo.adele}`, adele);
    const bodies = await Promise.all([outside, upward, nobody, self].map((r) => r.text()));
    expect([outside.status, upward.status, nobody.status, self.status]).toEqual([403, 403, 403, 403]);
    // Byte for byte the same answer: whether the person exists, or who they are, does not leak.
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toMatch(/Isaiah|Megan|isaiahl|meganb/i);
    expect((JSON.parse(bodies[0]!) as TabErrorBody).error.code).toBe('forbidden');
  });

  it('does not open the team drill-down to an HR admin for someone who is not their report', async () => {
    // Megan holds Drypp.Admin; she is not her own report.
    const res = await get(`/my-team/people/${demo.megan}`, await tokenFor(demo.megan));
    expect(res.status).toBe(403);
  });

  it('refuses My team to a learner with no reports', async () => {
    const res = await get('/my-team', await tokenFor(demo.alex));
    expect(res.status).toBe(403);
    expect(((await res.json()) as TabErrorBody).error.code).toBe('forbidden');
  });

  it('answers 401 to every token it must not accept, and changes nothing', async () => {
    const before = await rowCounts();
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({
      aud: sandboxTabApp.clientId,
      iss: `${sim.url}/${demoTenant.id}/v2.0`,
      tid: demoTenant.id,
      oid: demo.megan,
      scp: 'access_as_user',
      roles: ['Drypp.Admin'],
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: sim.state.secrets.kid })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    const refused: Record<string, string | undefined> = {
      none: undefined,
      garbage: 'not-a-jwt',
      otherTenant: await tabToken(sim, { tenantId: otherTenant.id, user: 'outside@elsewhere.example' }),
      expired: await tabToken(sim, { user: demo.megan, ageSeconds: 7200, lifetimeSeconds: 3600 }),
      notYetValid: await tabToken(sim, { user: demo.megan, ageSeconds: -600 }),
      forged,
      wrongAudience: await tabToken(sim, { user: demo.megan, clientId: sandboxGraphApp.clientId }),
      missingScope: await tabToken(sim, { user: demo.megan, scopes: ['User.Read'] }),
    };
    for (const [kind, token] of Object.entries(refused)) {
      for (const call of [
        get('/my-team', token),
        fetch(`${base}/learning-time-requests`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ date: '2030-01-01', minutes: 60, purpose: 'x' }),
        }),
      ]) {
        const res = await call;
        expect({ kind, status: res.status }).toEqual({ kind, status: 401 });
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(((await res.json()) as TabErrorBody).error.code).toBe('unauthorized');
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts the same caller with a proper token (the refusals above are about the token)', async () => {
    expect((await get('/my-team', await tokenFor(demo.megan))).status).toBe(200);
  });

  it('validates inputs with size limits (400)', async () => {
    const token = await tokenFor(demo.megan);
    const badId = await get('/my-team/people/not-an-id', token);
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as TabErrorBody).error.code).toBe('invalid');
    const post = (body: string) =>
      fetch(`${base}/learning-time-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
    const tooLarge = await post(JSON.stringify({ purpose: 'x'.repeat(20_000) }));
    expect(tooLarge.status).toBe(400);
    expect(((await tooLarge.json()) as TabErrorBody).error.code).toBe('invalid');
    const notJson = await post('{"date": ');
    expect(notJson.status).toBe(400);
  });
});

/** Row counts of every Drypp table: a refused call must leave all of them as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of Object.values(tableNames)) {
    let n = 0;
    for await (const _row of composed.storage.table(name).listEntities()) n++;
    counts[name] = n;
  }
  return counts;
}
