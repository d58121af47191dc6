import type { Clock } from '../../domain/platform/clock.ts';
import {
  countRecipient,
  emptyCounts,
  type OutboundItem,
  type OutboundRecipient,
} from '../../domain/delivery/outbound.ts';
import { countsOfTally } from '../../domain/delivery/outboundTally.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import type {
  CorrectionReport,
  EnqueueOptions,
  EnqueueReport,
  OutboundLane,
  OutboundMessage,
  OutboundPipeline,
  OutboundQueue,
  OutboundStatusStore,
  OutboundTarget,
} from './outboundPorts.ts';

/**
 * Messages put on the queue at once while enqueueing a large batch. Few: the workers sending the
 * batch's first cards use the same storage account meanwhile, and their calls (the tenant's send
 * rate, the status rows) wait behind every put in flight. With 64, a broadcast to 20,000 sent 37
 * cards a second while it was being enqueued and 48 after; with 8, 47 while and 48 after (`npm
 * run bench -- broadcast --recipients 20000 --mode limits`). The queue still fills far faster than
 * Teams' 50 a second empties it.
 */
const SENDS_IN_FLIGHT = 8;

export interface QueuedPipelineDeps {
  clock: Clock;
  status: OutboundStatusStore;
  queue: OutboundQueue;
}

/** The item's own lane; else a batch goes in the bulk lane, so a broadcast to thousands does not hold up a nudge. */
export function laneOf(item: Pick<OutboundItem, 'batchId' | 'lane'>): OutboundLane {
  return item.lane ?? (item.batchId ? 'bulk' : 'interactive');
}

export function firstMessage(item: OutboundItem, op: OutboundMessage['op'], etag?: string): OutboundMessage {
  return { op, item, etag, transient: 0, throttled: 0, unreachable: 0 };
}

/**
 * The outbound pipeline on Storage queues (see OutboundPipeline for the contract). The status row
 * is written first and the message second: a crash between them leaves a queued row without a
 * message, and the caller's repeated enqueue (what a job does after a crash) sends the message
 * again — for a row still queued the message is always sent again, since a duplicate message is
 * harmless (the row's ETag lets one worker take it) and a missing one would lose the card.
 */
export class QueuedOutboundPipeline implements OutboundPipeline {
  constructor(private readonly deps: QueuedPipelineDeps) {}

  async enqueue(items: OutboundItem[], options: EnqueueOptions = {}): Promise<EnqueueReport> {
    const now = this.deps.clock.now();
    const unique = [...new Map(items.map((i) => [`${i.tenantId}|${i.key}`, i])).values()];
    const rows: OutboundRecipient[] = unique.map((item) => ({
      tenantId: item.tenantId,
      batchId: item.batchId,
      key: item.key,
      userId: item.userId,
      kind: item.kind,
      ref: item.ref,
      status: 'queued',
      attempts: 0,
      enqueuedAt: now.toISOString(),
    }));
    const created = await this.deps.status.create(rows);
    const report = { queued: 0, alreadyKnown: items.length - unique.length };
    const messages: Array<{ item: OutboundItem; etag: string }> = [];
    for (const [i, result] of created.entries()) {
      const item = unique[i]!;
      if (result.created) {
        messages.push({ item, etag: result.etag });
        report.queued++;
        continue;
      }
      const { existing } = result;
      // A duplicate message is harmless (the row's ETag lets one worker take it); a missing one
      // would lose the card. A woken item's earlier message finds the row sent and is dropped.
      if (existing.status === 'queued' || (options.wake && existing.status === 'installing'))
        messages.push({ item, etag: existing.etag });
      const retry = options.retryFailed && (existing.status === 'failed' || existing.status === 'skipped');
      if (retry) {
        const changed = await this.deps.status.change(
          item,
          { status: 'queued', reason: '', ref: item.ref, enqueuedAt: now.toISOString() },
          existing.etag,
          existing,
        );
        if (changed !== 'conflict') {
          messages.push({ item, etag: changed.etag });
          report.queued++;
          continue;
        }
      }
      report.alreadyKnown++;
    }
    await mapLimit(messages, SENDS_IN_FLIGHT, ({ item, etag }) =>
      this.deps.queue.send(laneOf(item), firstMessage(item, 'send', etag), {
        delayMs: item.notBefore ? Date.parse(item.notBefore) - now.getTime() : undefined,
      }),
    );
    return report;
  }

  async counts(tenantId: string, batchId: string, options: { recount?: boolean } = {}) {
    const tally = options.recount ? undefined : await this.deps.status.tally?.(tenantId, batchId);
    if (tally) return countsOfTally(tally);
    // No tally (a batch from before tallies, or asked to recount): every row, and the tally rebuilt.
    let counts = emptyCounts();
    let continuation: string | undefined;
    do {
      const page = await this.deps.status.list(tenantId, batchId, { continuation, limit: 1000 });
      counts = page.rows.reduce(countRecipient, counts);
      continuation = page.continuation;
    } while (continuation);
    await this.deps.status.recount?.(tenantId, batchId);
    return counts;
  }

  recipients(tenantId: string, batchId: string, page: { continuation?: string; limit?: number } = {}) {
    return this.deps.status.list(tenantId, batchId, {
      continuation: page.continuation,
      limit: Math.min(Math.max(page.limit ?? 1000, 1), 1000),
    });
  }

  async recipient(target: OutboundTarget) {
    const row = await this.deps.status.get(target);
    if (!row) return undefined;
    const { etag: _etag, ...recipient } = row;
    return recipient;
  }

  updateSent(targets: OutboundTarget[]): Promise<CorrectionReport> {
    return this.correct('update', targets);
  }

  deleteSent(targets: OutboundTarget[]): Promise<CorrectionReport> {
    return this.correct('delete', targets);
  }

  private async correct(op: 'update' | 'delete', targets: OutboundTarget[]): Promise<CorrectionReport> {
    const report = { queued: 0, notSent: 0 };
    await mapLimit(targets, SENDS_IN_FLIGHT, async (target) => {
      const row = await this.deps.status.get(target);
      if (!row || row.status !== 'sent' || !row.activityId || row.deletedAt) {
        report.notSent++;
        return;
      }
      const item: OutboundItem = {
        tenantId: row.tenantId,
        userId: row.userId,
        key: row.key,
        kind: row.kind,
        ref: row.ref,
        batchId: row.batchId,
      };
      await this.deps.queue.send(laneOf(item), firstMessage(item, op));
      report.queued++;
    });
    return report;
  }
}
