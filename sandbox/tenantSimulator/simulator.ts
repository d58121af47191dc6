import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { entraRouter, requireGraphToken } from './entra/auth.ts';
import { calendarRouter } from './graph/calendar.ts';
import { controlsRouter } from './controls/controls.ts';
import { latency, throttling } from './controls/faults.ts';
import { groupsRouter } from './graph/groups.ts';
import { graphError } from './http.ts';
import { Notifier } from './graph/notifier.ts';
import { autosave, loadState } from './state/persistence.ts';
import { SimulatorState, newSecrets } from './state/state.ts';
import { subscriptionsRouter } from './graph/subscriptions.ts';
import { teamworkRouter, type TeamworkOptions } from './graph/teamwork.ts';
import type { FaultKnobs, SeedApp, SeedTenant } from './state/types.ts';
import { usersRouter } from './graph/users.ts';

/**
 * The tenant simulator as an Express app: Entra ID's token, OpenID and JWKS endpoints at the root
 * (`/{tenant}/oauth2/v2.0/token`, …), Microsoft Graph under `/v1.0`, and controls under `/_sim`.
 * Dev and test only: product code never imports it.
 */

export interface TenantSimulatorOptions extends TeamworkOptions {
  tenants: SeedTenant[];
  /** The simulated cloud's clock (the `/_sim/clock/advance` control moves it further). */
  clock?: () => Date;
  faults?: Partial<FaultKnobs>;
  /** For the fault knobs' dice; Math.random by default. */
  random?: () => number;
  /** Keeps the whole state in this JSON file: loaded at start when present, saved after changes. */
  dataFile?: string;
  handshakeTimeoutMs?: number;
  notificationRetryDelaysMs?: number[];
}

export interface TenantSimulator {
  app: express.Express;
  state: SimulatorState;
  notifier: Notifier;
  /** Writes the data file now (when there is one) and stops pending notification retries. */
  close(): void;
}

export function createTenantSimulator(options: TenantSimulatorOptions): TenantSimulator {
  const clock = options.clock ?? (() => new Date());
  const loaded = options.dataFile ? loadState(options.dataFile, clock) : undefined;
  const state = loaded ?? new SimulatorState(clock, options.faults, newSecrets());
  if (loaded && options.faults) state.faults = { ...state.faults, ...options.faults };
  for (const seed of options.tenants) {
    const tenant = state.tenant(seed.id);
    if (!tenant) state.addTenant(seed);
    // A data file from an older sandbox keeps its people; app registrations follow the seed.
    else for (const app of seed.apps) replaceApp(tenant.apps, app);
  }
  const saver = options.dataFile ? autosave(state, options.dataFile) : undefined;
  saver?.flush();

  const notifier = new Notifier(state, {
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    retryDelaysMs: options.notificationRetryDelaysMs,
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use('/_sim', controlsRouter(state, notifier));
  app.use(latency(state));
  app.use(entraRouter(state));
  const graph = express.Router();
  graph.use((req, res, next) => {
    const requestId = randomUUID();
    res.set({ 'request-id': requestId, 'client-request-id': req.get('client-request-id') ?? requestId });
    next();
  });
  graph.use(throttling(state, options.random ?? Math.random));
  graph.use(requireGraphToken(state));
  graph.use(usersRouter(state));
  graph.use(groupsRouter(state));
  graph.use(subscriptionsRouter(state, notifier));
  graph.use(teamworkRouter(state, options));
  graph.use(calendarRouter(state));
  graph.use((req, res) => {
    const segment = req.path.split('/').filter(Boolean).pop() ?? '';
    graphError(res, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  });
  app.use('/v1.0', graph);
  app.use(
    (req, res) =>
      void res.status(404).json({ error: `the tenant simulator has no ${req.method} ${req.path}` }),
  );
  app.use(
    (error: Error & { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(error);
      if (error.type === 'entity.parse.failed')
        return graphError(res, 400, 'BadRequest', 'The request body is not valid JSON.');
      (options.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(
        `tenant simulator: ${req.method} ${req.path} failed: ${error.stack ?? error.message}`,
      );
      graphError(res, 500, 'InternalServerError', 'The tenant simulator failed; see its log.');
    },
  );

  return {
    app,
    state,
    notifier,
    close() {
      notifier.close();
      saver?.flush();
    },
  };
}

function replaceApp(apps: SeedApp[], app: SeedApp): void {
  const at = apps.findIndex((a) => a.clientId === app.clientId);
  if (at === -1) apps.push(app);
  else apps[at] = app;
}
