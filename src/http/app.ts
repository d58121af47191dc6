import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ActivityHandler } from 'botbuilder';
import type { DryppAdapter } from '../teams/botAdapter.ts';
import type { Logger } from '../log/logger.ts';
import type { HealthProbe } from '../usecases/platform/ports.ts';
import { correlation } from './correlation.ts';
import { healthRoute } from './health.ts';
import { graphNotificationRoutes } from './graphNotifications.ts';
import { tabApiRouter, type TabApiDeps } from './tabs/router.ts';
import { botEndpoint } from './botEndpoint.ts';
import { refusedBody } from './refusedBody.ts';
import { boundedJson } from './boundedJson.ts';
import { verifyRoutes, type VerifyDeps } from './certificates/verifyRoutes.ts';

export interface WebDeps {
  log: Logger;
  adapter: DryppAdapter;
  bot: ActivityHandler;
  probes: HealthProbe[];
  tabsDir: string;
  /** True when a bot app id is configured, so every activity must carry a Bot Framework token. */
  botAuthRequired: boolean;
  /** Graph change notifications, when directory sync runs with a public URL. */
  graphNotifications?: Parameters<typeof graphNotificationRoutes>[0];
  /** The tab API (Teams SSO); absent in roles or tests that do not serve it. */
  tabApi?: TabApiDeps;
  /** `GET /verify/<code>`: certificates checked without sign-in. */
  verify?: VerifyDeps;
}

export function createWebApp(deps: WebDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlation(deps.log));

  app.get('/healthz', healthRoute(deps.probes));

  // Bot Framework activities: the token is validated by botbuilder on every request (src/teams/botAdapter.ts).
  // An activity is a few kilobytes with at most a few hundred values; the bound keeps a flood from
  // holding the event loop before its token is even looked at.
  app.post('/api/messages', boundedJson({ limit: '1mb', maxValues: 20_000 }), botEndpoint(deps));

  if (deps.graphNotifications) app.use('/api/graph', graphNotificationRoutes(deps.graphNotifications));

  if (deps.tabApi) app.use('/api/tab', tabApiRouter(deps.tabApi));

  if (deps.verify) app.use('/verify', verifyRoutes(deps.verify));

  // The tabs: the built front end (tabs/dist, `npm run build`), from our own origin. Assets carry a
  // content hash in their names, so they are cached for good; the pages are revalidated each time.
  app.use(
    '/tabs/assets',
    express.static(path.join(deps.tabsDir, 'assets'), { immutable: true, maxAge: '365d' }),
  );
  app.use('/tabs', express.static(deps.tabsDir, { extensions: ['html'], index: false, dotfiles: 'ignore' }));

  app.use((_req, res) => res.status(404).json({ error: 'not found' }));
  app.use((error: Error, req: Request, res: Response, _next: NextFunction) => {
    const refused = refusedBody(error);
    if (refused) {
      // Too large or not JSON: the caller's mistake. Logged by kind only: the body (and the parser's
      // message, which quotes it) never reaches a log line.
      req.log.warn({ status: refused.status, reason: refused.reason }, 'request body refused');
      if (!res.headersSent) res.status(refused.status).json({ error: refused.message });
      return;
    }
    req.log.error({ err: error }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internal error', correlationId: req.correlationId });
  });
  return app;
}

/**
 * The worker role alone still answers /healthz: App Service restarts an app that does not answer
 * HTTP on its port, and operators want one health URL per role.
 */
export function createHealthOnlyApp(deps: Pick<WebDeps, 'log' | 'probes'>): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlation(deps.log));
  app.get('/healthz', healthRoute(deps.probes));
  app.use((_req, res) => res.status(404).json({ error: 'not found' }));
  return app;
}
