import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { deliveryKey, type DueWork } from '../../domain/delivery/dueWork.ts';
import { type DueWorkStore } from '../../usecases/delivery/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';
import { submitInBatches, transactionChunks } from '../platform/transactionBatches.ts';

/**
 * The schedule: one row per card that must go out, keyed by time first so "what is due now" is one
 * range query per tenant. The rest of the key is the card's delivery key, so adding the same work
 * twice at the same time is one row.
 */
export class TableDueWorkStore implements DueWorkStore {
  constructor(private readonly table: TableClient) {}

  async add(work: DueWork): Promise<void> {
    await this.table.upsertEntity(toRow(work), 'Replace');
  }

  /** As add for each, in one transaction per 100 (a tenant's schedule is one partition). */
  async addAll(works: readonly DueWork[]): Promise<void> {
    const chunks = transactionChunks(works, (w) => keyPart(w.tenantId));
    await submitInBatches(
      this.table,
      chunks.map((chunk) => chunk.map((i): TransactionAction => ['upsert', toRow(works[i]!), 'Replace'])),
    );
  }

  async listDue(tenantId: string, now: Date, limit: number): Promise<DueWork[]> {
    const until = `${now.toISOString()}~`;
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${keyPart(tenantId)} and RowKey lt ${until}` },
    });
    const result: DueWork[] = [];
    for await (const row of rows) {
      result.push({ ...stripRow<DueWork>(row), tenantId, etag: undefined } as DueWork);
      if (result.length >= limit) break;
    }
    return result;
  }

  async remove(work: DueWork): Promise<void> {
    try {
      await this.table.deleteEntity(keyPart(work.tenantId), rowKeyOf(work));
    } catch (error) {
      if (!isStatus(error, 404)) throw error; // already removed by an earlier round: fine
    }
  }

  async move(work: DueWork, at: Date): Promise<DueWork> {
    const moved = { ...work, at: at.toISOString() };
    await this.add(moved); // add first: a crash in between leaves the work twice, never lost
    await this.remove(work);
    return moved;
  }

  async listForPerson(tenantId: string, userId: string): Promise<DueWork[]> {
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${keyPart(tenantId)} and userId eq ${userId}` },
    });
    const result: DueWork[] = [];
    for await (const row of rows) result.push({ ...stripRow<DueWork>(row), tenantId } as DueWork);
    return result.map(({ etag: _e, ...w }: DueWork & { etag?: string }) => w);
  }
}

function rowKeyOf(work: DueWork): string {
  return `${keyPart(work.at)}~${keyPart(deliveryKey(work))}`;
}

function toRow(work: DueWork) {
  const { tenantId, ...fields } = work;
  return { partitionKey: keyPart(tenantId), rowKey: rowKeyOf(work), ...withoutUndefined(fields) };
}
