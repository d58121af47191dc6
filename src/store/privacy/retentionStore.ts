import { odata, type TableClient } from '@azure/data-tables';
import type { PersonRef } from '../../domain/privacy/personalData.ts';
import type { Leaver, RetentionStore } from '../../usecases/privacy/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart, tenantPartitionRange } from '../platform/keys.ts';

/** That a leaver's learning records were removed while their certificates are still kept. */
export interface RetentionDoneRow {
  partitionKey: string;
  rowKey: string;
  learningRecordsRemovedAt: string;
}

/**
 * Who has left (People rows with `removedAt`), and which of them had their learning records removed
 * already (`RetentionDone`), so the daily job does not look through every table for them again.
 */
export class TableRetention implements RetentionStore {
  constructor(
    private readonly people: TableClient,
    private readonly done: TableClient,
  ) {}

  async leavers(tenantId: string): Promise<Leaver[]> {
    const range = tenantPartitionRange(tenantId);
    const found: Leaver[] = [];
    for await (const row of this.people.listEntities<{ id?: string; removedAt?: string }>({
      queryOptions: {
        filter: odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to} and removedAt gt ${''}`,
        select: ['RowKey', 'removedAt'],
      },
    })) {
      if (row.removedAt) found.push({ tenantId, personId: String(row.rowKey), removedAt: row.removedAt });
    }
    return found;
  }

  async learningRecordsRemoved(person: PersonRef): Promise<boolean> {
    try {
      await this.done.getEntity(keyPart(person.tenantId), keyPart(person.personId));
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async markLearningRecordsRemoved(person: PersonRef, at: Date): Promise<void> {
    const row: RetentionDoneRow = {
      partitionKey: keyPart(person.tenantId),
      rowKey: keyPart(person.personId),
      learningRecordsRemovedAt: at.toISOString(),
    };
    await this.done.upsertEntity(row, 'Replace');
  }
}
