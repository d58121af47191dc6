import type { XapiSettingsConfig } from './config/config.ts';
import { LearningRecordMessageSchema, type LearningRecordBatch } from './domain/privacy/learningRecord.ts';
import type { ActivityNames } from './domain/privacy/xapiStatements.ts';
import { retentionJob, sendLearningRecordsJob } from './jobs/privacyJobs.ts';
import { TableRetention } from './store/privacy/retentionStore.ts';
import { personalDataTables } from './store/privacy/registry.ts';
import type { RetentionDeps } from './usecases/privacy/applyRetention.ts';
import { directorySyncLease } from './jobs/directoryJobs.ts';
import type { LeaseStore } from './usecases/platform/ports.ts';
import { randomUUID } from 'node:crypto';
import type { Job } from './jobs/worker.ts';
import type { Logger } from './log/logger.ts';
import { TableErasedPeople } from './store/privacy/erasedPeopleStore.ts';
import { StorageLearningRecordQueue } from './store/privacy/learningRecordQueue.ts';
import { TablePseudonymStore } from './store/privacy/pseudonymStore.ts';
import { TablePersonalDataStore } from './store/privacy/personalDataStore.ts';
import { TablePrivacyAudit } from './store/privacy/privacyAuditStore.ts';
import type { Clock } from './domain/platform/clock.ts';
import type { PrivacyPolicies } from './domain/privacy/privacyPolicy.ts';
import type { PrivacyDeps } from './usecases/privacy/personalDataRequests.ts';
import type { AdminPrivacyDeps } from './usecases/privacy/privacyRequestsFromAdminTab.ts';
import type { HrAdminGroupDeps } from './usecases/access/hrAdminGroup.ts';
import { privacyRoutes } from './http/tabs/privacy/privacyRoutes.ts';
import type { TabRouteMount } from './http/tabs/router.ts';
import { queueNames, tableNames } from './store/platform/tables.ts';
import { WorkQueue } from './store/platform/workQueue.ts';
import type { StorageClients } from './store/platform/storageClients.ts';
import type { ProgramCatalog } from './usecases/learning/programCatalog.ts';
import type { LearningRecordQueue, PseudonymStore } from './usecases/privacy/ports.ts';
import type { SendLearningRecordsDeps } from './usecases/privacy/sendLearningRecords.ts';
import { XapiLearningRecordStore } from './xapi/learningRecordStore.ts';

/**
 * While the LRS is down a record comes back every `retrySeconds`; this many tries cover a week at
 * the default minute, after which it waits on the poison queue for an operator, still not lost.
 */
const MAX_TRIES = 10_080;

export function learningRecordWorkQueue(
  storage: StorageClients,
  log: Logger,
): WorkQueue<LearningRecordBatch> {
  return new WorkQueue<LearningRecordBatch>(storage.queue(queueNames.xapiRecords), {
    parse: (json) => LearningRecordMessageSchema.parse(json),
    poison: storage.queue(queueNames.xapiRecordsPoison),
    maxDequeueCount: MAX_TRIES,
    onSetAside: (info) => log.warn(info, 'queue message set aside'),
  });
}

/** Where the learning use cases put records when an LRS is configured. */
export function learningRecordQueue(storage: StorageClients, log: Logger): LearningRecordQueue {
  return new StorageLearningRecordQueue(learningRecordWorkQueue(storage, log));
}

/** Activity names for the statements: program and step titles from the content. */
export function activityNames(catalog: ProgramCatalog): ActivityNames {
  return {
    program: (programId) => catalog.find(programId)?.title,
    step: (programId, stepId) => catalog.find(programId)?.steps.find((s) => s.id === stepId)?.title,
  };
}

/** What the sender needs: the queue, the pseudonyms, the tombstones and the configured LRS. */
export function learningRecordSenderDeps(
  settings: XapiSettingsConfig,
  storage: StorageClients,
  catalog: ProgramCatalog,
  log: Logger,
): SendLearningRecordsDeps {
  const erased = new TableErasedPeople(storage.table(tableNames.erasedPeople));
  return {
    inbox: learningRecordWorkQueue(storage, log),
    pseudonyms: rememberedPseudonyms(new TablePseudonymStore(storage.table(tableNames.xapiPseudonyms))),
    lrs: new XapiLearningRecordStore(settings),
    names: activityNames(catalog),
    settings: { homePage: settings.homePage, activityBase: settings.activityBase },
    erasedIn: (tenantId) => erased.erasedIn(tenantId),
  };
}

/** The worker's job that sends queued learning records to the configured LRS. */
export function composeLearningRecordJobs(
  settings: XapiSettingsConfig,
  storage: StorageClients,
  catalog: ProgramCatalog,
  log: Logger,
): Job[] {
  return [
    sendLearningRecordsJob(learningRecordSenderDeps(settings, storage, catalog, log), log, {
      intervalMs: settings.sendIntervalMs,
      visibilitySeconds: settings.retrySeconds,
    }),
  ];
}

/** Export and erasure over every table, with the tenant's legal holds and the audit trail (CLI, tab). */
export function privacyRequestDeps(composed: {
  storage: StorageClients;
  privacy: PrivacyPolicies;
  deps: { clock: Clock; leases: LeaseStore };
}): PrivacyDeps {
  const { storage } = composed;
  return {
    clock: composed.deps.clock,
    personalData: new TablePersonalDataStore(storage),
    pseudonyms: new TablePseudonymStore(storage.table(tableNames.xapiPseudonyms)),
    erased: new TableErasedPeople(storage.table(tableNames.erasedPeople)),
    policies: composed.privacy,
    audit: new TablePrivacyAudit(storage.table(tableNames.privacyAudit)),
    outsideDirectoryRounds: (tenantId, work) =>
      holdingLease(composed.deps.leases, directorySyncLease(tenantId), work),
  };
}

/** The Admin tab's export and erasure: the CLI's use cases, with the person found by UPN or object id. */
export function adminPrivacyDeps(composed: {
  storage: StorageClients;
  privacy: PrivacyPolicies;
  deps: { clock: Clock; leases: LeaseStore; people: AdminPrivacyDeps['people'] };
}): AdminPrivacyDeps {
  const erased = new TableErasedPeople(composed.storage.table(tableNames.erasedPeople));
  return {
    ...privacyRequestDeps(composed),
    people: composed.deps.people,
    wasErased: (person) => erased.isErased(person),
  };
}

/** The Admin tab's privacy routes (POST /api/tab/privacy/export and /erase). */
export function privacyTabMount(
  composed: Parameters<typeof adminPrivacyDeps>[0],
  hrAdminGroup: HrAdminGroupDeps = {},
): TabRouteMount {
  return privacyRoutes(adminPrivacyDeps(composed), hrAdminGroup);
}

/** A round of a large tenant takes under a minute; erasure waits up to five for it to end. */
const LEASE_WAIT_MS = 5 * 60_000;
const ERASURE_LEASE_TTL_MS = 5 * 60_000;

async function holdingLease<T>(leases: LeaseStore, name: string, work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const deadline = Date.now() + LEASE_WAIT_MS;
  while (!(await leases.acquire(name, holder, new Date(), ERASURE_LEASE_TTL_MS))) {
    if (Date.now() > deadline) throw new Error(`${name} stayed held for ${LEASE_WAIT_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await work();
  } finally {
    await leases.release(name, holder);
  }
}

/**
 * Pseudonyms the sender has read, kept in this process (up to 20,000 people) so that each record does
 * not read its person's row again. Safe to keep: a pseudonym changes only by erasure, and the sender
 * checks the tombstones (read each round) before it uses one, so an erased person's is never used.
 */
function rememberedPseudonyms(store: PseudonymStore): PseudonymStore {
  const known = new Map<string, Promise<string>>();
  return {
    pseudonymOf(person) {
      const key = `${person.tenantId}\n${person.personId}`;
      let found = known.get(key);
      if (!found) {
        if (known.size >= 20_000) known.clear();
        found = store.pseudonymOf(person);
        found.catch(() => known.delete(key));
        known.set(key, found);
      }
      return found;
    },
    async forget(person) {
      known.delete(`${person.tenantId}\n${person.personId}`);
      await store.forget(person);
    },
  };
}

/** Tables a leaver keeps until the certificates' period ends: who they were, and their certificates. */
const keptUntilCertificatesGo: readonly string[] = [
  tableNames.people,
  tableNames.certifications,
  tableNames.certificateCodes,
  tableNames.certificationSchedule,
  tableNames.retentionDone,
];

export function retentionDeps(composed: {
  storage: StorageClients;
  privacy: PrivacyPolicies;
  deps: { clock: Clock };
}): RetentionDeps {
  const { storage } = composed;
  return {
    clock: composed.deps.clock,
    policies: composed.privacy,
    retention: new TableRetention(storage.table(tableNames.people), storage.table(tableNames.retentionDone)),
    everything: new TablePersonalDataStore(storage),
    learningRecords: new TablePersonalDataStore(
      storage,
      personalDataTables.filter((t) => !keptUntilCertificatesGo.includes(t.table)),
    ),
    pseudonyms: new TablePseudonymStore(storage.table(tableNames.xapiPseudonyms)),
  };
}

/** The worker's daily retention job, over every tenant Drypp has people in. */
export function composeRetentionJob(
  composed: {
    storage: StorageClients;
    privacy: PrivacyPolicies;
    deps: { clock: Clock; leases: LeaseStore; people: { tenants(): Promise<string[]> } };
  },
  log: Logger,
): Job {
  return retentionJob(
    {
      ...retentionDeps(composed),
      leases: composed.deps.leases,
      tenants: () => composed.deps.people.tenants(),
    },
    log,
  );
}
