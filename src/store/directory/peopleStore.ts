import { odata, type TableClient } from '@azure/data-tables';
import type { Person } from '../../domain/directory/person.ts';
import type { PeopleStore } from '../../usecases/directory/ports.ts';
import type { PersonTimeZones } from '../../usecases/directory/timeZonePorts.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart, personPartition, tenantPartitionRange } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';
import type { ManagerIndex } from '../../usecases/managers/teamPorts.ts';

/**
 * The people Drypp knows, by tenant and Entra object id: only the fields it needs (data minimisation).
 * Directory sync fills it; the sandbox seeds its demo organisation the same way.
 */
export class TablePeopleStore implements PeopleStore, PersonTimeZones {
  constructor(
    private readonly people: TableClient,
    private readonly tenantsTable: TableClient,
    private readonly managerIndex: ManagerIndex,
  ) {}

  /** Tests, benches and the CLI add people one at a time; directory sync writes through the mirror. */
  async upsert(person: Person): Promise<void> {
    const { tenantId, ...fields } = person;
    const before = person.managerId === undefined ? undefined : await this.get(tenantId, person.id);
    await this.people.upsertEntity(
      {
        partitionKey: personPartition(tenantId, person.id),
        rowKey: keyPart(person.id),
        ...withoutUndefined(fields),
        upnLower: person.userPrincipalName.toLowerCase(),
      },
      'Replace',
    );
    await this.tenantsTable.upsertEntity(
      { partitionKey: 'tenant', rowKey: keyPart(tenantId), tenantId },
      'Replace',
    );
    await this.managerIndex.apply(tenantId, [
      {
        id: person.id,
        managerId: person.managerId,
        previousManagerId: before?.managerId,
        active: true,
        displayName: person.displayName,
        jobTitle: person.jobTitle,
        department: person.department,
      },
    ]);
  }

  async get(tenantId: string, id: string): Promise<Person | undefined> {
    try {
      const row = await this.people.getEntity<Record<string, unknown>>(
        personPartition(tenantId, id),
        keyPart(id),
      );
      return toPerson(tenantId, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async preferredLanguage(tenantId: string, id: string): Promise<string | null | undefined> {
    try {
      // Only the one column: a smaller answer to read on every turn than the whole row.
      const row = await this.people.getEntity<{ preferredLanguage?: unknown }>(
        personPartition(tenantId, id),
        keyPart(id),
        { queryOptions: { select: ['preferredLanguage'] } },
      );
      return typeof row.preferredLanguage === 'string' ? row.preferredLanguage : null;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async findByUpn(tenantId: string, upn: string): Promise<Person | undefined> {
    const range = tenantPartitionRange(tenantId);
    const rows = this.people.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to} and upnLower eq ${upn.toLowerCase()}`,
      },
    });
    for await (const row of rows) return toPerson(tenantId, row);
    return undefined;
  }

  async setTimeZone(tenantId: string, id: string, timeZone: string): Promise<void> {
    // Merge: only this column. The mirror keeps it when it rewrites the row (it reads the row first).
    await this.people.upsertEntity(
      { partitionKey: personPartition(tenantId, id), rowKey: keyPart(id), timeZone },
      'Merge',
    );
  }

  async tenants(): Promise<string[]> {
    const result: string[] = [];
    for await (const row of this.tenantsTable.listEntities<{ tenantId: string }>({
      queryOptions: { filter: odata`PartitionKey eq 'tenant'` },
    })) {
      result.push(row.tenantId);
    }
    return result;
  }
}

function toPerson(tenantId: string, row: Record<string, unknown>): Person {
  const { upnLower: _u, etag: _e, ...person } = stripRow<Person & { upnLower?: string }>(row);
  return { ...person, tenantId };
}
