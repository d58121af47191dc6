import express from 'express';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { sandboxTabApp } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import { composeEffect } from '../../src/composeEffect.ts';
import { loadContent } from '../../src/content/loadContent.ts';
import type { EffectResponse } from '../../src/http/tabs/effect/contract.ts';
import { tabApiRouter } from '../../src/http/tabs/router.ts';
import { correlation } from '../../src/http/correlation.ts';
import { createSsoVerifier, requireTabSso } from '../../src/http/tabs/sso.ts';
import { createLogger } from '../../src/log/logger.ts';
import { TablePeopleStore } from '../../src/store/directory/peopleStore.ts';
import { TableEnrollmentStore } from '../../src/store/learning/enrollmentStore.ts';
import { TableStepStore } from '../../src/store/learning/stepStore.ts';
import { TableOutboundStatusStore } from '../../src/store/delivery/outboundStatusStore.ts';
import { TableLearningTimeStore } from '../../src/store/managers/learningTimeStore.ts';
import { TableManagerIndex } from '../../src/store/managers/managerIndexStore.ts';
import { TableLeaseStore } from '../../src/store/platform/leaseStore.ts';
import { StorageClients } from '../../src/store/platform/storageClients.ts';
import { ensureStorage, tableNames } from '../../src/store/platform/tables.ts';
import { catalogOf } from '../../src/usecases/learning/programCatalog.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { demo, demoPersonRows, startDemoSimulator, tabToken } from '../support/tabApi.ts';

/**
 * The Effect view's API on Azurite: only HR admins of the tenant get it (403 for a manager and a
 * learner, on every route), the figures come from the read model the aggregation computed from the
 * stored rows, and a group of four shows nothing while the same group of five shows its figures.
 */
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let server: http.Server;
let base: string;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
const tokens: Record<string, string> = {};
let enrollments: TableEnrollmentStore;
let steps: TableStepStore;
let people: TablePeopleStore;
let learningTime: TableLearningTimeStore;
let outboundStatus: TableOutboundStatusStore;
const PROGRAM = 'welcome-onboarding';
const tenantId = demoTenant.id;

beforeAll(async () => {
  [azurite, sim] = await Promise.all([startTestAzurite(), startDemoSimulator()]);
  const storage = new StorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  await ensureStorage(storage);
  people = new TablePeopleStore(
    storage.table(tableNames.people),
    storage.table(tableNames.tenants),
    new TableManagerIndex(storage.table(tableNames.managerIndex)),
  );
  for (const person of demoPersonRows()) await people.upsert(person);
  enrollments = new TableEnrollmentStore(storage.table(tableNames.learnerProgress));
  steps = new TableStepStore(storage.table(tableNames.learnerProgress));
  learningTime = new TableLearningTimeStore(storage.table(tableNames.learningTime));
  outboundStatus = new TableOutboundStatusStore(storage.table(tableNames.outboundStatus));
  const content = await loadContent('content');
  if (!content.ok) throw new Error('content does not load');
  const effect = composeEffect({
    storage,
    clock,
    programs: content.programs,
    catalog: catalogOf(content.programs),
    people,
    leases: new TableLeaseStore(storage.table(tableNames.leases)),
  });
  const verify = createSsoVerifier({
    authorityHost: sim.url,
    clientId: sandboxTabApp.clientId,
    servesTenant: (t) => t === demoTenant.id,
  });
  const app = express();
  app.use(correlation(createLogger('silent')));
  app.use('/api/tab', tabApiRouter({ authenticate: requireTabSso(verify), mounts: [effect.tabMount()] }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/tab`;
  for (const [name, id] of Object.entries(demo)) tokens[name] = await tabToken(sim, { user: id });
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await sim?.stop();
  await azurite?.child.stop();
});

async function call(who: string, method: string, path: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: method === 'POST' ? '{}' : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (res.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : undefined) as EffectResponse,
  };
}

/** A learner in a department of its own, with a manager of its own, who rated the start and did the first lesson. */
async function learnerWhoStarted(n: number) {
  const id = `0000000${n}-aaaa-4bbb-8ccc-00000000000${n}`;
  await people.upsert({
    tenantId,
    id,
    userPrincipalName: `learner${n}@drypp-kommune.example`,
    displayName: `Learner ${n}`,
    department: '=Kultur',
    managerId: demo.patti,
    timeZone: 'Europe/Oslo',
  });
  const at = clock.now().toISOString();
  await enrollments.create({
    tenantId,
    userId: id,
    programId: PROGRAM,
    programVersion: 3,
    status: 'active',
    enrolledAt: at,
    completedSteps: 2,
    totalSteps: 12,
  });
  const step = (stepId: string, extra: object) =>
    steps.create({
      tenantId,
      userId: id,
      programId: PROGRAM,
      programVersion: 3,
      stepId,
      dueAt: at,
      status: 'done',
      sentAt: at,
      doneAt: at,
      remindersSent: 0,
      attempts: 0,
      ...extra,
    });
  await step('where-you-start', {
    answer: JSON.stringify({ ratings: { 'finding-help': 2, 'digital-tools': 3, 'spotting-phishing': 2 } }),
  });
  await step('welcome', { pulseUseful: n % 2 === 0, pulseAt: at, pulseComment: `=comment ${n}` });
}

const welcome = (body: EffectResponse) => body.programs.find((p) => p.programId === PROGRAM)!;

describe('the Effect view in the Admin tab API', () => {
  it('refuses a manager and a learner on every route, before reading anything', async () => {
    for (const who of ['adele', 'alex']) {
      for (const [method, path] of [
        ['GET', '/admin/effect'],
        ['POST', '/admin/effect/refresh'],
        ['GET', '/admin/effect/export.csv'],
      ] as const) {
        const res = await call(who, method, path);
        expect([who, path, res.status]).toEqual([who, path, 403]);
      }
    }
  });

  it('says there are no figures yet before the first run', async () => {
    const res = await call('megan', 'GET', '/admin/effect');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ minGroupSize: 5, programs: [] });
    expect(res.json.at).toBeUndefined();
  });

  it('shows a group of four nothing, not even its size; at five it shows the figures', async () => {
    for (const n of [1, 2, 3, 4]) await learnerWhoStarted(n);
    const four = await call('megan', 'POST', '/admin/effect/refresh');
    expect(four.status).toBe(200);
    const program = welcome(four.json);
    expect(program.overall).toEqual({ shown: false });
    expect(program.departments).toEqual([{ name: '=Kultur', figures: { shown: false } }]);
    expect(program.managers).toEqual([{ name: 'Patti Fernandez', figures: { shown: false } }]);
    expect(program.statements.every((s) => !s.before.shown)).toBe(true);
    expect(program.steps.find((s) => s.stepId === 'welcome')!.pulse).toEqual({ shown: false });
    expect(four.text).not.toContain('comment');

    await learnerWhoStarted(5);
    offsetMs += 31_000; // "refresh now" recomputes at most every 30 s
    const five = welcome((await call('megan', 'POST', '/admin/effect/refresh')).json);
    expect(five.overall).toMatchObject({ shown: true, people: 5, value: { enrolled: 5, completed: 0 } });
    expect(five.departments[0]).toMatchObject({ name: '=Kultur', figures: { shown: true, people: 5 } });
    expect(five.statements.find((s) => s.statementId === 'digital-tools')!.before).toEqual({
      shown: true,
      people: 5,
      value: 3,
    });
    const pulse = five.steps.find((s) => s.stepId === 'welcome')!.pulse;
    expect(pulse).toMatchObject({ shown: true, people: 5, value: { usefulPercent: 40 } });
    // The view reads the stored figures: the same answer without a new run.
    expect(welcome((await call('megan', 'GET', '/admin/effect')).json)).toEqual(five);
  });

  it('counts the learning-time requests Patti decided and the nudges and thanks she sent', async () => {
    const learner = (n: number) => `0000000${n}-aaaa-4bbb-8ccc-00000000000${n}`;
    const asked = new Date(clock.now().getTime() - 5 * 3_600_000).toISOString();
    const decided = new Date(clock.now().getTime() - 2 * 3_600_000).toISOString();
    for (const n of [1, 2, 3, 4, 5]) {
      await learningTime.create({
        tenantId,
        id: `request-${n}`,
        learnerId: learner(n),
        managerId: demo.patti,
        date: '2026-12-20',
        minutes: 60,
        purpose: { kind: 'program', programId: PROGRAM },
        // The first is still waiting; the second was denied, the others approved, 3 hours after asking.
        status: n === 1 ? 'pending' : n === 2 ? 'denied' : 'approved',
        createdAt: asked,
        timeZone: 'Europe/Oslo',
        ...(n === 1 ? {} : { decidedAt: decided, decidedBy: demo.patti, decidedIn: 'tab' as const }),
        followUp: false,
      });
    }
    const card = (n: number, kind: string, status: 'sent' | 'failed') => ({
      tenantId,
      key: `${kind}|${learner(n)}|2026-W49`,
      userId: learner(n),
      kind,
      ref: { managerId: demo.patti },
      status,
      attempts: 1,
      enqueuedAt: asked,
      ...(status === 'sent' ? { sentAt: asked } : { reason: 'botBlocked' }),
    });
    await outboundStatus.create([
      ...[1, 2, 3, 4, 5].map((n) => card(n, 'nudge', 'sent')),
      card(1, 'recognition', 'sent'),
      // Not delivered: not counted as sent.
      card(2, 'recognition', 'failed'),
    ]);
    offsetMs += 31_000;
    const body = (await call('megan', 'POST', '/admin/effect/refresh')).json;
    const requests = {
      shown: true,
      people: 5,
      value: { asked: 5, decided: 4, approved: 3, denied: 1, medianHoursToDecision: 3 },
    };
    expect(welcome(body).learningTime).toEqual(requests);
    const figures = {
      shown: true,
      people: 5,
      value: {
        requests,
        cards: { shown: true, people: 5, value: { nudges: 5, recognitions: 1 } },
        // Nobody had a check-in yet.
        checkins: { shown: false },
      },
    };
    expect(body.involvement).toEqual({
      overall: figures,
      departments: [{ name: '=Kultur', figures }],
      managers: [{ name: 'Patti Fernandez', figures }],
    });
    expect((await call('megan', 'GET', '/admin/effect')).json.involvement).toEqual(body.involvement);
  });

  it('exports the same figures as CSV, hidden figures as "fewer than 5" and names neutralised', async () => {
    const res = await call('megan', 'GET', '/admin/effect/export.csv');
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toMatch(/^program,level,name,people,enrolled/);
    expect(lines[0]).toContain(
      'learning-time requests,requests decided,requests approved,requests denied,median hours to decision,check-ins asked,check-ins answered,nudges sent,thanks sent',
    );
    expect(lines).toContain(
      'all programs,manager,Patti Fernandez,5,,,,,,,,,,,,5,4,3,1,3,fewer than 5,fewer than 5,5,1',
    );
    expect(lines.some((l) => l.startsWith("Welcome to your new job,department,'=Kultur,5,5,0,"))).toBe(true);
    // A program nobody is enrolled in hides everything.
    expect(lines.some((l) => /^Smoke diving,program,Smoke diving,fewer than 5,fewer than 5/.test(l))).toBe(
      true,
    );
  });
});
