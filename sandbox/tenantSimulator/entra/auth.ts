import { createPublicKey, randomUUID, sign, timingSafeEqual, verify } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { baseUrl, entraError, graphError, type GraphCaller } from '../http.ts';
import type { SimulatorState } from '../state/state.ts';

/**
 * Entra ID's sign-in endpoints for app-only tokens: the v2.0 token endpoint (client credentials),
 * OpenID metadata, JWKS and the instance discovery endpoint MSAL knows. Tokens are real RS256 JWTs.
 * Their `iss` is the simulator's own issuer, `{simulator}/{tid}/v2.0`, the same as in its OpenID
 * metadata (MSAL checks that the metadata's issuer has the authority's scheme and host).
 */

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function signJwt(state: SimulatorState, payload: Record<string, unknown>): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: state.secrets.kid };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${sign('sha256', Buffer.from(input), state.secrets.signingKey).toString('base64url')}`;
}

/** The payload of a token this simulator signed, or undefined when the signature is not its own. */
export function verifyJwt(state: SimulatorState, token: string): Record<string, unknown> | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const publicKey = createPublicKey(state.secrets.signingKey);
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // a signed payload that is not JSON is not one of ours either
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function openIdConfiguration(base: string, tenant: string) {
  const root = `${base}/${tenant}`;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tenant === 'common' || tenant === 'organizations' ? '{tenantid}' : tenant}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'roles', 'azp', 'ver'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
  };
}

export function entraRouter(state: SimulatorState): Router {
  const router = express.Router();
  const known = (tenant: string) => ['common', 'organizations'].includes(tenant) || !!state.tenant(tenant);

  // MSAL calls this on login.microsoftonline.com for unknown hosts unless `knownAuthorities` names the
  // host; served here for clients that point instance discovery at the simulator.
  router.get('/common/discovery/instance', (req, res) => {
    const host = req.get('host') ?? '';
    const endpoint = String(req.query.authorization_endpoint ?? '');
    const tenant = /\/\/[^/]+\/([^/]+)\//.exec(endpoint)?.[1] ?? 'common';
    res.json({
      tenant_discovery_endpoint: `${baseUrl(req)}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const tenant = state.tenant(req.params.tenant)?.id ?? req.params.tenant;
    if (!known(tenant))
      return void entraError(req, res, state, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
    res.json(openIdConfiguration(baseUrl(req), tenant));
  });

  router.get('/:tenant/discovery/v2.0/keys', (req, res) => {
    const jwk = createPublicKey(state.secrets.signingKey).export({ format: 'jwk' });
    const tenant = state.tenant(req.params.tenant)?.id ?? '{tenantid}';
    res.json({
      keys: [{ ...jwk, kid: state.secrets.kid, use: 'sig', issuer: `${baseUrl(req)}/${tenant}/v2.0` }],
    });
  });

  router.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const fail = (status: number, error: string, code: number, message: string) =>
      entraError(req, res, state, status, error, code, message);
    const tenant = state.tenant(req.params.tenant as string);
    if (!tenant)
      return fail(400, 'invalid_request', 90002, `Tenant '${String(req.params.tenant)}' not found.`);
    if (body.grant_type !== 'client_credentials')
      return fail(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${body.grant_type ?? ''}'.`,
      );
    const app = tenant.apps.find((a) => a.clientId === body.client_id);
    if (!app)
      return fail(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${body.client_id ?? ''}' was not found in the directory '${tenant.displayName}'.`,
      );
    if (!body.client_secret)
      return fail(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    if (!sameSecret(body.client_secret, app.clientSecret))
      return fail(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      );
    const scopes = (body.scope ?? '').split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
    const graphDefault = [
      `${GRAPH_AUDIENCE}/.default`,
      `${GRAPH_AUDIENCE}//.default`,
      `${GRAPH_APP_ID}/.default`,
    ];
    if (scopes.length !== 1 || !graphDefault.includes(scopes[0]!))
      return fail(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    const now = Math.floor(state.now().getTime() / 1000);
    const lifetime = state.faults.tokenLifetimeSeconds;
    const issuer = `${baseUrl(req)}/${tenant.id}/v2.0`;
    const accessToken = signJwt(state, {
      aud: GRAPH_AUDIENCE,
      iss: issuer,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      app_displayname: app.displayName ?? app.clientId,
      appid: app.clientId,
      azp: app.clientId,
      appidacr: '1',
      idp: issuer,
      idtyp: 'app',
      oid: app.clientId,
      sub: app.clientId,
      roles: app.roles,
      tid: tenant.id,
      uti: randomUUID().replace(/-/g, ''),
      ver: '1.0',
    });
    res.set('Cache-Control', 'no-store').json({
      token_type: 'Bearer',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
    });
  });
  return router;
}

/** Graph's check of the bearer token: signature, audience, lifetime and tenant (401 otherwise). */
export function requireGraphToken(state: SimulatorState) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const claims = verifyJwt(state, token);
    if (!claims)
      return graphError(
        res,
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid signature.',
      );
    const now = state.now().getTime() / 1000;
    if (
      typeof claims.exp !== 'number' ||
      claims.exp <= now ||
      (typeof claims.nbf === 'number' && claims.nbf > now + 300)
    )
      return graphError(
        res,
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is expired.',
      );
    if (claims.aud !== GRAPH_AUDIENCE && claims.aud !== GRAPH_APP_ID)
      return graphError(
        res,
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
      );
    const tenant = state.tenant(String(claims.tid));
    if (!tenant)
      return graphError(
        res,
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Unknown tenant.',
      );
    const caller: GraphCaller = {
      tenantId: tenant.id,
      appId: String(claims.appid),
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    };
    res.locals.caller = caller;
    next();
  };
}
