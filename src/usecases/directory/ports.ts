import type { DirectoryPerson, MirroredPerson } from '../../domain/directory/directoryPerson.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { Reachability } from '../../domain/directory/reachability.ts';
import type { SyncState } from '../../domain/directory/syncState.ts';
import type { Stored } from '../platform/ports.ts';

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

/**
 * A person to write to the mirror, guarded by what was read: with the ETag of the row as read, it
 * is written only if nobody changed the row since (learnTimeZones puts a person's zone on the same
 * row); without one (the person was not there, or a first sync read nothing), only if there is
 * still no row.
 */
export type MirrorWrite = MirroredPerson & { etag?: string };

/** The mirror of the directory: the People table, with the directory fields Drypp keeps. */
export interface DirectoryMirror {
  get(tenantId: string, id: string): Promise<Stored<MirroredPerson> | undefined>;
  /**
   * Writes many people at once (batched per partition). Answers the ids of the people whose rows
   * changed since they were read, which were not written (to be read and applied again); every
   * other person is written.
   */
  putMany(tenantId: string, mirrored: MirrorWrite[]): Promise<{ conflicts: string[] }>;
  /** Records that Drypp has people in this tenant (the scheduler's list of tenants). */
  registerTenant(tenantId: string): Promise<void>;
}

export interface SyncStateStore {
  get(tenantId: string): Promise<SyncState>;
  save(state: SyncState): Promise<'saved' | 'conflict'>;
}

export interface ReachabilityStore {
  get(tenantId: string, userId: string): Promise<Stored<Reachability> | undefined>;
  /** Insert-only: the first detection wins. */
  create(r: Reachability): Promise<'created' | 'exists'>;
  /** Writes the row if nobody changed it since it was read (its etag); 'conflict' otherwise. */
  update(r: Stored<Reachability>): Promise<'updated' | 'conflict'>;
  listDue(tenantId: string, now: Date): Promise<Array<Stored<Reachability>>>;
}

export interface PeopleStore {
  upsert(person: Person): Promise<void>;
  get(tenantId: string, id: string): Promise<Person | undefined>;
  /**
   * Only the person's directory language (every turn's first read: the answer's language): null when
   * the directory knows the person but no language for them, undefined when it does not know them.
   */
  preferredLanguage(tenantId: string, id: string): Promise<string | null | undefined>;
  findByUpn(tenantId: string, upn: string): Promise<Person | undefined>;
  /** Tenants Drypp has people in (the scheduler's list of partitions to scan). */
  tenants(): Promise<string[]>;
}
