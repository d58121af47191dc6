import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { sendTabError, type TabCaller } from './tabHttp.ts';

/**
 * Teams single sign-on for the tab API. The tab sends the token `authentication.getAuthToken()`
 * gave it; a v2 Entra access token issued to the tab's own app. It is accepted when:
 * - its signature verifies against a key of the authority's JWKS (fetched once, cached, refetched
 *   when an unknown key id appears: Entra rolls its keys);
 * - `aud` is the tab app's client id (v2 tokens carry the client id, not the api:// URI);
 * - `iss` is `{authority}/{tid}/v2.0` of the token's own `tid`, and that tenant is one Drypp serves;
 * - `exp`/`nbf` hold, with a small clock skew;
 * - `scp` contains `access_as_user` (an app-only token has no `scp` and is refused).
 * Production and the sandbox run this same code; only the authority URL differs.
 */

export const SSO_SCOPE = 'access_as_user';
export const SSO_CLOCK_SKEW_SECONDS = 60;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SsoSettings {
  /** e.g. https://login.microsoftonline.com, or the tenant simulator's URL. */
  authorityHost: string;
  /** The tab app's client id (webApplicationInfo.id). */
  clientId: string;
  /** Whether Drypp serves this tenant (configuration). */
  servesTenant(tenantId: string): boolean;
  /** Current time for exp/nbf (the server's clock; tokens are checked against real time). */
  now?: () => Date;
}

export type SsoRefusal =
  | 'missing'
  | 'malformed'
  | 'signature'
  | 'expired'
  | 'notYetValid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'scope'
  | 'claims';

export type SsoOutcome = { ok: true; caller: Omit<TabCaller, 'locale'> } | { ok: false; refusal: SsoRefusal };

export type SsoVerifier = (token: string | undefined) => Promise<SsoOutcome>;

export function createSsoVerifier(settings: SsoSettings): SsoVerifier {
  const authority = settings.authorityHost.replace(/\/+$/, '');
  // Entra publishes the same signing keys for every tenant under /common.
  const jwks = createRemoteJWKSet(new URL(`${authority}/common/discovery/v2.0/keys`), {
    cacheMaxAge: 24 * 60 * 60 * 1000,
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });

  return async (token) => {
    if (!token) return { ok: false, refusal: 'missing' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        algorithms: ['RS256'],
        audience: settings.clientId,
        clockTolerance: SSO_CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
        currentDate: settings.now?.(),
      }));
    } catch (error) {
      return { ok: false, refusal: refusalOf(error) };
    }
    const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
    const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
    if (!GUID.test(tid) || !GUID.test(oid)) return { ok: false, refusal: 'claims' };
    if (payload.iss !== `${authority}/${tid}/v2.0`) return { ok: false, refusal: 'issuer' };
    if (!settings.servesTenant(tid)) return { ok: false, refusal: 'tenant' };
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(SSO_SCOPE)) return { ok: false, refusal: 'scope' };
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r) => typeof r === 'string') : [];
    const groups = groupsOf(payload);
    const name =
      typeof payload.name === 'string'
        ? payload.name
        : typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : '';
    return {
      ok: true,
      caller: {
        tenantId: tid,
        userId: oid,
        displayName: name,
        appRoles: roles,
        ...(groups ? { groups } : {}),
      },
    };
  };
}

/**
 * The token's `groups` claim (object ids), when the app asks Entra for it (groupMembershipClaims).
 * Undefined when the token has none, or names too many groups to carry: Entra then sends
 * `_claim_names.groups` instead (the overage), and membership must be asked of Graph.
 */
function groupsOf(payload: JWTPayload): string[] | undefined {
  const overage = (payload._claim_names as Record<string, unknown> | undefined)?.groups !== undefined;
  if (overage || !Array.isArray(payload.groups)) return undefined;
  return payload.groups
    .filter((g): g is string => typeof g === 'string' && GUID.test(g))
    .map((g) => g.toLowerCase());
}

function refusalOf(error: unknown): SsoRefusal {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'audience';
    if (error.claim === 'nbf') return 'notYetValid';
    return 'claims';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'signature';
  }
  if (error instanceof errors.JOSEError) return 'malformed';
  // The JWKS could not be fetched, or something else broke: that is ours, not the caller's.
  throw error;
}

/**
 * The middleware: 401 `unauthorized` (with `WWW-Authenticate: Bearer`) for any token that is not
 * accepted, before any route runs, so a refused call reads and changes nothing. The refusal's
 * kind is logged; the token never is.
 */
export function requireTabSso(verify: SsoVerifier) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.header('authorization') ?? '';
    const token = /^Bearer ([A-Za-z0-9._-]{1,8192})$/.exec(header)?.[1];
    const outcome = await verify(header === '' ? undefined : (token ?? 'malformed'));
    if (!outcome.ok) {
      req.log.info({ refusal: outcome.refusal }, 'tab API call refused');
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      sendTabError(res, 'unauthorized', 'a valid Teams single sign-on token is required');
      return;
    }
    const locale = req.header('accept-language')?.split(',')[0]?.trim();
    const caller: TabCaller = {
      ...outcome.caller,
      locale: locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined,
    };
    res.locals.tabCaller = caller;
    req.log = req.log.child({ tenantId: caller.tenantId, userId: caller.userId });
    next();
  };
}
