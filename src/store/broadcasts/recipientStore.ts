import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { BroadcastRecipient } from '../../domain/broadcasts/recipient.ts';
import type { Language } from '../../domain/platform/language.ts';
import type { RecipientSnapshot, RecipientStore } from '../../usecases/broadcasts/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';
import { submitInBatches } from '../platform/transactionBatches.ts';

/** One recipient's row: the snapshot from the send, and what they did with it. */
export type RecipientRow = Omit<RecipientSnapshot, 'tenantId' | 'broadcastId' | 'userId'> & {
  userId: string;
  /** JSON: every acknowledgement, oldest first. */
  acknowledgements?: string;
  /** The latest version acknowledged: a column to count by, without reading every row. */
  ackVersion?: number;
  remindersSent?: number;
  lastRemindedAt?: string;
};

/**
 * A broadcast's recipients, one partition per broadcast (`tenant|broadcastId`), one row per person.
 * The fan-out merges the snapshot columns only, so a person recorded twice keeps what they did.
 */
export class TableRecipientStore implements RecipientStore {
  constructor(private readonly table: TableClient) {}

  async record(recipients: RecipientSnapshot[]): Promise<void> {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const r of recipients) {
      const { tenantId, broadcastId, ...fields } = r;
      const partitionKey = partition(tenantId, broadcastId);
      const actions = byPartition.get(partitionKey) ?? [];
      actions.push([
        'upsert',
        { partitionKey, rowKey: keyPart(r.userId), ...withoutUndefined(fields) },
        'Merge',
      ]);
      byPartition.set(partitionKey, actions);
    }
    const batches: TransactionAction[][] = [];
    for (const actions of byPartition.values()) {
      for (let i = 0; i < actions.length; i += 100) batches.push(actions.slice(i, i + 100));
    }
    await submitInBatches(this.table, batches);
  }

  async get(
    tenantId: string,
    broadcastId: string,
    userId: string,
  ): Promise<Stored<BroadcastRecipient> | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        partition(tenantId, broadcastId),
        keyPart(userId),
      );
      return fromRow(tenantId, broadcastId, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async update(r: Stored<BroadcastRecipient>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(r, 'broadcast recipient');
    try {
      await this.table.updateEntity(toRow(r), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async list(tenantId: string, broadcastId: string): Promise<Array<Stored<BroadcastRecipient>>> {
    const result: Array<Stored<BroadcastRecipient>> = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partition(tenantId, broadcastId)}` },
    })) {
      result.push(fromRow(tenantId, broadcastId, row));
    }
    return result;
  }

  async countAcknowledged(tenantId: string, broadcastId: string, version: number): Promise<number> {
    let count = 0;
    for await (const _row of this.table.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${partition(tenantId, broadcastId)} and ackVersion eq ${version}`,
        select: ['RowKey'],
      },
    })) {
      count++;
    }
    return count;
  }
}

function partition(tenantId: string, broadcastId: string): string {
  return `${keyPart(tenantId)}|${keyPart(broadcastId)}`;
}

function toRow(r: BroadcastRecipient) {
  const { tenantId, broadcastId, acknowledgements, etag: _e, ...fields } = r as Stored<BroadcastRecipient>;
  const last = acknowledgements[acknowledgements.length - 1];
  return withoutUndefined({
    partitionKey: partition(tenantId, broadcastId),
    rowKey: keyPart(r.userId),
    ...fields,
    acknowledgements: JSON.stringify(acknowledgements),
    ackVersion: last?.version,
  });
}

function fromRow(
  tenantId: string,
  broadcastId: string,
  row: Record<string, unknown>,
): Stored<BroadcastRecipient> {
  const r = stripRow<RecipientRow>(row);
  const { acknowledgements, ackVersion: _a, etag, ...fields } = r;
  return {
    ...fields,
    tenantId,
    broadcastId,
    language: (fields.language ?? 'en') as Language,
    acknowledgements: acknowledgements
      ? (JSON.parse(acknowledgements) as BroadcastRecipient['acknowledgements'])
      : [],
    remindersSent: Number(fields.remindersSent ?? 0),
    etag: requiredEtag({ etag }, 'broadcast recipient'),
  };
}
