import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, POWERLESS_APP, TENANT, startTestSimulator, type TestSimulator } from '../testing.ts';

let sim: TestSimulator;
let now = new Date('2025-03-03T08:00:00Z');
beforeAll(async () => {
  sim = await startTestSimulator({ clock: () => now });
});
afterAll(() => sim.stop());

const tokenRequest = (fields: Record<string, string>) =>
  fetch(`${sim.url}/${TENANT}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(fields) });
const credentials = {
  grant_type: 'client_credentials',
  client_id: APP.clientId,
  client_secret: APP.clientSecret,
  scope: 'https://graph.microsoft.com/.default',
};

describe('Entra sign-in', () => {
  it('issues an RS256 token for Graph that verifies against the published JWKS', async () => {
    const response = await tokenRequest(credentials);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token_type: string; expires_in: number; access_token: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    const [header, payload, signature] = body.access_token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: TENANT,
      appid: APP.clientId,
      iss: `${sim.url}/${TENANT}/v2.0`,
    });
    expect(claims.roles).toContain('User.Read.All');
    expect(claims.exp).toBe(Math.floor(now.getTime() / 1000) + 3599);

    const metadata = (await (
      await fetch(`${sim.url}/${TENANT}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(metadata.issuer).toBe(claims.iss);
    expect(metadata.token_endpoint).toBe(`${sim.url}/${TENANT}/oauth2/v2.0/token`);
    const { keys } = (await (await fetch(metadata.jwks_uri!)).json()) as {
      keys: Array<JsonWebKey & { kid: string }>;
    };
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
    const key = createPublicKey({ key: keys.find((k) => k.kid === kid)!, format: 'jwk' });
    expect(
      verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
  });

  it('answers a wrong secret with 401 invalid_client, as Entra does', async () => {
    const response = await tokenRequest({ ...credentials, client_secret: 'wrong' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as {
      error: string;
      error_codes: number[];
      error_description: string;
    };
    expect(body.error).toBe('invalid_client');
    expect(body.error_codes).toEqual([7000215]);
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
  });

  it('refuses an unknown app, a scope other than Graph/.default and another grant', async () => {
    expect((await tokenRequest({ ...credentials, client_id: 'nobody' })).status).toBe(400);
    const scope = await tokenRequest({ ...credentials, scope: 'User.Read' });
    expect(scope.status).toBe(400);
    expect(((await scope.json()) as { error: string }).error).toBe('invalid_scope');
    expect((await tokenRequest({ ...credentials, grant_type: 'password' })).status).toBe(400);
    const unknownTenant = await fetch(`${sim.url}/nowhere.example/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams(credentials),
    });
    expect(unknownTenant.status).toBe(400);
  });

  it('answers instance discovery for the simulator host', async () => {
    const authorize = encodeURIComponent(`${sim.url}/${TENANT}/oauth2/v2.0/authorize`);
    const response = await fetch(
      `${sim.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`,
    );
    const body = (await response.json()) as { tenant_discovery_endpoint: string; metadata: unknown[] };
    expect(body.tenant_discovery_endpoint).toBe(`${sim.url}/${TENANT}/v2.0/.well-known/openid-configuration`);
    expect(body.metadata).toHaveLength(1);
  });
});

describe('Graph authorization', () => {
  it('answers 401 without a token or with a forged one', async () => {
    const none = await fetch(`${sim.url}/v1.0/users`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'InvalidAuthenticationToken',
    );
    const token = await sim.token();
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.from('nope').toString('base64url')}`;
    expect((await sim.graph('/users', { token: forged })).status).toBe(401);
  });

  it('answers 403 when the app lacks the permission', async () => {
    const token = await sim.token(POWERLESS_APP);
    const response = await sim.graph('/users/delta', { token });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'Authorization_RequestDenied',
    );
    expect((await sim.graph('/users/ola@contoso.example/teamwork/installedApps', { token })).status).toBe(
      403,
    );
  });

  it('answers 401 once the token has expired (token lifetime knob)', async () => {
    await sim.control('faults', { tokenLifetimeSeconds: 60 }, 'PUT');
    const token = await sim.token();
    expect((await sim.graph('/users', { token })).status).toBe(200);
    now = new Date(now.getTime() + 61_000);
    const expired = await sim.graph('/users', { token });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });
});
