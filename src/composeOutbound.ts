import { randomUUID } from 'node:crypto';
import type { Config, DirectorySettings } from './config/config.ts';
import type { Clock } from './domain/platform/clock.ts';
import { GRAPH_INSTALLS_PER_SECOND, sendRate } from './domain/delivery/sendRate.ts';
import { GraphAppInstaller } from './graph/appInstaller.ts';
import { GraphClients } from './graph/graphClients.ts';
import { outboundJob } from './jobs/outboundJob.ts';
import type { Logger } from './log/logger.ts';
import { StorageOutboundQueue } from './store/delivery/outboundQueue.ts';
import { TableOutboundStatusStore } from './store/delivery/outboundStatusStore.ts';
import { TableSendRateStore } from './store/delivery/sendRateStore.ts';
import type { StorageClients } from './store/platform/storageClients.ts';
import { queueNames, tableNames } from './store/platform/tables.ts';
import type { AppInstaller, ReachabilityStore } from './usecases/directory/ports.ts';
import { installWithinBudget } from './usecases/directory/installWithinBudget.ts';
import { ConversationPacer } from './usecases/delivery/conversationPacer.ts';
import type { OutboundHandlerDeps } from './usecases/delivery/handleOutbound.ts';
import { QueuedOutboundPipeline } from './usecases/delivery/outboundPipeline.ts';
import type { OutboundCardKind, TeamsConnector } from './usecases/delivery/outboundPorts.ts';
import type { ConversationStore, TenantSendRate } from './usecases/delivery/ports.ts';
import { SharedTenantSendRate } from './usecases/delivery/sharedSendRate.ts';

/**
 * The outbound pipeline's wiring: the status table, the queues, the shared rates (Teams sends;
 * Graph installs), the Teams connector. `pipeline` is what use cases enqueue on (every process has
 * it); `consumer(kinds)` is the worker role's job, with the renderer of every kind of card.
 */
export function composeOutbound(options: {
  config: Pick<Config, 'delivery' | 'outbound'> & { directory?: DirectorySettings };
  storage: StorageClients;
  clock: Clock;
  conversations: ConversationStore;
  /** Where new hires are on the way to their first card: an install is recorded there. */
  reachability: ReachabilityStore;
  log: Logger;
  /** Teams' Bot Connector (src/teams/teamsConnector.ts over the bot's adapter). */
  connector: TeamsConnector;
  /** Names this process on the rows it sends (a random id unless given). */
  workerId?: string;
}) {
  const { config, storage, log } = options;
  const { status, queue, pipeline } = outboundPipelineOn(storage, options.clock, log);
  const lifted = config.outbound.limitsLifted;
  const rate = lifted ? unlimited : sharedRate(storage, 'sendRate', config.delivery.tenantSendsPerSecond, 50);
  const directory = config.directory;
  // One installer for the pipeline and the directory's new-hire job: the shared Graph budget, and
  // nobody installed twice.
  const installer: AppInstaller | undefined = directory
    ? installWithinBudget({
        installer: new GraphAppInstaller(
          new GraphClients(directory),
          directory.teamsAppCatalogId,
          new URL(directory.graphBaseUrl).origin,
          1000, // the shared budget paces installs for all workers together
        ),
        rate: sharedRate(
          storage,
          'graphInstalls',
          config.outbound.graphInstallsPerSecond,
          GRAPH_INSTALLS_PER_SECOND,
        ),
        reachability: options.reachability,
        clock: options.clock,
      })
    : undefined;

  const consumer = (kinds: OutboundCardKind[]) => {
    const deps: OutboundHandlerDeps = {
      clock: options.clock,
      status,
      queue,
      conversations: options.conversations,
      connector: options.connector,
      kinds: new Map(kinds.map((k) => [k.kind, k])),
      rate,
      pacer: new ConversationPacer(lifted),
      installer,
      nowMs: () => Date.now(),
      random: Math.random,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      staleMs: config.outbound.visibilitySeconds * 1000,
      workerId: options.workerId ?? randomUUID(),
      notice: (event, detail) => log.info(detail, event),
    };
    return outboundJob(deps, log, {
      concurrency: config.outbound.concurrency,
      visibilitySeconds: config.outbound.visibilitySeconds,
    });
  };
  return { pipeline, queue, status, consumer, installer };
}

/** The pipeline's status table and queues on a store: what enqueueing needs (no Teams, no rates). */
export function outboundPipelineOn(storage: StorageClients, clock: Clock, log: Logger) {
  const status = new TableOutboundStatusStore(storage.table(tableNames.outboundStatus));
  const queue = new StorageOutboundQueue(
    {
      interactive: storage.queue(queueNames.outbound),
      bulk: storage.queue(queueNames.outboundBulk),
      poison: storage.queue(queueNames.outboundPoison),
    },
    (info) => log.warn(info, 'outbound message set aside'),
  );
  return { status, queue, pipeline: new QueuedOutboundPipeline({ clock, status, queue }) };
}

const unlimited: TenantSendRate = { take: async () => undefined };

/**
 * A rate shared by every worker process through its row in storage. Real time, not the sandbox's
 * adjustable clock: Teams and Graph count real seconds.
 */
export function sharedRate(
  storage: StorageClients,
  budget: 'sendRate' | 'graphInstalls',
  perSecond: number,
  limit: number,
): TenantSendRate {
  const rate = sendRate(perSecond, { limit });
  if (typeof rate === 'string') throw new Error(rate); // the config schema already allows only 1..limit
  return new SharedTenantSendRate({
    rate,
    store: new TableSendRateStore(storage.table(tableNames.sendRate), budget),
    nowMs: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
  });
}
