import { odata, type TableClient } from '@azure/data-tables';
import type { TeamDirectoryEntry } from '../../domain/managers/teamSummary.ts';
import type { TeamDirectory } from '../../usecases/managers/teamSummaryPorts.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart, personPartition, tenantPartitionRange } from '../platform/keys.ts';

type Row = Record<string, unknown>;
const COLUMNS = ['id', 'managerId', 'displayName', 'jobTitle', 'department', 'accountEnabled', 'removedAt'];

/**
 * The People rows as My team's read model needs them: who reports to whom, the names the list shows,
 * and whether the account is active (the same rule the manager index applies: not removed, not
 * disabled). Reads only; the directory mirror and PeopleStore write these rows.
 */
export class TableTeamDirectory implements TeamDirectory {
  constructor(private readonly people: TableClient) {}

  async get(tenantId: string, id: string): Promise<TeamDirectoryEntry | undefined> {
    try {
      return entryOf(await this.people.getEntity<Row>(personPartition(tenantId, id), keyPart(id)));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async list(tenantId: string): Promise<TeamDirectoryEntry[]> {
    const { from, to } = tenantPartitionRange(tenantId);
    const rows = this.people.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey ge ${from} and PartitionKey lt ${to}`, select: COLUMNS },
    });
    const entries: TeamDirectoryEntry[] = [];
    for await (const row of rows) entries.push(entryOf(row));
    return entries;
  }
}

function entryOf(row: Row): TeamDirectoryEntry {
  // As the manager index keeps them: an empty title stays empty, an empty manager id is no manager.
  const text = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : undefined);
  const entry: TeamDirectoryEntry = {
    id: text('id') ?? String(row.rowKey),
    displayName: text('displayName') ?? '',
    active: !text('removedAt') && row.accountEnabled !== false,
  };
  const managerId = text('managerId');
  const jobTitle = text('jobTitle');
  const department = text('department');
  if (managerId) entry.managerId = managerId;
  if (jobTitle !== undefined) entry.jobTitle = jobTitle;
  if (department !== undefined) entry.department = department;
  return entry;
}
