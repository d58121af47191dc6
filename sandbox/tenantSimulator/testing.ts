import http from 'node:http';
import type net from 'node:net';
import { startTenantSimulator, type RunningSimulator, type StartOptions } from './server.ts';
import type { SeedTenant } from './state/types.ts';

/** Test helpers for the simulator's own tests: a small tenant, a token, Graph calls, a webhook receiver. */

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const APP = { clientId: 'aaaaaaaa-0000-4000-8000-000000000001', clientSecret: 'right-secret' };
export const POWERLESS_APP = {
  clientId: 'aaaaaaaa-0000-4000-8000-000000000002',
  clientSecret: 'other-secret',
};
export const TEAMS_APP_ID = 'bbbbbbbb-0000-4000-8000-000000000001';

export function testTenant(): SeedTenant {
  return {
    id: TENANT,
    domain: 'contoso.example',
    displayName: 'Contoso',
    apps: [
      {
        ...APP,
        roles: [
          'User.Read.All',
          'GroupMember.Read.All',
          'TeamsAppInstallation.ReadWriteForUser.All',
          'MailboxSettings.Read',
          'Calendars.ReadWrite',
        ],
      },
      { ...POWERLESS_APP, roles: [] },
    ],
    teamsApps: [{ id: TEAMS_APP_ID, externalId: 'manifest-id', displayName: 'Drypp', botId: 'bot-id' }],
    users: [
      {
        id: 'c0000000-0000-4000-8000-000000000001',
        displayName: 'Hanne Boss',
        userPrincipalName: 'hanne@contoso.example',
        department: 'HR',
        jobTitle: 'Director',
      },
      {
        displayName: 'Ola Nordmann',
        userPrincipalName: 'ola@contoso.example',
        department: 'IT',
        manager: 'hanne@contoso.example',
      },
      {
        displayName: 'Kari Nordmann',
        userPrincipalName: 'kari@contoso.example',
        department: 'IT',
        manager: 'hanne@contoso.example',
      },
      {
        displayName: 'Frida Frontline',
        userPrincipalName: 'frida@contoso.example',
        department: 'Care',
        mailbox: false,
      },
      { displayName: 'Per Gjest', userPrincipalName: 'per@contoso.example', userType: 'Guest' },
    ],
    groups: [
      {
        id: 'd0000000-0000-4000-8000-000000000001',
        displayName: 'IT',
        members: ['ola@contoso.example', 'kari@contoso.example'],
      },
    ],
  };
}

export interface TestSimulator extends RunningSimulator {
  token(app?: { clientId: string; clientSecret: string }): Promise<string>;
  graph(route: string, init?: RequestInit & { token?: string }): Promise<Response>;
  control(route: string, body?: unknown, method?: string): Promise<Response>;
}

export async function startTestSimulator(options: Partial<StartOptions> = {}): Promise<TestSimulator> {
  const sim = await startTenantSimulator({ port: 0, tenants: [testTenant()], ...options });
  const token = async (app = APP) => {
    const response = await fetch(`${sim.url}/${TENANT}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'https://graph.microsoft.com/.default',
        client_id: app.clientId,
        client_secret: app.clientSecret,
      }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  let cached: string | undefined;
  return {
    ...sim,
    token,
    async graph(route, init = {}) {
      const bearer = init.token ?? (cached ??= await token());
      const url = route.startsWith('http') ? route : `${sim.url}/v1.0${route}`;
      return fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...init.headers },
      });
    },
    control: (route, body, method = 'POST') =>
      fetch(`${sim.url}/_sim/${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** A webhook endpoint that answers the handshake (unless told not to) and keeps what it receives. */
export async function startReceiver(options: { answerHandshake?: boolean } = {}) {
  const received: unknown[] = [];
  const waiters: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const token = url.searchParams.get('validationToken');
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (token !== null) {
        if (options.answerHandshake === false) return void res.writeHead(404).end();
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
      }
      received.push(JSON.parse(body));
      res.writeHead(202).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/notifications`;
  return {
    url,
    received,
    /** Resolves once `count` notifications have arrived. */
    async waitFor(count: number): Promise<void> {
      while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
