import { createHash } from 'node:crypto';
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
 * A tally row of acknowledgements (`~acks|<shard>`): JSON `{ "<version>": count }` of the people
 * whose latest acknowledgement is of that version.
 */
export interface AckTallyRow {
  acks: string;
}

/** Tally rows per broadcast: acknowledgements arriving together rarely meet on one. */
const ACK_SHARDS = 16;
const ACK_TALLY = '~acks|';

/**
 * A broadcast's recipients, one partition per broadcast (`tenant|broadcastId`), one row per person.
 * The fan-out merges the snapshot columns only, so a person recorded twice keeps what they did.
 *
 * The partition also holds 16 tally rows of acknowledgements per version, created at the fan-out;
 * an acknowledgement changes the person's row and one tally in one transaction, so the count is
 * exact and read from 16 rows. A broadcast fanned out before tallies has none, and is counted by a
 * query of its rows (`recountAcknowledgements` builds its tallies).
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
    // Before any card goes out, so every acknowledgement is counted by a tally (a second fan-out
    // finds them and keeps their counts).
    await Promise.all(
      [...byPartition.keys()].flatMap((partitionKey) =>
        Array.from({ length: ACK_SHARDS }, (_, shard) =>
          this.table
            .createEntity<AckTallyRow>({ partitionKey, rowKey: `${ACK_TALLY}${shard}`, acks: '{}' })
            .catch((error: unknown) => {
              if (!isStatus(error, 409)) throw error;
            }),
        ),
      ),
    );
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

  /**
   * @param acknowledged this update records an acknowledgement of that version: counted in the
   *   broadcast's tally in the same transaction.
   */
  async update(
    r: Stored<BroadcastRecipient>,
    acknowledged?: { version: number },
  ): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(r, 'broadcast recipient');
    const row = toRow(r);
    if (acknowledged) {
      const pk = partition(r.tenantId, r.broadcastId);
      for (let round = 0; round < 50; round++) {
        // Any tally may count it (they are added up): a shard at random, another after a lost race.
        const shard = `${ACK_TALLY}${Math.floor(Math.random() * ACK_SHARDS)}`;
        const tally = await this.readAckTally(pk, shard);
        if (!tally) break; // a broadcast from before tallies: counted by its rows
        // Counted by the latest version each person acknowledged (as the rows' ackVersion is).
        const acks = { ...tally.acks, [acknowledged.version]: (tally.acks[acknowledged.version] ?? 0) + 1 };
        const earlier = r.acknowledgements.at(-2)?.version;
        if (earlier !== undefined && earlier !== acknowledged.version)
          acks[earlier] = (acks[earlier] ?? 0) - 1;
        const actions: TransactionAction[] = [
          ['update', row, 'Replace', { etag }],
          [
            'update',
            { partitionKey: pk, rowKey: shard, acks: JSON.stringify(acks) },
            'Replace',
            { etag: tally.etag },
          ],
        ];
        try {
          await this.table.submitTransaction(actions);
          return 'updated';
        } catch (error) {
          if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
          // The tally moved (another acknowledgement came first: count again), or the person's row did.
          if ((await this.readAckTally(pk, shard))?.etag === tally.etag) return 'conflict';
        }
        if (round === 49) throw new Error('the acknowledgement tallies kept changing under every attempt');
      }
    }
    try {
      await this.table.updateEntity(row, 'Replace', { etag });
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
      if (String(row.rowKey).startsWith(ACK_TALLY)) continue;
      result.push(fromRow(tenantId, broadcastId, row));
    }
    return result;
  }

  /** From the broadcast's tallies (one query of 16 small rows); by a query of its rows when it has none. */
  async countAcknowledged(tenantId: string, broadcastId: string, version: number): Promise<number> {
    const pk = partition(tenantId, broadcastId);
    const tallies = await this.readAckTallies(pk);
    if (tallies.size === ACK_SHARDS)
      return [...tallies.values()].reduce((n, t) => n + (t.acks[version] ?? 0), 0);
    return (await this.countByRows(pk)).get(version) ?? 0;
  }

  private async readAckTallies(pk: string) {
    const found = new Map<string, { acks: Record<number, number>; etag: string }>();
    for await (const row of this.table.listEntities<AckTallyRow>({
      queryOptions: {
        filter: odata`PartitionKey eq ${pk} and RowKey ge ${ACK_TALLY} and RowKey lt ${'~acks}'}`,
      },
    }))
      found.set(String(row.rowKey), {
        acks: JSON.parse(row.acks ?? '{}') as Record<number, number>,
        etag: requiredEtag(row, 'acknowledgement tally'),
      });
    return found;
  }

  /**
   * Rebuilds the broadcast's tallies from its rows (repair, or a broadcast from before tallies),
   * each written only if no acknowledgement was counted in it meanwhile; answers the counts by version.
   */
  async recountAcknowledgements(tenantId: string, broadcastId: string): Promise<Map<number, number>> {
    const pk = partition(tenantId, broadcastId);
    for (let round = 0; round < 20; round++) {
      const tallies = await this.readAckTallies(pk);
      const before = Array.from({ length: ACK_SHARDS }, (_, shard) => tallies.get(`${ACK_TALLY}${shard}`));
      const perShard = Array.from({ length: ACK_SHARDS }, () => new Map<number, number>());
      const total = await this.countByRows(pk, perShard);
      try {
        for (let shard = 0; shard < ACK_SHARDS; shard++) {
          const entity = {
            partitionKey: pk,
            rowKey: `${ACK_TALLY}${shard}`,
            acks: JSON.stringify(Object.fromEntries(perShard[shard]!)),
          };
          const etag = before[shard]?.etag;
          if (etag === undefined) await this.table.createEntity(entity);
          else await this.table.updateEntity(entity, 'Replace', { etag });
        }
        return total;
      } catch (error) {
        if (!isStatus(error, 409) && !isStatus(error, 412)) throw error;
      }
    }
    throw new Error('the acknowledgements kept changing while their tallies were rebuilt');
  }

  private async countByRows(pk: string, perShard?: Array<Map<number, number>>): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    for await (const row of this.table.listEntities<{ ackVersion?: number }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${pk} and ackVersion ge 1`,
        select: ['RowKey', 'ackVersion'],
      },
    })) {
      const v = Number(row.ackVersion);
      counts.set(v, (counts.get(v) ?? 0) + 1);
      const shard = perShard?.[shardOf(String(row.rowKey))];
      shard?.set(v, (shard.get(v) ?? 0) + 1);
    }
    return counts;
  }

  private async readAckTally(pk: string, rowKey: string) {
    try {
      const row = await this.table.getEntity<AckTallyRow>(pk, rowKey);
      return {
        acks: JSON.parse(row.acks ?? '{}') as Record<number, number>,
        etag: requiredEtag(row, 'acknowledgement tally'),
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }
}

function shardOf(rowKey: string): number {
  return createHash('sha1').update(rowKey).digest()[0]! % ACK_SHARDS;
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
