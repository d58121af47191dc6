import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { baseUrl, caller, graphError, requireRole, roles } from '../http.ts';
import type { Notifier } from './notifier.ts';
import type { SimulatorState } from '../state/state.ts';
import type { SubscriptionRecord } from '../state/types.ts';

/**
 * `POST/GET/PATCH/DELETE /subscriptions` for change notifications on users. As in Graph: only
 * `updated` and `deleted` for users, at most 41,760 minutes of life, a handshake with each
 * endpoint before the subscription exists, 100 per app per tenant. Unlike Graph, http:// endpoints
 * on loopback are accepted (the sandbox has no public https address).
 */

export const MAX_USER_SUBSCRIPTION_MINUTES = 41_760;
const MAX_PER_APP = 100;
const USER_CHANGE_TYPES = new Set(['updated', 'deleted']);

export function subscriptionsRouter(state: SimulatorState, notifier: Notifier): Router {
  const router = express.Router();
  const tenantOf = (res: Response) => state.tenant(caller(res).tenantId)!;
  const invalid = (res: Response, message: string) => graphError(res, 400, 'InvalidRequest', message);
  const present = (req: Request, s: SubscriptionRecord) => ({
    '@odata.context': `${baseUrl(req)}/v1.0/$metadata#subscriptions/$entity`,
    id: s.id,
    resource: s.resource,
    applicationId: s.appId,
    changeType: s.changeType,
    clientState: s.clientState,
    notificationUrl: s.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl,
    expirationDateTime: s.expirationDateTime,
    creatorId: s.appId,
    includeResourceData: false,
    latestSupportedTlsVersion: 'v1_2',
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  });

  /** The caller's live subscription, or undefined after answering 404 (expired ones are gone). */
  function own(res: Response, id: string): SubscriptionRecord | undefined {
    const tenant = tenantOf(res);
    const subscription = tenant.subscriptions.get(id);
    if (subscription && new Date(subscription.expirationDateTime) <= state.now())
      tenant.subscriptions.delete(id);
    const live = tenant.subscriptions.get(id);
    if (live && live.appId === caller(res).appId) return live;
    graphError(res, 404, 'ResourceNotFound', 'The object was not found.');
    return undefined;
  }

  /** An expiration the caller may ask for, or a reason it may not. */
  function expiration(value: unknown): { ok: true; iso: string } | { ok: false; message: string } {
    const at = typeof value === 'string' ? new Date(value) : undefined;
    if (!at || Number.isNaN(at.getTime()))
      return { ok: false, message: 'expirationDateTime is required and must be a date-time.' };
    const now = state.now().getTime();
    if (at.getTime() <= now) return { ok: false, message: 'Subscription expiration must be in the future.' };
    if (at.getTime() > now + MAX_USER_SUBSCRIPTION_MINUTES * 60_000)
      return {
        ok: false,
        message: `Subscription expiration can only be ${MAX_USER_SUBSCRIPTION_MINUTES} minutes in the future.`,
      };
    return { ok: true, iso: at.toISOString() };
  }

  router.post('/subscriptions', express.json(), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const resource = String(body.resource ?? '');
    if (!/^\/?users(\/[^/]+)?$/i.test(resource))
      return invalid(res, `Resource '${resource}' is not supported by the simulator.`);
    if (!requireRole(res, roles.readUsers, 'ExtensionError')) return;
    const changeTypes = String(body.changeType ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const unsupported = changeTypes.find((c) => !USER_CHANGE_TYPES.has(c));
    if (!changeTypes.length || unsupported)
      return invalid(
        res,
        `ChangeType '${unsupported ?? ''}' is not supported for resource 'users'; use updated and deleted.`,
      );
    const expires = expiration(body.expirationDateTime);
    if (!expires.ok) return invalid(res, expires.message);
    const clientState = body.clientState == null ? null : String(body.clientState);
    if (clientState && clientState.length > 128)
      return invalid(res, 'clientState can be at most 128 characters.');
    const urls = [body.notificationUrl, body.lifecycleNotificationUrl].filter((u) => u != null).map(String);
    if (!urls.length || urls.some((u) => !URL.canParse(u) || !/^https?:/.test(u)))
      return invalid(res, 'notificationUrl and lifecycleNotificationUrl must be absolute URLs.');
    const tenant = tenantOf(res);
    const mine = [...tenant.subscriptions.values()].filter((s) => s.appId === caller(res).appId);
    if (mine.length >= MAX_PER_APP)
      return graphError(res, 403, 'ExtensionError', 'Subscription quota exceeded.');
    const id = randomUUID();
    for (const url of new Set(urls)) {
      if (!(await notifier.validate(id, url)))
        return invalid(
          res,
          'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
        );
    }
    const subscription: SubscriptionRecord = {
      id,
      tenantId: tenant.id,
      appId: caller(res).appId,
      resource,
      changeType: changeTypes.join(','),
      notificationUrl: urls[0]!,
      lifecycleNotificationUrl:
        body.lifecycleNotificationUrl == null ? null : String(body.lifecycleNotificationUrl),
      clientState,
      expirationDateTime: expires.iso,
    };
    tenant.subscriptions.set(id, subscription);
    state.onDirty();
    res.status(201).json(present(req, subscription));
  });

  router.get('/subscriptions', (req, res) => {
    const tenant = tenantOf(res);
    const now = state.now();
    const mine = [...tenant.subscriptions.values()].filter(
      (s) => s.appId === caller(res).appId && new Date(s.expirationDateTime) > now,
    );
    res.json({
      '@odata.context': `${baseUrl(req)}/v1.0/$metadata#subscriptions`,
      value: mine.map((s) => present(req, s)),
    });
  });

  router.get('/subscriptions/:id', (req, res) => {
    const subscription = own(res, req.params.id);
    if (subscription) res.json(present(req, subscription));
  });

  router.patch('/subscriptions/:id', express.json(), (req, res) => {
    const subscription = own(res, req.params.id);
    if (!subscription) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const expires = expiration(body.expirationDateTime);
    if (!expires.ok) return invalid(res, expires.message);
    subscription.expirationDateTime = expires.iso;
    state.onDirty();
    res.json(present(req, subscription));
  });

  router.post('/subscriptions/:id/reauthorize', (req, res) => {
    if (own(res, req.params.id)) res.status(204).end();
  });

  router.delete('/subscriptions/:id', (req, res) => {
    const subscription = own(res, req.params.id);
    if (!subscription) return;
    tenantOf(res).subscriptions.delete(subscription.id);
    state.onDirty();
    res.status(204).end();
  });

  return router;
}
