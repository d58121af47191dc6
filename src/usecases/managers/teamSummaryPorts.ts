import type {
  TeamDirectoryEntry,
  TeamSummaryHome,
  TeamSummaryMember,
} from '../../domain/managers/teamSummary.ts';
import type { TeamViewMember } from '../../domain/managers/teamViewFacts.ts';
import type { Stored } from '../platform/ports.ts';

/** What My team's read model needs from storage (src/store/managers/teamSummaryStore.ts). */

export interface TeamSummaryStore {
  /** Everyone below the manager with their summary: one partition query. */
  listTeam(tenantId: string, managerId: string): Promise<TeamSummaryMember[]>;
  /** The same people with only what My team's list reads (teamViewFacts.ts): one partition query. */
  listTeamView(tenantId: string, managerId: string): Promise<TeamViewMember[]>;
  getHome(tenantId: string, personId: string): Promise<Stored<TeamSummaryHome> | undefined>;
  /**
   * Claims the home row's next version: created when `previous` is undefined, else replaced only if
   * it still has `previous`'s ETag. 'conflict' when another refresh claimed first.
   */
  claimHome(
    tenantId: string,
    home: TeamSummaryHome,
    previous: Stored<TeamSummaryHome> | undefined,
  ): Promise<Stored<TeamSummaryHome> | 'conflict'>;
  /** Writes the copy unless the stored one has the same or a later version. */
  putMember(tenantId: string, managerId: string, member: TeamSummaryMember): Promise<'written' | 'newer'>;
  /** Marks the copy removed (a row that keeps the version) unless the stored one is later. */
  removeMember(
    tenantId: string,
    managerId: string,
    personId: string,
    version: number,
  ): Promise<'removed' | 'newer'>;
  /** Every row of the tenant's summaries, copies and homes, for the repair sweep. */
  listTenantRows(tenantId: string): AsyncIterable<TeamSummaryRowRef>;
  /** Deletes a row only if it still has this ETag (the sweep never removes a fresh write). */
  deleteRow(tenantId: string, row: TeamSummaryRowRef): Promise<void>;
  /** Records that the tenant's summaries need a rebuild (a large directory change): one row per tenant. */
  requestRebuild(tenantId: string, at: Date): Promise<void>;
  rebuildRequest(tenantId: string): Promise<{ requestedAt: string; etag: string } | undefined>;
  /** Clears the request unless it was made again since it was read (then it stays for the next round). */
  clearRebuildRequest(tenantId: string, etag: string): Promise<void>;
}

export interface TeamSummaryRowRef {
  kind: 'member' | 'removed' | 'home';
  /** The partition's manager for copies; the person for home rows. */
  ownerId: string;
  personId: string;
  version: number;
  /** When storage last wrote the row (its Timestamp). */
  writtenAt: string;
  etag: string;
}

/** People as the directory mirror keeps them, with their manager and whether they are active. */
export interface TeamDirectory {
  get(tenantId: string, id: string): Promise<TeamDirectoryEntry | undefined>;
  list(tenantId: string): Promise<TeamDirectoryEntry[]>;
}
