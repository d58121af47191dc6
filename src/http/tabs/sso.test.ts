import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSsoVerifier, type SsoVerifier } from './sso.ts';

/**
 * The SSO verifier against a JWKS served on loopback and tokens signed by a test key: each kind of
 * token Teams could never have issued for this app is refused, and for the right reason.
 */
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '66666666-2222-4333-8444-555555555555';
const CLIENT_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const USER = 'c0000000-0000-4000-8000-000000000001';

let server: http.Server;
let authority: string;
let verify: SsoVerifier;
let key: CryptoKey;
let strangerKey: CryptoKey;
let jwksCalls = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
  server = http.createServer((req, res) => {
    if (req.url !== '/common/discovery/v2.0/keys') return void res.writeHead(404).end();
    jwksCalls++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  verify = createSsoVerifier({
    authorityHost: authority,
    clientId: CLIENT_ID,
    servesTenant: (tid) => tid === TENANT,
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function token(
  claims: JWTPayload = {},
  options: { signWith?: CryptoKey; ageS?: number; lifeS?: number } = {},
) {
  const now = Math.floor(Date.now() / 1000) - (options.ageS ?? 0);
  const tid = (claims.tid as string | undefined) ?? TENANT;
  return new SignJWT({
    aud: CLIENT_ID,
    iss: `${authority}/${tid}/v2.0`,
    tid,
    oid: USER,
    scp: 'access_as_user',
    name: 'Hanne Boss',
    ver: '2.0',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + (options.lifeS ?? 3600))
    .sign(options.signWith ?? key);
}

describe('Teams SSO verifier', () => {
  it('accepts a v2 token for the tab app from a served tenant, with its roles', async () => {
    const outcome = await verify(await token({ roles: ['Drypp.Admin'] }));
    expect(outcome).toEqual({
      ok: true,
      caller: { tenantId: TENANT, userId: USER, displayName: 'Hanne Boss', appRoles: ['Drypp.Admin'] },
    });
  });

  it('refuses each token it must not accept, for the right reason', async () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['none', undefined, 'missing'],
      ['garbage', 'abc.def.ghi', 'malformed'],
      ['forged', await token({}, { signWith: strangerKey }), 'signature'],
      ['expired', await token({}, { ageS: 7200, lifeS: 3600 }), 'expired'],
      ['within skew', await token({}, { ageS: 3630, lifeS: 3600 }), 'ok'],
      ['not yet valid', await token({}, { ageS: -600 }), 'notYetValid'],
      ['wrong audience', await token({ aud: 'bbbbbbbb-0000-4000-8000-000000000001' }), 'audience'],
      ['another tenant', await token({ tid: OTHER_TENANT }), 'tenant'],
      ['issuer of another tenant', await token({ iss: `${authority}/${OTHER_TENANT}/v2.0` }), 'issuer'],
      ['another authority', await token({ iss: `https://login.example/${TENANT}/v2.0` }), 'issuer'],
      ['no scope', await token({ scp: undefined }), 'scope'],
      ['other scope', await token({ scp: 'User.Read' }), 'scope'],
      ['no object id', await token({ oid: undefined }), 'claims'],
    ];
    for (const [name, jwt, expected] of cases) {
      const outcome = await verify(jwt);
      expect({ name, outcome: outcome.ok ? 'ok' : outcome.refusal }).toEqual({ name, outcome: expected });
    }
  });

  it('passes on the groups claim, and none for an overage (Graph must be asked then)', async () => {
    const group = 'D0000000-0000-4000-8000-000000000001';
    const listed = await verify(await token({ groups: [group] }));
    expect(listed.ok && listed.caller.groups).toEqual([group.toLowerCase()]);
    const overage = await verify(
      await token({ _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'x' } } }),
    );
    expect(overage.ok && 'groups' in overage.caller).toBe(false);
  });

  it('fetches the keys once, not per request', async () => {
    const before = jwksCalls;
    for (let i = 0; i < 5; i++) expect((await verify(await token())).ok).toBe(true);
    expect(jwksCalls - before).toBe(0);
  });
});
