import { guidelineCardPresenter } from './cards/broadcasts/presenters/acknowledgePresenter.ts';
import type { Clock } from './domain/platform/clock.ts';
import { broadcastLargeBodies, broadcastRoutes } from './http/tabs/broadcastRoutes.ts';
import { teamAcknowledgementRoutes } from './http/tabs/teamAcknowledgementRoutes.ts';
import { broadcastsJob } from './jobs/broadcastsJobs.ts';
import type { Logger } from './log/logger.ts';
import { TableAudienceDirectory } from './store/broadcasts/audienceDirectory.ts';
import { TableBroadcastStore } from './store/broadcasts/broadcastStore.ts';
import { TableRecipientStore } from './store/broadcasts/recipientStore.ts';
import { TableManagerIndex } from './store/managers/managerIndexStore.ts';
import type { StorageClients } from './store/platform/storageClients.ts';
import { tableNames } from './store/platform/tables.ts';
import { broadcastCardKind } from './usecases/broadcasts/broadcastCardKind.ts';
import type { BroadcastsDeps } from './usecases/broadcasts/broadcastsDeps.ts';
import type { HrAdminGroupDeps } from './usecases/access/hrAdminGroup.ts';
import type { OutboundPipeline } from './usecases/delivery/outboundPorts.ts';
import type { PeopleStore } from './usecases/directory/ports.ts';
import type { LeaseStore } from './usecases/platform/ports.ts';

/** How long the tab's live count may reuse one listing of the tenant's people. */
const AUDIENCE_CACHE_MS = 10_000;

/**
 * The broadcasts capability's wiring: its stores, the outbound kind that renders guideline cards at
 * send time, the worker's job, and the tab API's routes. Shared by the server and the CLI.
 */
export function composeBroadcasts(options: {
  storage: StorageClients;
  clock: Clock;
  people: Pick<PeopleStore, 'get' | 'tenants'>;
  leases: LeaseStore;
  outbound: OutboundPipeline;
  defaultTimeZone: string;
}) {
  const { storage } = options;
  const deps: BroadcastsDeps = {
    clock: options.clock,
    broadcasts: new TableBroadcastStore(
      storage.table(tableNames.broadcasts),
      storage.table(tableNames.broadcastVersions),
      storage.table(tableNames.broadcastAudiences),
    ),
    recipients: new TableRecipientStore(storage.table(tableNames.broadcastRecipients)),
    directory: new TableAudienceDirectory(storage.table(tableNames.people), { cacheMs: AUDIENCE_CACHE_MS }),
    outbound: options.outbound,
    people: options.people,
    managerIndex: new TableManagerIndex(storage.table(tableNames.managerIndex)),
    leases: options.leases,
    cards: guidelineCardPresenter,
    defaultTimeZone: options.defaultTimeZone,
  };
  return {
    deps,
    /** The outbound pipeline's renderer of guideline cards (register it with the consumer). */
    kind: broadcastCardKind(deps),
    job: (log: Logger, intervalMs: number) => broadcastsJob(deps, log, { intervalMs }),
    /** The tab API's routes; HR admins are those with the app role or in the configured group. */
    tabMounts: (hrAdminGroup: HrAdminGroupDeps = {}) => [
      broadcastRoutes(deps, hrAdminGroup),
      teamAcknowledgementRoutes(deps),
    ],
    largeBodies: broadcastLargeBodies,
  };
}
