import type { XapiSettingsConfig } from './config/config.ts';
import { LearningRecordSchema, type LearningRecord } from './domain/privacy/learningRecord.ts';
import type { ActivityNames } from './domain/privacy/xapiStatements.ts';
import { sendLearningRecordsJob } from './jobs/privacyJobs.ts';
import type { Job } from './jobs/worker.ts';
import type { Logger } from './log/logger.ts';
import { TableErasedPeople } from './store/privacy/erasedPeopleStore.ts';
import { StorageLearningRecordQueue } from './store/privacy/learningRecordQueue.ts';
import { TablePseudonymStore } from './store/privacy/pseudonymStore.ts';
import { queueNames, tableNames } from './store/platform/tables.ts';
import { WorkQueue } from './store/platform/workQueue.ts';
import type { StorageClients } from './store/platform/storageClients.ts';
import type { ProgramCatalog } from './usecases/learning/programCatalog.ts';
import type { LearningRecordQueue } from './usecases/privacy/ports.ts';
import type { SendLearningRecordsDeps } from './usecases/privacy/sendLearningRecords.ts';
import { XapiLearningRecordStore } from './xapi/learningRecordStore.ts';

/**
 * While the LRS is down a record comes back every `retrySeconds`; this many tries cover a week at
 * the default minute, after which it waits on the poison queue for an operator, still not lost.
 */
const MAX_TRIES = 10_080;

export function learningRecordWorkQueue(storage: StorageClients, log: Logger): WorkQueue<LearningRecord> {
  return new WorkQueue<LearningRecord>(storage.queue(queueNames.xapiRecords), {
    parse: (json) => LearningRecordSchema.parse(json),
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
    pseudonyms: new TablePseudonymStore(storage.table(tableNames.xapiPseudonyms)),
    lrs: new XapiLearningRecordStore(settings),
    names: activityNames(catalog),
    settings: { homePage: settings.homePage, activityBase: settings.activityBase },
    isErased: (person) => erased.isErased(person),
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
