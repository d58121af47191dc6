import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sandboxGraphApp,
  seedFromDemoOrganisation,
  startTenantSimulator,
  trustInThisProcess,
  type RunningSimulator,
} from '../../sandbox/tenantSimulator/index.ts';
import { demoPeople, demoTenant } from '../../sandbox/demoOrganisation.ts';

/**
 * Microsoft's own client libraries, unchanged, against the tenant simulator: msal-node gets an
 * app-only token from the simulator's Entra endpoints and the Graph client reads `/users/delta`
 * page by page with it. Only the URLs differ from production.
 */

let sim: RunningSimulator;
let graph: Client;
let msal: ConfidentialClientApplication;

beforeAll(async () => {
  sim = await startTenantSimulator({ port: 0, https: true, tenants: [seedFromDemoOrganisation()] });
  await trustInThisProcess(sim.certificate!);
  const host = new URL(sim.url).host; // 127.0.0.1:port
  msal = new ConfidentialClientApplication({
    auth: {
      clientId: sandboxGraphApp.clientId,
      clientSecret: sandboxGraphApp.clientSecret,
      authority: `${sim.url}/${demoTenant.id}`,
      knownAuthorities: [host], // skips instance discovery, which MSAL asks login.microsoftonline.com
    },
  });
  graph = Client.init({
    baseUrl: sim.url,
    customHosts: new Set([new URL(sim.url).hostname]), // the Graph client sends tokens only to these
    authProvider: (done) => {
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }).then(
        (result) => done(null, result?.accessToken ?? null),
        (error: Error) => done(error, null),
      );
    },
  });
});

afterAll(async () => {
  await sim?.stop();
});

describe('the tenant simulator with msal-node and the Microsoft Graph client', () => {
  it('issues msal-node an app-only token for Graph with the granted roles', async () => {
    const result = await msal.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const claims = JSON.parse(
      Buffer.from(result!.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: demoTenant.id,
      iss: `${sim.url}/${demoTenant.id}/v2.0`,
    });
    expect(claims.roles).toEqual(sandboxGraphApp.roles);
  });

  it('reads /users/delta page by page through the Graph client, then only later changes', async () => {
    const ids: string[] = [];
    let page = (await graph
      .api('/users/delta')
      .select(['displayName', 'department', 'accountEnabled'])
      .header('Prefer', 'odata.maxpagesize=2')
      .get()) as { value: Array<{ id: string }>; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
    let pages = 1;
    while (page['@odata.nextLink']) {
      ids.push(...page.value.map((u) => u.id));
      page = await graph.api(page['@odata.nextLink']).header('Prefer', 'odata.maxpagesize=2').get();
      pages++;
    }
    ids.push(...page.value.map((u) => u.id));
    expect(pages).toBe(3);
    expect(ids.sort()).toEqual(demoPeople.map((p) => p.id).sort());

    const hire = await fetch(`${sim.httpUrl}/_sim/hire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Maja Berg',
        department: 'Helse og omsorg',
        manager: 'adelev@drypp-kommune.example',
      }),
    });
    const maja = ((await hire.json()) as { user: { id: string } }).user;
    const changes = await graph.api(page['@odata.deltaLink']!).get();
    expect(changes.value).toEqual([
      { id: maja.id, displayName: 'Maja Berg', department: 'Helse og omsorg', accountEnabled: true },
    ]);
  });

  it('lets a child process trust the simulator through NODE_EXTRA_CA_CERTS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drypp-sim-ca-'));
    try {
      const certFile = path.join(dir, 'simulator.pem');
      writeFileSync(certFile, sim.certificate!);
      const script = `fetch(${JSON.stringify(`${sim.url}/${demoTenant.id}/v2.0/.well-known/openid-configuration`)}).then(r => r.json()).then(j => console.log(j.issuer))`;
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
      });
      expect(stdout.trim()).toBe(`${sim.url}/${demoTenant.id}/v2.0`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
