import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import { freePort } from '../../sandbox/ports.ts';
import { installationUpdateActivity } from '../../sandbox/teamsInstalls.ts';
import {
  sandboxGraphApp,
  sandboxTeamsApp,
  seedFromDemoOrganisation,
  type RunningSimulator,
} from '../../sandbox/tenantSimulator/index.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';
import { TableSyncStateStore } from '../../src/store/directory/syncStateStore.ts';
import { tableNames } from '../../src/store/platform/tables.ts';
import { dripKey } from '../../src/usecases/delivery/drip/dripItem.ts';
import { startTestAzurite } from '../support/azurite.ts';
import {
  isInstalledFor,
  simControl,
  simTenantStatus,
  startSimulator,
  waitFor,
} from '../support/directoryFixtures.ts';
import { startFakeConnector, type SentActivity } from '../support/fakeConnector.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { alwaysWorkingEnv } from '../support/testDrypp.ts';

/**
 * "New hires get cards the day their account exists", through Drypp's real path in one process:
 * a hire in the tenant simulator, the change notification, enrollment, the Graph app install, and
 * Teams' installationUpdate to the bot. Drypp's scheduler puts the first step on the outbound
 * pipeline before Teams has told the bot where the chat is (that is the usual order: the install
 * takes Teams a moment), so it waits there; once the chat is known, the first step card must follow
 * within seconds, not at the pipeline's next look.
 */
const tenantId: string = demoTenant.id;
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let drypp: RunningDrypp;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let composed: Awaited<ReturnType<typeof composeForTest>>;
let base: string;

/** "Step 1 of 10" in English or Norwegian (src/messages). */
const FIRST_STEP_CARD = /\b(Step 1 of \d+|Steg 1 av \d+)/;

const firstStepCardsFor = (userId: string): SentActivity[] =>
  connector.sent.filter(
    (s) => s.conversationId === `a:${userId}` && FIRST_STEP_CARD.test(JSON.stringify(s.activity)),
  );

beforeAll(async () => {
  azurite = await startTestAzurite();
  sim = await startSimulator([seedFromDemoOrganisation()]);
  connector = await startFakeConnector();
  composed = await composeForTest(azurite.connectionString);
  const syncState = new TableSyncStateStore(composed.storage.table(tableNames.syncState));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  drypp = await startDrypp(
    loadConfig({
      DRYPP_MODE: 'test',
      PORT: String(port),
      DRYPP_ROLES: 'web,worker',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      ...alwaysWorkingEnv,
      DRYPP_DIRECTORY_TENANTS: tenantId,
      DRYPP_GRAPH_CLIENT_ID: sandboxGraphApp.clientId,
      DRYPP_GRAPH_CLIENT_SECRET: sandboxGraphApp.clientSecret,
      DRYPP_AUTHORITY_HOST: sim.url,
      DRYPP_GRAPH_BASE_URL: sim.url,
      DRYPP_TEAMS_APP_CATALOG_ID: sandboxTeamsApp.id,
      DRYPP_PUBLIC_URL: base,
      DRYPP_GRAPH_CLIENT_STATE: 'new-hire-first-card-test-client-state',
      DRYPP_SYNC_INTERVAL_MS: '600000', // only the round at start and notifications trigger rounds
    }),
    createLogger('silent'),
  );
  await waitFor(
    'the initial sync and the change subscription',
    async () =>
      (await syncState.get(tenantId)).initialSyncDone &&
      (await simTenantStatus(sim, tenantId)).subscriptions.length === 1,
    30_000,
  );
}, 60_000);
afterAll(async () => {
  await drypp?.stop();
  await connector?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

describe('a new hire, from account to first step card', () => {
  it('sends the first step card within seconds of Teams telling the bot about the install', async () => {
    const { user } = await simControl<{ user: { id: string } }>(sim, '/hire', {
      tenantId,
      name: 'Nora Nyansatt',
      department: 'Oppvekst',
      jobTitle: 'Lærer',
    });
    await waitFor('the app installed for the hire', () => isInstalledFor(sim, tenantId, user.id), 20_000);
    // The scheduler has put the first step on the outbound pipeline, which (no chat yet) installed
    // the app and waits for Teams; the step is not reached until its card is delivered.
    const key = dripKey({
      userId: user.id,
      programId: 'welcome-onboarding',
      stepId: 'welcome',
      kind: 'step',
      n: 0,
    });
    const waiting = await waitFor(
      'the first step waiting on the pipeline for the chat',
      async () => {
        const row = await composed.deps.outbound.recipient({ tenantId, key });
        return row?.status === 'installing' && row;
      },
      20_000,
    );
    expect(waiting.kind).toBe('drip');
    const before = await composed.deps.steps.get(tenantId, user.id, 'welcome-onboarding', 'welcome');
    expect(before?.status).toBe('scheduled');
    expect(before?.sentAt).toBeUndefined();
    expect(firstStepCardsFor(user.id)).toHaveLength(0);

    const told = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(installationUpdateActivity(tenantId, user.id, connector.url)),
    });
    expect(told.status).toBeLessThan(300);

    await waitFor(
      'the first step card in the hire’s chat',
      () => firstStepCardsFor(user.id).length > 0,
      15_000,
    );
    const step = await composed.deps.steps.get(tenantId, user.id, 'welcome-onboarding', 'welcome');
    expect(step?.status).toBe('sent');
    expect(await composed.deps.outbound.recipient({ tenantId, key })).toMatchObject({ status: 'sent' });
    expect(firstStepCardsFor(user.id)).toHaveLength(1);
  }, 60_000);
});
