import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import { sendTabError } from './tabHttp.ts';

/**
 * The tab API under /api/tab: every route behind Teams single sign-on, JSON bodies of at most 16 kB,
 * errors as `{ error: { code, message } }` (src/http/tabs/contract.ts).
 *
 * Each capability adds its routes as one mount (a function that registers them on the router):
 *   reads (me, my-learning, my-team, drill-down) — src/http/tabs/readRoutes.ts
 *   learning-time requests, nudges, recognition — their own files, passed in `mounts`.
 */
export type TabRouteMount = (router: Router) => void;

export interface TabApiDeps {
  /** Validates the SSO token and sets the caller (src/http/tabs/sso.ts); 401 otherwise. */
  authenticate: RequestHandler;
  mounts: TabRouteMount[];
  /** POST routes that take more than 16 kB (a pasted list of addresses), with their own limit. */
  largeBodies?: ReadonlyArray<{ path: string; limit: string }>;
}

export const TAB_BODY_LIMIT = '16kb';

export function tabApiRouter(deps: TabApiDeps): Router {
  const router = express.Router();
  // Authentication first: an unauthenticated caller learns nothing, not even whether a route exists.
  router.use(deps.authenticate);
  // A route with a larger limit parses its body first; the 16 kB parser then leaves it as it is.
  for (const large of deps.largeBodies ?? [])
    router.post(large.path, express.json({ limit: large.limit, strict: true }));
  router.use(express.json({ limit: TAB_BODY_LIMIT, strict: true }));
  for (const mount of deps.mounts) mount(router);
  router.use((_req, res) => sendTabError(res, 'notFound', 'no such tab API route'));
  router.use(tabBodyErrors);
  return router;
}

/** A body that is not JSON or is too large is the caller's mistake (400), not ours. */
function tabBodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    sendTabError(res, 'invalid', 'the body is too large');
    return;
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    sendTabError(res, 'invalid', 'the body is not JSON');
    return;
  }
  next(error);
}
