import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AzuriteInstance } from '../../sandbox/azurite.ts';
import { demoTenant } from '../../sandbox/demoOrganisation.ts';
import {
  sandboxGraphApp,
  sandboxTabApp,
  sandboxTeamsApp,
  seedFromDemoOrganisation,
  type RunningSimulator,
  type SeedTenant,
} from '../../sandbox/tenantSimulator/index.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { MeResponse } from '../../src/http/tabs/contract.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startDrypp, type RunningDrypp } from '../../src/main.ts';
import { startTestAzurite } from '../support/azurite.ts';
import { startSimulator } from '../support/directoryFixtures.ts';
import { composeForTest } from '../support/learningFixtures.ts';
import { demo, demoPersonRows, tabToken } from '../support/tabApi.ts';

/**
 * HR admin through a configured Entra group (DRYPP_HR_ADMIN_GROUP_ID), besides the Drypp.Admin app
 * role. The tab app asks Entra for group claims, with the overage past two groups (Entra's is 200),
 * so both ways are exercised: Hanna's token lists the HR group; Lynne is in three groups, so her
 * token carries the overage and Drypp asks Graph (`checkMemberGroups`); Alex's token lists his two
 * groups, neither of them HR; Megan holds the app role.
 */
const HR_GROUP = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const HANNA = '5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5fa1';
let azurite: AzuriteInstance;
let sim: RunningSimulator;
let drypp: RunningDrypp;

function seed(): SeedTenant {
  const demoSeed = seedFromDemoOrganisation();
  return {
    ...demoSeed,
    apps: demoSeed.apps.map((a) =>
      a.sso ? { ...a, groupMembershipClaims: 'SecurityGroup' as const, groupsClaimLimit: 2 } : a,
    ),
    users: [
      ...(demoSeed.users ?? []),
      { id: HANNA, displayName: 'Hanna HR', userPrincipalName: 'hanna@drypp-kommune.example' },
    ],
    groups: [...(demoSeed.groups ?? []), { id: HR_GROUP, displayName: 'HR', members: [HANNA, demo.lynne] }],
  };
}

beforeAll(async () => {
  [azurite, sim] = await Promise.all([startTestAzurite(), startSimulator([seed()])]);
  const composed = await composeForTest(azurite.connectionString);
  for (const person of demoPersonRows()) await composed.deps.people.upsert(person);
  drypp = await startDrypp(
    loadConfig({
      DRYPP_MODE: 'test',
      PORT: '0',
      DRYPP_ROLES: 'web',
      DRYPP_STORAGE_CONNECTION_STRING: azurite.connectionString,
      DRYPP_TENANTS: demoTenant.id,
      DRYPP_TAB_CLIENT_ID: sandboxTabApp.clientId,
      DRYPP_HR_ADMIN_GROUP_ID: HR_GROUP,
      DRYPP_DIRECTORY_TENANTS: demoTenant.id,
      DRYPP_GRAPH_CLIENT_ID: sandboxGraphApp.clientId,
      DRYPP_GRAPH_CLIENT_SECRET: sandboxGraphApp.clientSecret,
      DRYPP_AUTHORITY_HOST: sim.url,
      DRYPP_GRAPH_BASE_URL: sim.url,
      DRYPP_TEAMS_APP_CATALOG_ID: sandboxTeamsApp.id,
    }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await drypp?.stop();
  await sim?.stop();
  await azurite?.child.stop();
});

async function me(user: string): Promise<MeResponse> {
  const res = await fetch(`http://127.0.0.1:${drypp.port}/api/tab/me`, {
    headers: { authorization: `Bearer ${await tabToken(sim, { user })}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as MeResponse;
}

describe('HR admin through the configured group', () => {
  it('makes a member an HR admin, whether the token lists the group or Graph has to say', async () => {
    for (const member of [HANNA, demo.lynne]) {
      const answer = await me(member);
      expect(answer.roles, member).toContain('hrAdmin');
      expect(answer.actions, member).toContain('viewAdmin');
    }
  });

  it('does not make anyone else one', async () => {
    const alex = await me(demo.alex);
    expect(alex.roles).not.toContain('hrAdmin');
    expect(alex.actions).not.toContain('viewAdmin');
  });

  it('keeps the app role working', async () => {
    expect((await me(demo.megan)).roles).toContain('hrAdmin');
  });
});
