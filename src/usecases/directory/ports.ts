import type { DirectoryPerson } from '../../domain/directory/directoryPerson.ts';

/**
 * Ports for directory sync and reachability. src/graph implements the Graph side; src/store the
 * mirror, the sync state and reachability rows.
 */

export interface DeltaPage {
  /** Changed or new people; for a changed person Graph may send only the changed properties. */
  people: Array<Partial<DirectoryPerson> & { id: string }>;
  removedIds: string[];
  nextLink?: string;
  deltaLink?: string;
}

/** Graph answered 410 Gone: the delta token is stale and a full resync must start. */
export class DeltaTokenExpiredError extends Error {
  constructor() {
    super('the delta token has expired; a full resync is needed');
    this.name = 'DeltaTokenExpiredError';
  }
}

export interface DirectoryReader {
  /** A page of `/users/delta`: the first page of a full sync when `link` is undefined. */
  deltaPage(tenantId: string, link?: string): Promise<DeltaPage>;
}

export type InstallResult =
  | { kind: 'installed' }
  | { kind: 'alreadyInstalled' }
  | { kind: 'retry'; afterMs: number; reason: string }
  | { kind: 'failed'; reason: string };

/** Installs Drypp for a person (Graph installedApps), so the bot can message them first. */
export interface AppInstaller {
  installForUser(tenantId: string, userId: string): Promise<InstallResult>;
}

export interface MirroredPerson {
  person: DirectoryPerson;
  /** When Drypp first met the person as an enabled member (undefined until then). */
  firstSeenAt?: string;
  removedAt?: string;
}

/** The mirror of the directory: the People table, with the directory fields Drypp keeps. */
export interface DirectoryMirror {
  get(tenantId: string, id: string): Promise<MirroredPerson | undefined>;
  /** Writes many people at once (batched per partition): a page of a 100,000-person sync is 10 calls. */
  putMany(tenantId: string, mirrored: MirroredPerson[]): Promise<void>;
  /** Records that Drypp has people in this tenant (the scheduler's list of tenants). */
  registerTenant(tenantId: string): Promise<void>;
}

export interface SyncState {
  tenantId: string;
  deltaLink?: string;
  /** A nextLink of a round in progress, so a crash resumes instead of starting over. */
  resumeLink?: string;
  initialSyncDone: boolean;
  lastRoundAt?: string;
  etag?: string;
}

export interface SyncStateStore {
  get(tenantId: string): Promise<SyncState>;
  save(state: SyncState): Promise<'saved' | 'conflict'>;
}

export type ReachabilityStage =
  'detected' | 'appInstalled' | 'chatKnown' | 'firstCardDelivered' | 'notReachable';

export interface Reachability {
  tenantId: string;
  userId: string;
  stage: ReachabilityStage;
  detectedAt: string;
  appInstalledAt?: string;
  chatKnownAt?: string;
  firstCardAt?: string;
  attempts: number;
  nextAttemptAt?: string;
  lastProblem?: string;
  etag?: string;
}

export interface ReachabilityStore {
  get(tenantId: string, userId: string): Promise<Reachability | undefined>;
  /** Insert-only: the first detection wins. */
  create(r: Reachability): Promise<'created' | 'exists'>;
  update(r: Reachability): Promise<'updated' | 'conflict'>;
  listDue(tenantId: string, now: Date): Promise<Reachability[]>;
}
