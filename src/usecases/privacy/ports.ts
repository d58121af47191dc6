import type {
  EraseContext,
  ErasureCounts,
  PersonRef,
  PersonalRow,
} from '../../domain/privacy/personalData.ts';
import type { HoldsApplied, PrivacyRequest } from '../../domain/privacy/privacyRequest.ts';
import type { LearningRecord } from '../../domain/privacy/learningRecord.ts';
import type { XapiStatement } from '../../domain/privacy/xapiStatements.ts';

/** Every table's rows about one person (src/store/privacy/personalDataStore.ts). */
export interface PersonalDataStore {
  /** The person's own rows, and their part of other people's rows that name them. */
  exportPerson(person: PersonRef): Promise<PersonalRow[]>;
  /** Deletes or anonymises every row found, keeping what a legal hold keeps; counts per table. */
  erasePerson(person: PersonRef, context: EraseContext): Promise<Record<string, ErasureCounts>>;
}

/** Learning records waiting to go to the learning record store (a Storage queue, at least once). */
export interface LearningRecordQueue {
  add(record: LearningRecord): Promise<void>;
  /** Many records at once, several to a message (a bulk producer: a backfill, the bench). */
  addMany(records: readonly LearningRecord[]): Promise<void>;
}

/**
 * Each person's xAPI pseudonym: a random id made the first time it is needed, kept until the person
 * is erased. Forgetting it is what makes their statements in the LRS anonymous.
 */
export interface PseudonymStore {
  /** The person's pseudonym, made now if they have none. */
  pseudonymOf(person: PersonRef): Promise<string>;
  forget(person: PersonRef): Promise<void>;
}

/** What the learning record store said to a batch of statements. */
export type LrsAnswer =
  | { kind: 'stored' }
  /** 4xx: these statements will never be taken as they are (bad, or a different statement under the same id). */
  | { kind: 'refused'; status: number }
  /** Down, 5xx, timed out, or 429: try again later. */
  | { kind: 'unavailable'; reason: string };

/** A learning record store (xAPI 1.0.3): POST /statements with a batch. */
export interface LearningRecordStore {
  send(statements: readonly XapiStatement[]): Promise<LrsAnswer>;
}

/** The audit trail of export and erasure requests: rows that name nobody (store/privacy/privacyAuditStore.ts). */
export interface PrivacyAuditLog {
  /** Written before anything else is done, so a request that stops part-way is still on record. */
  started(tenantId: string, request: PrivacyRequest, at: Date): Promise<void>;
  completed(
    tenantId: string,
    requestId: string,
    at: Date,
    result: { tables: Record<string, ErasureCounts | { rows: number }>; holds?: HoldsApplied },
  ): Promise<void>;
}

/** Someone the directory no longer has, and since when. */
export interface Leaver extends PersonRef {
  removedAt: string;
}

/** Leavers and what retention already removed of theirs (store/privacy/retentionStore.ts). */
export interface RetentionStore {
  leavers(tenantId: string): Promise<Leaver[]>;
  learningRecordsRemoved(person: PersonRef): Promise<boolean>;
  markLearningRecordsRemoved(person: PersonRef, at: Date): Promise<void>;
}
