import type { DirectorySettings } from './config/config.ts';
import type { Composed } from './compose.ts';
import { GraphAppInstaller } from './graph/appInstaller.ts';
import type { AppInstaller } from './usecases/directory/ports.ts';
import { GraphMailboxSettings } from './graph/mailboxSettings.ts';
import { TablePeopleStore } from './store/directory/peopleStore.ts';
import { TableTimeZoneCheckStore } from './store/directory/timeZoneCheckStore.ts';
import { GraphDirectoryReader } from './graph/directoryReader.ts';
import { GraphClients } from './graph/graphClients.ts';
import { GraphSubscriptions } from './graph/subscriptions.ts';
import { directoryJobs } from './jobs/directoryJobs.ts';
import type { Job } from './jobs/worker.ts';
import type { Logger } from './log/logger.ts';
import { TableErasedPeople } from './store/privacy/erasedPeopleStore.ts';
import { TableDirectoryMirror } from './store/directory/directoryMirror.ts';
import { TableSubscriptionStore } from './store/directory/subscriptionStore.ts';
import { TableSyncStateStore } from './store/directory/syncStateStore.ts';
import { queueNames, tableNames } from './store/platform/tables.ts';
import { WorkQueue } from './store/platform/workQueue.ts';
import { DirectoryHintSchema, type DirectoryHint } from './domain/directory/subscription.ts';
import type { LearningDeps } from './usecases/learning/learningDeps.ts';
import { noticeManager } from './usecases/directory/noticeManager.ts';
import type { SyncDeps } from './usecases/directory/syncDirectory.ts';
import type { CertificatesDeps } from './usecases/certificates/certificatesDeps.ts';

/** Directory sync wiring: Graph adapters, the mirror and its stores, the jobs and the hint queue. */
export function composeDirectory(
  settings: DirectorySettings,
  composed: Composed,
  deps: LearningDeps,
  log: Logger,
  /** The installer the outbound pipeline uses (the shared Graph budget); one of its own if absent. */
  installer?: AppInstaller,
  /** Where the learning paths' certifications are assigned. */
  certificates?: CertificatesDeps,
): { jobs: Job[]; hints: WorkQueue<DirectoryHint>; sync: SyncDeps } {
  const { storage } = composed;
  const graph = new GraphClients(settings);
  const reachability = deps.reachability;
  const hints = new WorkQueue<DirectoryHint>(storage.queue(queueNames.directoryHints), {
    parse: (json) => DirectoryHintSchema.parse(json),
    poison: storage.queue(queueNames.directoryHintsPoison),
    onSetAside: (info) => log.warn(info, 'queue message set aside'),
  });
  const timeZoneChecks = new TableTimeZoneCheckStore(storage.table(tableNames.timeZoneChecks));
  const sync: SyncDeps = {
    ...deps,
    timeZoneChecks,
    reader: new GraphDirectoryReader(graph),
    mirror: new TableDirectoryMirror(
      storage.table(tableNames.people),
      storage.table(tableNames.tenants),
      composed.managerIndex,
    ),
    syncState: new TableSyncStateStore(storage.table(tableNames.syncState)),
    reachability,
    rules: composed.rules,
    paths: composed.paths,
    certificates,
    newHirePolicy: settings.newHirePolicy,
    erased: new TableErasedPeople(storage.table(tableNames.erasedPeople)),
    noticeManager: async (hire, programIds) => {
      const result = await noticeManager(deps, hire, programIds);
      log.info({ tenantId: hire.tenantId, userId: hire.id, result }, 'manager notice');
    },
  };
  const notifications = settings.notifications;
  const jobs = directoryJobs(
    {
      tenants: settings.tenants,
      leases: deps.leases,
      sync,
      hints,
      clock: deps.clock,
      reachability,
      installer:
        installer ??
        new GraphAppInstaller(graph, settings.teamsAppCatalogId, new URL(settings.graphBaseUrl).origin),
      subscriptions: notifications
        ? {
            api: new GraphSubscriptions(graph),
            store: new TableSubscriptionStore(storage.table(tableNames.subscriptions)),
            target: {
              notificationUrl: `${notifications.publicUrl}/api/graph/notifications`,
              lifecycleNotificationUrl: `${notifications.publicUrl}/api/graph/lifecycle`,
              clientState: notifications.clientState,
            },
          }
        : undefined,
      timeZones: {
        clock: deps.clock,
        checks: timeZoneChecks,
        mailboxes: new GraphMailboxSettings(graph),
        people: new TablePeopleStore(
          storage.table(tableNames.people),
          storage.table(tableNames.tenants),
          composed.managerIndex,
        ),
        enrollments: deps.enrollments,
        defaultTimeZone: deps.policy.timeZone,
      },
      log,
    },
    { syncIntervalMs: settings.syncIntervalMs },
  );
  return { jobs, hints, sync };
}
