import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { OutboundRecipient } from '../../domain/delivery/outbound.ts';
import {
  addTally,
  emptyTally,
  isEmptyTally,
  tallyChange,
  tallyOf,
  type OutboundTally,
  type TallyRow,
} from '../../domain/delivery/outboundTally.ts';
import type {
  OutboundStatusStore,
  OutboundTarget,
  StoredRecipient,
} from '../../usecases/delivery/outboundPorts.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';
import { MAX_TRANSACTION_ROWS, transactionChunks } from '../platform/transactionBatches.ts';

/** Items without a batch share this batch name in the keys. */
const NO_BATCH = '-';
const BUCKETS = 16;
/** The row key of a partition's tally (keys of status rows start with their kind, never with '~'). */
const TALLY_ROW = '~tally';
/** A transaction holds at most 100 operations: 99 rows and their tally. */
const ROWS_PER_TRANSACTION = MAX_TRANSACTION_ROWS - 1;

/**
 * One status row per outbound item: `tenant|batch|bucket` / key. A batch spreads over 16
 * partitions (by a hash of the key), so a broadcast's sends are not all writes to one partition,
 * and a batch is still one key range to list. The row is the send's record: written before the call
 * to Teams (sending) and after it (sent, failed), ETag-guarded, so two workers never both take it.
 *
 * Each partition of a batch also holds its tally (row `~tally`, src/domain/delivery/outboundTally.ts):
 * a row created or settled changes the tally in the same transaction, so the tally counts each
 * change exactly once (a change that loses its ETag race changes neither), and progress reads 16
 * rows, not the batch. `recount` rebuilds the tallies from the rows.
 */
interface CountedChange {
  target: OutboundTarget;
  rowKey: string;
  action: TransactionAction;
  change: OutboundTally;
  resolve: (result: { etag: string } | 'conflict') => void;
  reject: (error: unknown) => void;
}

export class TableOutboundStatusStore implements OutboundStatusStore {
  private readonly lastTally = new Map<string, { tally: OutboundTally; etag: string }>();
  private readonly waiting = new Map<string, CountedChange[]>();
  private readonly draining = new Set<string>();

  constructor(private readonly table: TableClient) {}

  async create(rows: OutboundRecipient[]) {
    const results = new Array<
      { created: true; etag: string } | { created: false; existing: StoredRecipient }
    >(rows.length);
    // Rows of one partition go in transactions of up to 100; a transaction that meets a row created
    // earlier fails whole, and its rows are then created one by one.
    const chunks = transactionChunks(rows, partitionOf, ROWS_PER_TRANSACTION);
    let next = 0;
    const lane = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        const keys = new Set(chunk.map((i) => rows[i]!.key));
        if (chunk.length > 1 && keys.size === chunk.length) {
          const actions: TransactionAction[] = chunk.map((i) => ['create', toRow(rows[i]!)]);
          const added = chunk.reduce((t, i) => addTally(t, tallyOf(rows[i]!)), emptyTally());
          const response = await this.submitCounted(rows[chunk[0]!]!, actions, added);
          if (response !== 'conflict') {
            chunk.forEach((i, n) => {
              const etag = response.subResponses[n]?.etag;
              if (!etag) throw new Error('a created status row came back without its ETag');
              results[i] = { created: true, etag };
            });
            continue;
          }
          // A row of the chunk existed: the whole transaction failed; one by one.
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

  /** @param before the row as the caller read it, when not a queued one (what its tally counted). */
  async change(
    target: OutboundTarget,
    fields: Partial<Omit<OutboundRecipient, 'tenantId' | 'key' | 'batchId'>>,
    etag: string,
    before: TallyRow = { status: 'queued' },
  ): Promise<{ etag: string } | 'conflict'> {
    const { ref, ...rest } = fields;
    const entity = {
      partitionKey: partitionOf(target),
      rowKey: keyPart(target.key),
      ...withoutUndefined(rest),
      ...(ref ? { ref: JSON.stringify(ref) } : {}),
    };
    const change = tallyChange(before, { ...before, ...withoutUndefined(rest) });
    if (target.batchId && !isEmptyTally(change))
      return this.counted(target, entity.rowKey, ['update', entity, 'Merge', { etag }], change);
    try {
      const updated = await this.table.updateEntity(entity, 'Merge', { etag });
      return { etag: requiredEtag(updated, 'outbound status') };
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return 'conflict';
      throw error;
    }
  }

  /**
   * Counted changes of one partition go in one transaction with their tally: those waiting while
   * the last transaction ran go together in the next (up to 99), so a worker sending hundreds a
   * second writes a partition's rows in a few transactions, not one each, and never races itself
   * for the tally.
   */
  private counted(
    target: OutboundTarget,
    rowKey: string,
    action: TransactionAction,
    change: OutboundTally,
  ): Promise<{ etag: string } | 'conflict'> {
    const pk = partitionOf(target);
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(pk) ?? [];
      queue.push({ target, rowKey, action, change, resolve, reject });
      this.waiting.set(pk, queue);
      if (this.draining.has(pk)) return;
      this.draining.add(pk);
      queueMicrotask(() => void this.drain(pk, queue));
    });
  }

  private async drain(pk: string, queue: CountedChange[]): Promise<void> {
    try {
      while (queue.length > 0) {
        // One change per row in a transaction (Storage refuses a row twice); the rest wait.
        const group: CountedChange[] = [];
        const rows = new Set<string>();
        for (let i = 0; i < queue.length && group.length < ROWS_PER_TRANSACTION;) {
          const c = queue[i]!;
          if (rows.has(c.rowKey)) {
            i++;
            continue;
          }
          rows.add(c.rowKey);
          group.push(c);
          queue.splice(i, 1);
        }
        try {
          const results = await this.submitGroup(group);
          group.forEach((c, i) => c.resolve(results[i]!));
        } catch (error) {
          for (const c of group) c.reject(error);
        }
      }
    } finally {
      this.draining.delete(pk);
      if (queue.length === 0) this.waiting.delete(pk);
    }
  }

  /** The group in one transaction; when one of them lost its ETag race, each on its own. */
  private async submitGroup(group: CountedChange[]): Promise<Array<{ etag: string } | 'conflict'>> {
    const one = (r: Awaited<ReturnType<TableOutboundStatusStore['submitCounted']>>, i: number) =>
      r === 'conflict'
        ? ('conflict' as const)
        : { etag: requiredEtag(r.subResponses[i] ?? {}, 'outbound status') };
    if (group.length > 1) {
      const change = group.reduce((t, c) => addTally(t, c.change), emptyTally());
      const response = await this.submitCounted(
        group[0]!.target,
        group.map((c) => c.action),
        change,
      );
      if (response !== 'conflict') return group.map((_, i) => one(response, i));
    }
    const results: Array<{ etag: string } | 'conflict'> = [];
    for (const c of group) results.push(one(await this.submitCounted(c.target, [c.action], c.change), 0));
    return results;
  }

  /** A batch's tallies added up; undefined when it has none (a batch from before tallies: recount). */
  async tally(tenantId: string, batchId: string): Promise<OutboundTally | undefined> {
    const read = await Promise.all(bucketPartitions(tenantId, batchId).map((pk) => this.readTally(pk)));
    if (read.every((r) => r.etag === undefined)) return undefined;
    return read.reduce((sum, r) => addTally(sum, r.tally), emptyTally());
  }

  /**
   * Rebuilds a batch's tallies from its rows, partition by partition, each written only if no
   * change was counted meanwhile (its ETag): safe while workers send. Answers the batch's rows'
   * tally.
   */
  async recount(tenantId: string, batchId: string): Promise<OutboundTally> {
    const sums = await Promise.all(
      bucketPartitions(tenantId, batchId).map(async (pk) => {
        for (let round = 0; round < 20; round++) {
          const { etag } = await this.readTally(pk);
          let sum = emptyTally();
          for await (const row of this.table.listEntities<Record<string, unknown>>({
            queryOptions: {
              filter: odata`PartitionKey eq ${pk} and RowKey ne ${TALLY_ROW}`,
              select: ['status', 'reason', 'updatedAt', 'deletedAt'],
            },
          }))
            sum = addTally(sum, tallyOf(row as unknown as TallyRow));
          if (etag === undefined && sum.total === 0) return sum;
          const entity = { partitionKey: pk, rowKey: TALLY_ROW, tally: JSON.stringify(sum) };
          try {
            if (etag === undefined) await this.table.createEntity(entity);
            else await this.table.updateEntity(entity, 'Replace', { etag });
            return sum;
          } catch (error) {
            if (!isStatus(error, 409) && !isStatus(error, 412)) throw error;
          }
        }
        throw new Error('a batch partition kept changing while its tally was rebuilt');
      }),
    );
    return sums.reduce((a, b) => addTally(a, b), emptyTally());
  }

  private async readTally(pk: string): Promise<{ tally: OutboundTally; etag?: string }> {
    try {
      const row = await this.table.getEntity<{ tally?: string }>(pk, TALLY_ROW);
      return {
        tally: { ...emptyTally(), ...(JSON.parse(row.tally ?? '{}') as Partial<OutboundTally>) },
        etag: row.etag,
      };
    } catch (error) {
      if (isStatus(error, 404)) return { tally: emptyTally() };
      throw error;
    }
  }

  /**
   * The rows' actions and their tally's change in one transaction; 'conflict' when a row's
   * condition failed (it exists, or changed since its ETag). A tally changed meanwhile by another
   * worker is read again and the transaction tried again.
   */
  private async submitCounted(
    target: { tenantId: string; batchId?: string; key: string },
    actions: TransactionAction[],
    change: OutboundTally,
  ) {
    const pk = partitionOf(target);
    if (!target.batchId) return this.table.submitTransaction(actions).catch(conflictOn4xx);
    // The tally this process wrote last (its ETag from that answer) saves a read; another process
    // having changed it since costs one lost transaction, then a read.
    let read = this.lastTally.get(pk) ?? (await this.readTally(pk));
    for (let round = 0; round < 50; round++) {
      const next = addTally(read.tally, change);
      const entity = { partitionKey: pk, rowKey: TALLY_ROW, tally: JSON.stringify(next) };
      const tallyAction: TransactionAction =
        read.etag === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag: read.etag }];
      try {
        const response = await this.table.submitTransaction([...actions, tallyAction]);
        const etag = response.subResponses[actions.length]?.etag;
        if (etag) this.lastTally.set(pk, { tally: next, etag });
        else this.lastTally.delete(pk);
        return response;
      } catch (error) {
        this.lastTally.delete(pk);
        if (!isStatus(error, 409) && !isStatus(error, 412) && !isStatus(error, 404)) throw error;
        // Which condition failed: the tally's (another change was counted first: count again) or a row's.
        const now = await this.readTally(pk);
        if (now.etag === read.etag) return 'conflict' as const;
        read = now;
      }
    }
    throw new Error('the tally of a batch partition kept changing under every attempt');
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
    const rows = value
      .filter((row) => row.rowKey !== TALLY_ROW)
      .map((row) => {
        const { etag: _etag, ...recipient } = fromRow(row, tenantId);
        return recipient;
      });
    return { rows, continuation: value.continuationToken };
  }

  private async createOne(row: OutboundRecipient) {
    if (!row.batchId) {
      try {
        const created = await this.table.createEntity(toRow(row));
        return { created: true as const, etag: requiredEtag(created, 'outbound status') };
      } catch (error) {
        if (!isStatus(error, 409)) throw error;
        return this.found(row);
      }
    }
    const response = await this.submitCounted(row, [['create', toRow(row)]], tallyOf(row));
    if (response !== 'conflict')
      return {
        created: true as const,
        etag: requiredEtag(response.subResponses[0] ?? {}, 'outbound status'),
      };
    return this.found(row);
  }

  private async found(row: OutboundRecipient) {
    const existing = await this.get(row);
    if (!existing) throw new Error('a status row could not be created and could not be read');
    return { created: false as const, existing };
  }
}

async function conflictOn4xx(error: unknown): Promise<'conflict'> {
  if (isStatus(error, 409) || isStatus(error, 412) || isStatus(error, 404)) return 'conflict';
  throw error;
}

/** OData bounds of a tenant's partitions of items without a batch (nudges, thanks, single cards). */
export function unbatchedPartitions(tenantId: string): { from: string; to: string } {
  const prefix = `${keyPart(tenantId)}|${NO_BATCH}|`;
  return { from: prefix, to: `${prefix.slice(0, -1)}}` };
}

function bucketPartitions(tenantId: string, batchId: string): string[] {
  return Array.from(
    { length: BUCKETS },
    (_, b) => `${keyPart(tenantId)}|${keyPart(batchId)}|${b.toString(16)}`,
  );
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
