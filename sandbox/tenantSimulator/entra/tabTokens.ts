import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import { signJwt } from './auth.ts';
import type { SimulatorState } from '../state/state.ts';

/**
 * Teams single sign-on tokens for the tab, as Entra issues them to Teams for a signed-in user
 * (`authentication.getAuthToken()`): v2 access tokens whose audience is the tab app's client id,
 * with `scp: access_as_user` and the app roles assigned to the user for that app (`Drypp.Admin`).
 * Signed by the key the simulator's JWKS publishes. In Teams the user signs in; here the sandbox's
 * host page says who (any person of the demo organisation), through `POST /_sim/tab-token`.
 */

export const tabTokenSchema = z.strictObject({
  tenantId: z.string().min(1).optional(),
  /** The person's object id or UPN. */
  user: z.string().min(1),
  /** The app the token is for: the tenant's tab app (one with `sso: true`) when omitted. */
  clientId: z.string().min(1).optional(),
  /** Delegated scopes; `access_as_user` when omitted. */
  scopes: z.array(z.string().regex(/^[\w.]+$/)).optional(),
  lifetimeSeconds: z.number().int().min(-86_400).max(86_400).default(3600),
  /** Issue the token this many seconds in the past (tests of expiry; negative: in the future). */
  ageSeconds: z
    .number()
    .int()
    .min(-86_400)
    .max(30 * 86_400)
    .default(0),
});
export type TabTokenRequest = z.input<typeof tabTokenSchema>;

export type TabTokenOutcome =
  { ok: true; token: string; expiresOn: string } | { ok: false; status: 404; error: string };

/** The issuer Drypp is configured with: the simulator's https address when it serves TLS. */
export function issuerBase(state: SimulatorState, host: string, protocol: string): string {
  return `${state.secrets.tls ? 'https' : protocol}://${host}`;
}

export function issueTabToken(
  state: SimulatorState,
  base: string,
  request: z.output<typeof tabTokenSchema>,
): TabTokenOutcome {
  const tenant = state.tenantOrDefault(request.tenantId);
  const user = tenant.liveUser(request.user);
  if (!user) return { ok: false, status: 404, error: `no user ${request.user} in ${tenant.domain}` };
  const app = request.clientId
    ? tenant.apps.find((a) => a.clientId === request.clientId)
    : tenant.apps.find((a) => a.sso);
  const clientId = request.clientId ?? app?.clientId;
  if (!clientId) return { ok: false, status: 404, error: `${tenant.domain} has no tab app (sso: true)` };
  const issued = Math.floor(state.now().getTime() / 1000) - request.ageSeconds;
  const roles = (app?.userRoles ?? [])
    .filter((r) => r.userId.toLowerCase() === user.id.toLowerCase())
    .map((r) => r.role);
  const iss = `${base}/${tenant.id}/v2.0`;
  const groups = app?.groupMembershipClaims
    ? [...tenant.groups.values()].filter((g) => g.memberIds.includes(user.id)).map((g) => g.id)
    : undefined;
  const overage = groups !== undefined && groups.length > (app?.groupsClaimLimit ?? 200);
  const token = signJwt(state, {
    aud: clientId,
    iss,
    iat: issued,
    nbf: issued,
    exp: issued + request.lifetimeSeconds,
    aio: randomUUID().replace(/-/g, ''),
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web, pre-authorized in aad.manifest.json
    azpacr: '0',
    name: user.displayName,
    oid: user.id,
    preferred_username: user.upn,
    ...(roles.length > 0 ? { roles } : {}),
    ...(groups && !overage ? { groups } : {}),
    ...(overage
      ? {
          _claim_names: { groups: 'src1' },
          _claim_sources: {
            src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${user.id}/getMemberObjects` },
          },
        }
      : {}),
    scp: (request.scopes ?? ['access_as_user']).join(' '),
    sub: randomUUID().replace(/-/g, ''),
    tid: tenant.id,
    uti: randomUUID().replace(/-/g, ''),
    ver: '2.0',
  });
  return { ok: true, token, expiresOn: new Date((issued + request.lifetimeSeconds) * 1000).toISOString() };
}

/**
 * `POST /_sim/tab-token` (mounted under the loopback-only controls). The host page is served
 * from another origin, so this one route answers CORS.
 */
export function tabTokenRouter(state: SimulatorState): Router {
  const router = express.Router();
  router.use('/tab-token', (req, res, next) => {
    res.set({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'content-type',
    });
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  });
  router.post('/tab-token', (req, res) => {
    const parsed = tabTokenSchema.safeParse(req.body ?? {});
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    let outcome: TabTokenOutcome;
    try {
      outcome = issueTabToken(state, issuerBase(state, req.get('host') ?? '', req.protocol), parsed.data);
    } catch (error) {
      return void res.status(404).json({ error: (error as Error).message });
    }
    if (!outcome.ok) return void res.status(outcome.status).json({ error: outcome.error });
    res.set('Cache-Control', 'no-store').json({ token: outcome.token, expiresOn: outcome.expiresOn });
  });
  return router;
}
