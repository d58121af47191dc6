import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { OutboundRecipient } from '../../domain/delivery/outbound.ts';
import type {
  OutboundStatusStore,
  OutboundTarget,
  StoredRecipient,
} from '../../usecases/delivery/outboundPorts.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/** Items without a batch share this batch name in the keys. */
const NO_BATCH = '-';
const BUCKETS = 16;

/**
 * One status row per outbound item: `tenant|batch|bucket` / key. A batch spreads over 16
 * partitions (by a hash of the key), so a broadcast's sends are not all writes to one partition,
 * and a batch is still one key range to list. The row is the send's record: written before the call
 * to Teams (sending) and after it (sent, failed), ETag-guarded, so two workers never both take it.
 */
export class TableOutboundStatusStore implements OutboundStatusStore {
  constructor(private readonly table: TableClient) {}

  async create(rows: OutboundRecipient[]) {
    const results = new Array<
      { created: true; etag: string } | { created: false; existing: StoredRecipient }
    >(rows.length);
    // Rows of one partition go in transactions of up to 100; a transaction that meets a row created
    // earlier fails whole, and its rows are then created one by one.
    const groups = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const pk = partitionOf(row);
      groups.set(pk, [...(groups.get(pk) ?? []), i]);
    });
    const chunks: number[][] = [];
    for (const indexes of groups.values())
      for (let i = 0; i < indexes.length; i += 100) chunks.push(indexes.slice(i, i + 100));
    let next = 0;
    const lane = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        const keys = new Set(chunk.map((i) => rows[i]!.key));
        if (chunk.length > 1 && keys.size === chunk.length) {
          try {
            const actions: TransactionAction[] = chunk.map((i) => ['create', toRow(rows[i]!)]);
            const response = await this.table.submitTransaction(actions);
            chunk.forEach((i, n) => {
              const etag = response.subResponses[n]?.etag;
              if (!etag) throw new Error('a created status row came back without its ETag');
              results[i] = { created: true, etag };
            });
            continue;
          } catch (error) {
            if (!isStatus(error, 409)) throw error;
          }
        }
        for (const i of chunk) results[i] = await this.createOne(rows[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, chunks.length) }, lane));
    return results;
  }

  async get(target: OutboundTarget): Promise<StoredRecipient | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        partitionOf(target),
        keyPart(target.key),
      );
      return fromRow(row, target.tenantId);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async change(
    target: OutboundTarget,
    fields: Partial<Omit<OutboundRecipient, 'tenantId' | 'key' | 'batchId'>>,
    etag: string,
  ): Promise<{ etag: string } | 'conflict'> {
    const { ref, ...rest } = fields;
    const entity = {
      partitionKey: partitionOf(target),
      rowKey: keyPart(target.key),
      ...withoutUndefined(rest),
      ...(ref ? { ref: JSON.stringify(ref) } : {}),
    };
    try {
      const updated = await this.table.updateEntity(entity, 'Merge', { etag });
      return { etag: requiredEtag(updated, 'outbound status') };
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return 'conflict';
      throw error;
    }
  }

  async list(tenantId: string, batchId: string, page: { continuation?: string; limit: number }) {
    const prefix = `${keyPart(tenantId)}|${keyPart(batchId)}|`;
    const pages = this.table
      .listEntities<Record<string, unknown>>({
        queryOptions: {
          filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix.slice(0, -1)}}`}`,
        },
      })
      .byPage({ maxPageSize: page.limit, continuationToken: page.continuation });
    const { value, done } = await pages.next();
    if (done || !value) return { rows: [] };
    const rows = value.map((row) => {
      const { etag: _etag, ...recipient } = fromRow(row, tenantId);
      return recipient;
    });
    return { rows, continuation: value.continuationToken };
  }

  private async createOne(row: OutboundRecipient) {
    try {
      const created = await this.table.createEntity(toRow(row));
      return { created: true as const, etag: requiredEtag(created, 'outbound status') };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      const existing = await this.get(row);
      if (!existing) throw new Error('a status row answered 409 on create and 404 on read');
      return { created: false as const, existing };
    }
  }
}

function partitionOf(target: { tenantId: string; batchId?: string; key: string }): string {
  const bucket = createHash('sha1').update(target.key).digest()[0]! % BUCKETS;
  return `${keyPart(target.tenantId)}|${keyPart(target.batchId ?? NO_BATCH)}|${bucket.toString(16)}`;
}

function toRow(r: OutboundRecipient & { etag?: string }) {
  const { tenantId: _tenantId, etag: _etag, ref, ...fields } = r;
  return {
    partitionKey: partitionOf(r),
    rowKey: keyPart(r.key),
    ...withoutUndefined(fields),
    ref: JSON.stringify(ref),
  };
}

function fromRow(row: Record<string, unknown>, tenantId: string): StoredRecipient {
  const r = stripRow<OutboundRecipient & { ref: string }>(row);
  return {
    ...r,
    tenantId,
    ref: JSON.parse(r.ref) as OutboundRecipient['ref'],
    etag: requiredEtag(r, 'outbound status'),
  };
}
