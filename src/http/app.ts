import path from 'node:path';
import { createRequire } from 'node:module';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from '../log/logger.ts';
import type { HealthProbe } from '../usecases/ports.ts';
import { correlation } from './correlation.ts';
import { healthRoute } from './health.ts';

export interface WebDeps {
  log: Logger;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  probes: HealthProbe[];
  tabsDir: string;
}

const require = createRequire(import.meta.url);

export function createWebApp(deps: WebDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlation(deps.log));

  app.get('/healthz', healthRoute(deps.probes));

  // Bot Framework activities. The adapter validates the JWT and answers 401 itself when it is wrong.
  app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    await deps.adapter.process(req, res, (turn) => deps.bot.run(turn));
  });

  // The tabs: static pages, with teams-js served from our own origin (Teams requires no CDN for it).
  const teamsJs = path.dirname(require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'));
  app.use('/tabs/vendor', express.static(teamsJs, { immutable: true, maxAge: '7d' }));
  app.use('/tabs', express.static(deps.tabsDir, { extensions: ['html'] }));

  app.use((_req, res) => res.status(404).json({ error: 'not found' }));
  app.use((error: Error, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err: error }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internal error', correlationId: req.correlationId });
  });
  return app;
}
