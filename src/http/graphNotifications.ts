import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { DirectoryHint } from '../domain/directory/subscription.ts';
import type { HintQueue } from '../usecases/directory/subscriptionPorts.ts';

interface Notification {
  subscriptionId?: string;
  clientState?: string;
  tenantId?: string;
  changeType?: string;
  lifecycleEvent?: string;
}

/**
 * Graph change and lifecycle notifications. The validation handshake is answered at once (200, the
 * token as text/plain); a notification is checked against our clientState, turned into a hint for
 * the worker and acknowledged with 202 straight away: the delta round happens in the background.
 * A notification with a wrong clientState changes nothing and is logged (without its content).
 */
export function graphNotificationRoutes(deps: {
  hints: HintQueue;
  clientState: string;
  tenants: string[];
}): Router {
  const router = express.Router();
  const expected = Buffer.from(deps.clientState);
  const genuine = (n: Notification) => {
    const given = Buffer.from(n.clientState ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const handle = (lifecycle: boolean) => async (req: Request, res: Response) => {
    const validationToken = req.query.validationToken;
    if (typeof validationToken === 'string') {
      res.status(200).type('text/plain').send(validationToken);
      return;
    }
    const items: Notification[] = Array.isArray(req.body?.value) ? req.body.value : [];
    const hints = new Map<string, DirectoryHint>();
    for (const n of items) {
      if (!genuine(n) || !n.tenantId || !deps.tenants.includes(n.tenantId)) {
        req.log.warn(
          { subscriptionId: n.subscriptionId, lifecycle },
          'notification ignored: wrong clientState or tenant',
        );
        continue;
      }
      const reason: DirectoryHint['reason'] = lifecycle
        ? n.lifecycleEvent === 'subscriptionRemoved' || n.lifecycleEvent === 'reauthorizationRequired'
          ? n.lifecycleEvent
          : 'missed'
        : 'changed';
      hints.set(`${n.tenantId}|${reason}`, { tenantId: n.tenantId, reason });
    }
    res.status(202).end();
    // After answering: Graph wants the acknowledgement within seconds, the work can wait a moment.
    for (const hint of hints.values()) {
      await deps.hints
        .send(hint)
        .catch((error: unknown) => req.log.error({ err: error }, 'could not queue a directory hint'));
    }
  };

  router.post('/notifications', express.json({ limit: '1mb' }), handle(false));
  router.post('/lifecycle', express.json({ limit: '1mb' }), handle(true));
  return router;
}
