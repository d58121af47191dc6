import { odata, type TableClient } from '@azure/data-tables';
import type { TeamSummaryHome, TeamSummaryMember } from '../../domain/managers/teamSummary.ts';
import type { TeamSummaryRowRef, TeamSummaryStore } from '../../usecases/managers/teamSummaryPorts.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';
import { withoutUndefined } from '../platform/rowMapping.ts';
import {
  viewFactsOfLearning,
  type TeamViewFacts,
  type TeamViewMember,
} from '../../domain/managers/teamViewFacts.ts';
import { learningFromColumn, learningToColumn, viewFromColumn, viewToColumn } from './teamSummaryColumns.ts';

type Row = Record<string, unknown>;

/** Copies sort under `m|`, the person's own home row is `h`: a team read takes the `m|` range only. */
const MEMBER_PREFIX = 'm|';
const HOME_ROW = 'h';
/** In the tenant's own partition (`tenant`, outside every `tenant|…` range): a rebuild is wanted. */
const REBUILD_REQUEST = 'rebuildRequested';
/** Guarded writes that keep losing races give up here; the next refresh or the repair sweep catches up. */
const ATTEMPTS = 8;
/** What My team's list reads of a copy: never the full `learning` column. */
const VIEW_COLUMNS = [
  'rowType',
  'personId',
  'managerId',
  'depth',
  'displayName',
  'jobTitle',
  'department',
  'reachability',
  'view',
];

/**
 * My team's read model, in the TeamSummaries table. Partition `tenant|manager`: one copy of each
 * person's summary for every manager above them (row `m|person`), so a manager's whole team, at every
 * level, is one partition query. Partition `tenant|person` also holds that person's home row (`h`),
 * whose version orders the refreshes: a copy is only overwritten by a later version, and a copy a
 * manager should no longer have is replaced by a removal marker with the version that removed it, so
 * a slower, older refresh cannot bring it back. Partition `tenant` holds one row when a rebuild of the
 * tenant's summaries has been asked for.
 */
export class TableTeamSummaryStore implements TeamSummaryStore {
  constructor(private readonly table: TableClient) {}

  async listTeam(tenantId: string, managerId: string): Promise<TeamSummaryMember[]> {
    const rows = this.table.listEntities<Row>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partition(tenantId, managerId)} and RowKey ge ${MEMBER_PREFIX} and RowKey lt ${'m}'}`,
      },
    });
    const members: TeamSummaryMember[] = [];
    for await (const row of rows) if (row.rowType === 'member') members.push(memberFromRow(row));
    return members;
  }

  async listTeamView(tenantId: string, managerId: string): Promise<TeamViewMember[]> {
    const rows = this.table.listEntities<Row>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partition(tenantId, managerId)} and RowKey ge ${MEMBER_PREFIX} and RowKey lt ${'m}'}`,
        select: VIEW_COLUMNS,
      },
    });
    const members: TeamViewMember[] = [];
    let written = true;
    for await (const row of rows) {
      if (row.rowType !== 'member') continue;
      const facts = viewFromColumn(row.view);
      if (!facts) written = false;
      else members.push(viewMemberFromRow(row, facts));
    }
    if (written) return members;
    // A copy written before the list's facts were kept (until its next refresh): read the whole
    // partition with its learning and take the facts from that, as the old rows still hold all of it.
    return (await this.listTeam(tenantId, managerId)).map(({ learning, version: _v, ...member }) => ({
      ...member,
      facts: viewFactsOfLearning(learning),
    }));
  }

  async getHome(tenantId: string, personId: string): Promise<Stored<TeamSummaryHome> | undefined> {
    const row = await this.getRow(partition(tenantId, personId), HOME_ROW);
    return row ? homeFromRow(row) : undefined;
  }

  async claimHome(
    tenantId: string,
    home: TeamSummaryHome,
    previous: Stored<TeamSummaryHome> | undefined,
  ): Promise<Stored<TeamSummaryHome> | 'conflict'> {
    const row = homeToRow(tenantId, home);
    try {
      const written = previous
        ? await this.table.updateEntity(row, 'Replace', { etag: previous.etag })
        : await this.table.createEntity(row);
      return { ...home, etag: String(written.etag) };
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 409)) return 'conflict';
      throw error;
    }
  }

  async putMember(
    tenantId: string,
    managerId: string,
    member: TeamSummaryMember,
  ): Promise<'written' | 'newer'> {
    const row = withoutUndefined({
      partitionKey: partition(tenantId, managerId),
      rowKey: memberRowKey(member.personId),
      rowType: 'member',
      personId: member.personId,
      managerId: member.managerId,
      depth: member.depth,
      displayName: member.displayName,
      jobTitle: member.jobTitle,
      department: member.department,
      reachability: member.reachability,
      version: member.version,
      learning: learningToColumn(member.learning),
      view: viewToColumn(viewFactsOfLearning(member.learning)),
    });
    return (await this.writeIfNewer(row, member.version)) ? 'written' : 'newer';
  }

  async removeMember(
    tenantId: string,
    managerId: string,
    personId: string,
    version: number,
  ): Promise<'removed' | 'newer'> {
    const row = {
      partitionKey: partition(tenantId, managerId),
      rowKey: memberRowKey(personId),
      rowType: 'removed',
      personId,
      version,
    };
    return (await this.writeIfNewer(row, version)) ? 'removed' : 'newer';
  }

  async *listTenantRows(tenantId: string): AsyncIterable<TeamSummaryRowRef> {
    const from = `${keyPart(tenantId)}|`;
    const to = `${keyPart(tenantId)}}`;
    const rows = this.table.listEntities<Row>({
      queryOptions: {
        filter: odata`PartitionKey ge ${from} and PartitionKey lt ${to}`,
        select: ['PartitionKey', 'RowKey', 'rowType', 'personId', 'version', 'Timestamp'],
      },
    });
    for await (const row of rows) {
      const kind = row.rowType === 'home' ? 'home' : row.rowType === 'removed' ? 'removed' : 'member';
      yield {
        kind,
        ownerId: decodeURIComponent(String(row.partitionKey).slice(from.length)),
        personId: String(row.personId),
        version: Number(row.version),
        writtenAt: String(row.timestamp ?? ''),
        etag: String(row.etag),
      };
    }
  }

  async deleteRow(tenantId: string, ref: TeamSummaryRowRef): Promise<void> {
    const rowKey = ref.kind === 'home' ? HOME_ROW : memberRowKey(ref.personId);
    try {
      await this.table.deleteEntity(partition(tenantId, ref.ownerId), rowKey, { etag: ref.etag });
    } catch (error) {
      // Rewritten since the sweep read it (a fresh write wins), or already gone: both are fine.
      if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
    }
  }

  async requestRebuild(tenantId: string, at: Date): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: keyPart(tenantId), rowKey: REBUILD_REQUEST, requestedAt: at.toISOString() },
      'Replace',
    );
  }

  async rebuildRequest(tenantId: string): Promise<{ requestedAt: string; etag: string } | undefined> {
    const row = await this.getRow(keyPart(tenantId), REBUILD_REQUEST);
    return row ? { requestedAt: String(row.requestedAt), etag: String(row.etag) } : undefined;
  }

  async clearRebuildRequest(tenantId: string, etag: string): Promise<void> {
    try {
      await this.table.deleteEntity(keyPart(tenantId), REBUILD_REQUEST, { etag });
    } catch (error) {
      // Asked again since (the next round rebuilds again), or already cleared: both are fine.
      if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
    }
  }

  /** Writes the row unless the stored row has this version or a later one; true when written. */
  private async writeIfNewer(row: Row & { partitionKey: string; rowKey: string }, version: number) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const stored = await this.getRow(row.partitionKey, row.rowKey);
      if (stored && Number(stored.version) >= version) return false;
      try {
        if (stored) await this.table.updateEntity(row, 'Replace', { etag: String(stored.etag) });
        else await this.table.createEntity(row);
        return true;
      } catch (error) {
        // Someone wrote the row between our read and write: read again and compare versions again.
        if (!isStatus(error, 412) && !isStatus(error, 409)) throw error;
      }
    }
    throw new Error(`team summary row kept changing under ${ATTEMPTS} attempts`);
  }

  private async getRow(partitionKey: string, rowKey: string): Promise<Row | undefined> {
    try {
      return await this.table.getEntity<Row>(partitionKey, rowKey);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }
}

function partition(tenantId: string, ownerId: string): string {
  return `${keyPart(tenantId)}|${keyPart(ownerId)}`;
}

function memberRowKey(personId: string): string {
  return `${MEMBER_PREFIX}${keyPart(personId)}`;
}

const text = (row: Row, key: string) => (typeof row[key] === 'string' ? (row[key] as string) : undefined);

function memberFromRow(row: Row): TeamSummaryMember {
  return withoutUndefined({
    personId: String(row.personId),
    managerId: text(row, 'managerId'),
    depth: Number(row.depth),
    displayName: text(row, 'displayName') ?? '',
    jobTitle: text(row, 'jobTitle'),
    department: text(row, 'department'),
    reachability: text(row, 'reachability') as TeamSummaryMember['reachability'],
    version: Number(row.version),
    learning: learningFromColumn(row.learning),
  });
}

function viewMemberFromRow(row: Row, facts: TeamViewFacts): TeamViewMember {
  const member: TeamViewMember = {
    personId: String(row.personId),
    depth: Number(row.depth),
    displayName: text(row, 'displayName') ?? '',
    facts,
  };
  const managerId = text(row, 'managerId');
  if (managerId !== undefined) member.managerId = managerId;
  const jobTitle = text(row, 'jobTitle');
  if (jobTitle !== undefined) member.jobTitle = jobTitle;
  const department = text(row, 'department');
  if (department !== undefined) member.department = department;
  const reachability = text(row, 'reachability');
  if (reachability !== undefined) member.reachability = reachability as TeamViewMember['reachability'];
  return member;
}

function homeToRow(tenantId: string, home: TeamSummaryHome) {
  return {
    partitionKey: partition(tenantId, home.personId),
    rowKey: HOME_ROW,
    rowType: 'home',
    personId: home.personId,
    version: home.version,
    person: JSON.stringify(home.person),
    ancestors: JSON.stringify(home.ancestors),
    formerAncestors: JSON.stringify(home.formerAncestors),
  };
}

function homeFromRow(row: Row): Stored<TeamSummaryHome> {
  return {
    personId: String(row.personId),
    version: Number(row.version),
    person: JSON.parse(String(row.person)) as TeamSummaryHome['person'],
    ancestors: JSON.parse(String(row.ancestors)) as string[],
    formerAncestors: JSON.parse(String(row.formerAncestors)) as string[],
    etag: String(row.etag),
  };
}
