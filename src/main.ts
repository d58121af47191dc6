import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError, servesTenant, type Config } from './config/config.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { activityIdOf } from './domain/platform/ids.ts';
import { storageHealthProbe } from './store/platform/storageHealth.ts';
import { setAsideHealthProbe } from './store/platform/workQueue.ts';
import { createBotAdapter } from './teams/botAdapter.ts';
import { createHealthOnlyApp, createWebApp } from './http/app.ts';
import { startWorker } from './jobs/worker.ts';
import { deliverDueCardsJob } from './jobs/deliverDueCardsJob.ts';
import { BotTeamsConnector } from './teams/teamsConnector.ts';
import { composeOutbound } from './composeOutbound.ts';
import { composeBroadcasts } from './composeBroadcasts.ts';
import type { OutboundCardKind } from './usecases/delivery/outboundPorts.ts';
import { compose, repoRoot, withCalendar, type AppDeps } from './compose.ts';
import { composeDirectory } from './composeDirectory.ts';
import { composeLearningRecordJobs, composeRetentionJob, privacyTabMount } from './composePrivacy.ts';
import { composeCertificates } from './composeCertificates.ts';
import { sweepCertificationsJob } from './jobs/certificatesJobs.ts';
import { renderDueCard } from './cards/delivery/presenters/dueCardPresenter.ts';
import { dripCardKind } from './usecases/delivery/drip/dripCardKind.ts';
import { placementCardKind } from './usecases/learning/placement/placementCardKind.ts';
import { renderPlacementCard } from './cards/learning/presenters/placementPresenter.ts';
import { teamCardKinds } from './usecases/managers/team/teamCardKinds.ts';
import { learningTimeCardKind } from './usecases/managers/learningTime/learningTimeCardKind.ts';
import { managerNoticeKind } from './usecases/directory/noticeManager.ts';
import { presentManagerNotice } from './cards/directory/presenters/managerNoticePresenter.ts';
import { DryppBot } from '../bot/dryppBot.ts';
import { GraphCalendarBooker } from './graph/calendarBooker.ts';
import { GraphSessionCalendar } from './graph/sessionCalendar.ts';
import { syncSessionCalendarsJob } from './jobs/sessionsJobs.ts';
import { sessionCalendarText } from './cards/sessions/presenters/calendarText.ts';
import { GraphClients } from './graph/graphClients.ts';
import { GraphGroupMembership } from './graph/groupMembership.ts';
import { followUpLearningTimeJob } from './jobs/managersJobs.ts';
import { composeEffect } from './composeEffect.ts';
import { repairTeamSummariesJob } from './jobs/teamSummaryJobs.ts';
import { learningTimePresenter } from './cards/managers/presenters/learningTimePresenter.ts';
import { teamCardPresenter } from './cards/managers/presenters/teamCardPresenter.ts';
import { managerRoutes } from './http/tabs/managerRoutes.ts';
import { certificateRoutes } from './http/tabs/certificates/certificateRoutes.ts';
import { sessionRoutes } from './http/tabs/sessions/sessionRoutes.ts';
import type { SessionsDeps } from './usecases/sessions/sessionsDeps.ts';
import { systemClock } from './domain/platform/clock.ts';
import { tabReadRoutes } from './http/tabs/readRoutes.ts';
import type { TabApiDeps } from './http/tabs/router.ts';
import { createSsoVerifier, requireTabSso } from './http/tabs/sso.ts';
import { TableManagerIndex } from './store/managers/managerIndexStore.ts';
import { tableNames } from './store/platform/tables.ts';
import type { TeamReadDeps } from './usecases/managers/team/teamReadDeps.ts';

/** The tab API behind Teams SSO: read views here; other capabilities add their mounts to the list. */
function tabApiFor(
  config: Config,
  composed: Awaited<ReturnType<typeof compose>>,
  app: AppDeps,
  broadcasts: ReturnType<typeof composeBroadcasts>,
  effect: ReturnType<typeof composeEffect>,
  sessions: SessionsDeps,
): TabApiDeps {
  const sso = config.tabSso!;
  const { deps, storage } = composed;
  const verify = createSsoVerifier({
    authorityHost: sso.authorityHost,
    clientId: sso.clientId,
    servesTenant: (tenantId) => servesTenant(config.tenants, tenantId),
    // Token lifetimes are wall-clock time, also in the sandbox where the learning clock moves ahead.
    now: () => systemClock.now(),
  });
  const reads: TeamReadDeps = {
    clock: deps.clock,
    catalog: deps.catalog,
    managerIndex: new TableManagerIndex(storage.table(tableNames.managerIndex)),
    teamSummaries: composed.teamSummaries.teamSummaries,
    people: deps.people,
    progress: deps.progress,
    reachability: deps.reachability,
    learningTime: deps.learningTime,
    checkins: deps.checkins,
    defaultTimeZone: app.policy.timeZone,
    paths: composed.paths,
    certifications: composed.certificates.store,
    certificationCatalog: composed.certificates.catalog,
    hrAdminGroupId: sso.hrAdminGroupId,
    // Graph answers for tokens that carry no groups; where Graph is not configured, only tokens can.
    groupMembership: config.directory
      ? new GraphGroupMembership(new GraphClients(config.directory))
      : undefined,
  };
  const writes = { ...app, defaultTimeZone: app.policy.timeZone, teamCards: teamCardPresenter };
  return {
    authenticate: requireTabSso(verify),
    mounts: [
      tabReadRoutes(reads),
      managerRoutes(writes),
      ...broadcasts.tabMounts(reads),
      // My team's and the Admin tab's certificates: a query of their own beside My team's read model.
      certificateRoutes({
        ...reads,
        certifications: composed.certificates.store,
        certificationCatalog: composed.certificates.catalog,
        policy: app.policy,
      }),
      effect.tabMount(reads),
      // The privacy section: one person's data exported or erased, as `drypp privacy` does it.
      privacyTabMount(composed, reads),
      // Attendance at live sessions: instructors' and managers' rosters (the session policy decides).
      sessionRoutes(sessions),
    ],
    largeBodies: broadcasts.largeBodies,
  };
}

/** How often a process outside production reads the sandbox clock's offset (see AdjustableClock.follow). */
const SANDBOX_CLOCK_READ_MS = 2_000;

/** The composition root: the one place that wires adapters to use cases, and each role to the process. */

export interface RunningDrypp {
  port: number;
  stop(): Promise<void>;
}

export async function startDrypp(config: Config, log: Logger): Promise<RunningDrypp> {
  const composed = await compose(config, log);
  const { deps: stores, storage, adjustableClock } = composed;
  const adapter = createBotAdapter(config.bot);
  adapter.onTurnError = async (turn, error) => {
    log.error({ err: error, correlationId: activityIdOf(turn.activity.id) }, 'unhandled turn error');
  };
  // Approved learning time is booked through Graph where Graph is configured (the directory settings).
  const calendar = config.directory ? new GraphCalendarBooker(new GraphClients(config.directory)) : undefined;
  const deps = withCalendar(stores, calendar);

  // The one outbound pipeline (README "Outbound pipeline"): use cases enqueue on `outbound.pipeline`
  // in every role; the worker role consumes it, rendering each kind of card with its renderer below.
  const outbound = composeOutbound({
    config,
    storage,
    clock: deps.clock,
    conversations: deps.conversations,
    reachability: deps.reachability,
    connector: new BotTeamsConnector(adapter, config.bot.appId ?? ''),
    log,
  });
  /** One renderer per kind of card that goes through the pipeline; each capability adds its own. */
  const outboundKinds: OutboundCardKind[] = [];
  // Guidelines HR broadcasts: the Admin tab's API, the fan-out and reminders job, the cards' renderer.
  const broadcasts = composeBroadcasts({
    storage,
    clock: deps.clock,
    people: deps.people,
    leases: deps.leases,
    outbound: outbound.pipeline,
    defaultTimeZone: deps.policy.timeZone,
  });
  outboundKinds.push(broadcasts.kind);
  // The scheduler's cards (steps, reminders, reviews, check-ins); managers' nudges and thanks;
  // learning-time requests and answers; new hires' notices to their managers.
  outboundKinds.push(
    dripCardKind(deps, renderDueCard(deps.catalog)),
    placementCardKind(deps, renderPlacementCard),
    ...teamCardKinds(deps, teamCardPresenter),
    learningTimeCardKind(deps, learningTimePresenter(deps.catalog)),
    managerNoticeKind(deps, presentManagerNotice),
  );
  // The Admin tab's Effect view: its read model, the job that computes it, its routes.
  const effect = composeEffect({
    storage,
    clock: deps.clock,
    programs: composed.programs,
    catalog: deps.catalog,
    people: deps.people,
    leases: deps.leases,
  });
  // A completed program renews the certifications it certifies, as the answer that completed it is saved.
  const certificates = composeCertificates(
    composed,
    deps,
    outbound.pipeline,
    config.directory?.notifications?.publicUrl,
  );
  deps.completions = certificates.completions;
  outboundKinds.push(certificates.noticeKind);
  // Live sessions: bookings answered in the card, invitations through Graph by a job.
  const sessionsDeps = { ...deps, sessions: composed.sessions };

  const directory = config.directory
    ? composeDirectory(config.directory, composed, deps, log, outbound.installer, certificates.deps)
    : undefined;
  const stops: Array<() => Promise<void>> = [];
  if (adjustableClock) {
    // Outside production only: every role, the web one too, follows `drypp sandbox clock --advance`.
    const unfollow = adjustableClock.follow(SANDBOX_CLOCK_READ_MS, (error) =>
      log.warn({ err: error }, 'the sandbox clock could not be read; keeping the last offset'),
    );
    stops.push(async () => unfollow());
  }
  let port = config.port;

  const probes = [
    storageHealthProbe(storage),
    {
      name: 'outbound',
      async check() {
        return { ok: true, detail: `${await outbound.queue.setAsideCount()} set aside` };
      },
    },
    ...(directory ? [setAsideHealthProbe([{ name: 'directory hints', queue: directory.hints }])] : []),
  ];
  let app;
  if (config.roles.includes('web')) {
    app = createWebApp({
      log,
      adapter,
      bot: new DryppBot({ ...deps, broadcasting: broadcasts.deps, sessionsDeps }, log, {
        tenants: config.tenants,
      }),
      probes,
      tabsDir: path.resolve(repoRoot, config.tabsDir),
      botAuthRequired: Boolean(config.bot.appId),
      tabApi: config.tabSso ? tabApiFor(config, composed, deps, broadcasts, effect, sessionsDeps) : undefined,
      verify: certificates.deps,
      graphNotifications:
        directory && config.directory?.notifications
          ? {
              hints: directory.hints,
              clientState: config.directory.notifications.clientState,
              tenants: config.directory.tenants,
            }
          : undefined,
    });
  } else {
    app = createHealthOnlyApp({ log, probes });
  }
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  port = (server.address() as { port: number }).port;
  log.info({ host: config.host, port, roles: config.roles }, 'listening');
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );

  if (config.roles.includes('worker')) {
    const worker = startWorker(
      [
        deliverDueCardsJob(deps, log, {
          intervalMs: config.schedulerIntervalMs,
          beforeRound: adjustableClock ? () => adjustableClock.refresh() : undefined,
        }),
        followUpLearningTimeJob(deps, learningTimePresenter(deps.catalog), log, {
          intervalMs: config.schedulerIntervalMs,
        }),
        syncSessionCalendarsJob(
          {
            ...sessionsDeps,
            calendar: config.directory
              ? new GraphSessionCalendar(new GraphClients(config.directory))
              : undefined,
          },
          sessionCalendarText,
          log,
          { intervalMs: config.schedulerIntervalMs },
        ),
        repairTeamSummariesJob({ ...deps, ...composed.teamSummaries }, log),
        sweepCertificationsJob(
          { ...certificates.deps, leases: deps.leases, upkeep: composed.certificates.upkeep },
          log,
          {
            intervalMs: config.schedulerIntervalMs,
            beforeRound: adjustableClock ? () => adjustableClock.refresh() : undefined,
          },
        ),
        ...(directory?.jobs ?? []),
        broadcasts.job(log, config.schedulerIntervalMs),
        effect.job(log),
        outbound.consumer(outboundKinds),
        ...(config.xapi ? composeLearningRecordJobs(config.xapi, storage, deps.catalog, log) : []),
        composeRetentionJob(composed, log),
      ],
      log,
    );
    stops.push(() => worker.stop());
  }

  return {
    port,
    async stop() {
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const drypp = await startDrypp(config, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Finish what is in flight, but never hang a deployment: give up after 10 s.
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    await drypp.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`Drypp failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
