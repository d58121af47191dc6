import type { TableClient, TableEntity } from '@azure/data-tables';
import { isStatus } from './errors.ts';

/**
 * Read-modify-write guarded by the row's ETag: when another worker changed the row in between, the
 * write fails with 412 and we read again, so no update is silently lost.
 * `change` returns the new row, or undefined to leave the row as it is.
 */
export async function updateWithEtag<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  change: (current: TableEntity<T>) => TableEntity<T> | undefined,
  attempts = 5,
): Promise<'updated' | 'unchanged'> {
  for (let attempt = 1; ; attempt++) {
    const current = await table.getEntity<T>(partitionKey, rowKey);
    const next = change(current as TableEntity<T>);
    if (!next) return 'unchanged';
    try {
      await table.updateEntity(next, 'Replace', { etag: current.etag });
      return 'updated';
    } catch (error) {
      if (!isStatus(error, 412) || attempt >= attempts) throw error;
    }
  }
}
