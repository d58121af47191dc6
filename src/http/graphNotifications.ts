import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { DirectoryHint } from '../domain/directory/subscription.ts';
import type { HintQueue } from '../usecases/directory/subscriptionPorts.ts';
import { boundedJson } from './boundedJson.ts';

/**
 * Graph batches notifications, but never thousands at once for one subscription on /users: a
 * request with more is not from Graph, and is refused before any of its items is looked at.
 */
export const MAX_NOTIFICATIONS_PER_REQUEST = 1000;

/** The fields we read, with the limits Graph documents (clientState: at most 255 characters, nullable). */
const GraphNotification = z.looseObject({
  subscriptionId: z.string().max(64).nullish(),
  clientState: z.string().max(255).nullish(),
  tenantId: z.string().max(64).nullish(),
  changeType: z.string().max(32).nullish(),
  lifecycleEvent: z.string().max(64).nullish(),
  resource: z.string().max(2048).nullish(),
});
const GraphNotificationBody = z.looseObject({ value: z.array(GraphNotification) });
type Notification = z.infer<typeof GraphNotification>;

/**
 * Graph change and lifecycle notifications. The validation handshake is answered at once (200, the
 * token as text/plain); notifications are checked against our clientState and the tenants we sync,
 * turned into hints for the worker and acknowledged with 202 straight away: the delta round happens
 * in the background. Anything else changes nothing. Each request writes one log line with counts,
 * never the content of a notification.
 */
export function graphNotificationRoutes(deps: {
  hints: HintQueue;
  clientState: string;
  tenants: readonly string[];
}): Router {
  const router = express.Router();
  const expected = Buffer.from(deps.clientState);
  const tenants = new Set(deps.tenants.map((t) => t.toLowerCase()));
  const genuine = (n: Notification) => {
    const given = Buffer.from(n.clientState ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const handle = (lifecycle: boolean) => async (req: Request, res: Response) => {
    const validationToken = req.query.validationToken;
    if (typeof validationToken === 'string') {
      // Graph sends a token of a few hundred characters; anything longer is not a handshake.
      if (validationToken.length > 4096) {
        res.status(400).json({ error: 'validation token too long' });
        return;
      }
      res.status(200).type('text/plain').send(validationToken);
      return;
    }
    const body = req.body as { value?: unknown } | undefined;
    const count = Array.isArray(body?.value) ? body.value.length : undefined;
    if (count !== undefined && count > MAX_NOTIFICATIONS_PER_REQUEST) {
      req.log.warn({ lifecycle, received: count }, 'graph notifications refused: too many in one request');
      res.status(413).json({ error: `at most ${MAX_NOTIFICATIONS_PER_REQUEST} notifications per request` });
      return;
    }
    const parsed = GraphNotificationBody.safeParse(body);
    if (!parsed.success) {
      req.log.warn({ lifecycle }, 'graph notifications refused: not a notification collection');
      res.status(400).json({ error: 'expected { "value": [ notifications ] }' });
      return;
    }
    const hints = new Map<string, DirectoryHint>();
    let ignored = 0;
    for (const n of parsed.data.value) {
      const tenantId = n.tenantId?.toLowerCase();
      if (!genuine(n) || !tenantId || !tenants.has(tenantId)) {
        ignored++;
        continue;
      }
      const reason: DirectoryHint['reason'] = lifecycle
        ? n.lifecycleEvent === 'subscriptionRemoved' || n.lifecycleEvent === 'reauthorizationRequired'
          ? n.lifecycleEvent
          : 'missed'
        : 'changed';
      hints.set(`${tenantId}|${reason}`, { tenantId, reason });
    }
    res.status(202).end();
    req.log.info(
      { lifecycle, received: parsed.data.value.length, ignored, hints: hints.size },
      ignored > 0 ? 'graph notifications (some ignored: wrong clientState or tenant)' : 'graph notifications',
    );
    // After answering: Graph wants the acknowledgement within seconds, the work can wait a moment.
    for (const hint of hints.values()) {
      await deps.hints
        .send(hint)
        .catch((error: unknown) => req.log.error({ err: error }, 'could not queue a directory hint'));
    }
  };

  // A notification is about 20 values (a dozen fields, its resourceData): a thousand of them fit.
  const body = boundedJson({ limit: '1mb', maxValues: 50 * MAX_NOTIFICATIONS_PER_REQUEST });
  router.post('/notifications', body, handle(false));
  router.post('/lifecycle', body, handle(true));
  return router;
}
