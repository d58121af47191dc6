import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';
import { seedFromDemoOrganisation, startTenantSimulator } from '../../sandbox/tenantSimulator/index.ts';
import type { RunningSimulator } from '../../sandbox/tenantSimulator/server.ts';
import type { TabTokenRequest } from '../../sandbox/tenantSimulator/entra/tabTokens.ts';
import type { SeedTenant } from '../../sandbox/tenantSimulator/state/types.ts';
import type { Person } from '../../src/domain/directory/person.ts';

/** Helpers for tests of the tab API: the demo organisation in the simulator, and its SSO tokens. */

export const otherTenant: SeedTenant = {
  id: '0e0e0e0e-1111-4222-8333-444444444444',
  domain: 'elsewhere.example',
  displayName: 'Somewhere else',
  apps: [{ clientId: '9b2e4c6a-7d1f-4e3b-a5c8-0f1e2d3c4b5a', clientSecret: 'x', roles: [], sso: true }],
  users: [
    {
      id: '0e0e0e0e-0000-4000-8000-000000000001',
      displayName: 'Outside Person',
      userPrincipalName: 'outside@elsewhere.example',
    },
  ],
};

export async function startDemoSimulator(): Promise<RunningSimulator> {
  return startTenantSimulator({ tenants: [seedFromDemoOrganisation(), otherTenant], port: 0 });
}

/** A tab token from the simulator (`POST /_sim/tab-token`), as the host page gets one. */
export async function tabToken(sim: RunningSimulator, request: TabTokenRequest): Promise<string> {
  const res = await fetch(`${sim.httpUrl}/_sim/tab-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!res.ok) throw new Error(`tab token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The demo organisation as Drypp's People rows (what directory sync would mirror). */
export function demoPersonRows(): Person[] {
  return demoPeople.map((p) => ({
    tenantId: demoTenant.id,
    id: p.id,
    userPrincipalName: p.userPrincipalName,
    displayName: p.displayName,
    department: p.department,
    jobTitle: p.jobTitle,
    managerId: p.managerId,
    preferredLanguage: p.preferredLanguage,
    timeZone: 'Europe/Oslo',
  }));
}

export const demo = {
  alex: demoPeople[0]!.id,
  megan: demoPeople[1]!.id,
  adele: demoPeople[2]!.id,
  isaiah: demoPeople[3]!.id,
  patti: demoPeople[4]!.id,
  lynne: demoPeople[5]!.id,
};
