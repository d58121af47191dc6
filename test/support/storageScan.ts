import type { StorageClients } from '../../src/store/platform/storageClients.ts';
import { tableNames } from '../../src/store/platform/tables.ts';

export interface FoundRow {
  table: string;
  row: Record<string, unknown>;
}

/**
 * Every row of every table that holds the value anywhere, keys or columns (case-insensitive): how
 * the privacy tests prove that nothing of a person is left, without trusting the registry's finders.
 */
export async function rowsHolding(storage: StorageClients, value: string): Promise<FoundRow[]> {
  const found: FoundRow[] = [];
  const needle = value.toLowerCase();
  for (const table of Object.values(tableNames)) {
    for await (const row of storage.table(table).listEntities<Record<string, unknown>>()) {
      const { etag: _e, timestamp: _t, 'odata.etag': _o, ...rest } = row;
      if (JSON.stringify(rest).toLowerCase().includes(needle)) found.push({ table, row: rest });
    }
  }
  return found;
}
