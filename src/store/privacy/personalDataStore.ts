import type { TableClient } from '@azure/data-tables';
import type {
  EraseContext,
  ErasureCounts,
  PersonRef,
  PersonalRow,
} from '../../domain/privacy/personalData.ts';
import type { PersonalDataStore } from '../../usecases/privacy/ports.ts';
import { isStatus } from '../platform/errors.ts';
import type { StorageClients } from '../platform/storageClients.ts';
import type { PersonalDataTable } from './personalDataTable.ts';
import { personalDataTables } from './registry.ts';

/** Export and erasure over every declared table (./registry.ts), one table after another. */
export class TablePersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly storage: StorageClients,
    private readonly tables: readonly PersonalDataTable[] = personalDataTables,
  ) {}

  async exportPerson(person: PersonRef): Promise<PersonalRow[]> {
    const rows: PersonalRow[] = [];
    for (const table of this.tables) {
      for (const row of await table.find(this.client(table), person)) {
        if (row.role === 'own') rows.push(row);
        else rows.push({ ...row, ...withoutOthers(row, table) });
      }
    }
    return rows;
  }

  async erasePerson(person: PersonRef, context: EraseContext): Promise<Record<string, ErasureCounts>> {
    const counts: Record<string, ErasureCounts> = {};
    for (const table of this.tables) {
      const client = this.client(table);
      const found = await table.find(client, person);
      if (found.length === 0) continue;
      const c: ErasureCounts = { deleted: 0, anonymised: 0, kept: 0 };
      for (const row of found) {
        const decision = table.erase(row, person, context);
        if (decision.action === 'keep') {
          c.kept++;
          c.keptUnder = { ...c.keptUnder, [decision.hold]: (c.keptUnder?.[decision.hold] ?? 0) + 1 };
        } else if (decision.action === 'delete') {
          await deleteRow(client, row);
          c.deleted++;
        } else {
          await client.upsertEntity(
            { partitionKey: row.partitionKey, rowKey: row.rowKey, ...decision.fields },
            'Replace',
          );
          c.anonymised++;
        }
      }
      counts[table.table] = c;
    }
    return counts;
  }

  private client(table: PersonalDataTable): TableClient {
    return this.storage.table(table.table);
  }
}

/** A row that only names the person: their part of it, without the other person's columns or keys. */
function withoutOthers(
  row: PersonalRow,
  table: PersonalDataTable,
): Pick<PersonalRow, 'fields' | 'partitionKey' | 'rowKey'> {
  const fields = Object.fromEntries(
    Object.entries(row.fields).filter(([k]) => !table.othersColumns.includes(k)),
  );
  // The keys of another person's row carry their id: not part of this person's export.
  return { fields, partitionKey: '', rowKey: '' };
}

async function deleteRow(client: TableClient, row: PersonalRow): Promise<void> {
  try {
    await client.deleteEntity(row.partitionKey, row.rowKey);
  } catch (error) {
    if (!isStatus(error, 404)) throw error; // gone already: a second run, or a job got there first
  }
}
