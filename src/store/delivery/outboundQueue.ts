import type { QueueClient } from '@azure/storage-queue';
import type {
  OutboundLane,
  OutboundMessage,
  OutboundQueue,
  ReceivedOutbound,
} from '../../usecases/delivery/outboundPorts.ts';
import { WorkQueue, type SetAside } from '../platform/workQueue.ts';

/** Storage allows a message to stay invisible for at most 7 days. */
const MAX_DELAY_S = 7 * 24 * 3600;

/**
 * The outbound queues: one per lane (interactive, bulk), one poison queue for both. A message is
 * small (the item's ids and ref); it never expires, so scheduled and throttled work is not lost to
 * Storage's 7-day default. Messages dequeued too often are the consumer's to set aside (it marks
 * the status row first); unreadable ones are set aside here.
 */
export class StorageOutboundQueue implements OutboundQueue {
  private readonly lanes: Record<OutboundLane, WorkQueue<OutboundMessage>>;

  constructor(
    queues: { interactive: QueueClient; bulk: QueueClient; poison: QueueClient },
    onSetAside?: (info: SetAside) => void,
  ) {
    const options = {
      parse: parseMessage,
      poison: queues.poison,
      maxDequeueCount: Number.MAX_SAFE_INTEGER,
      onSetAside,
    };
    this.lanes = {
      interactive: new WorkQueue(queues.interactive, options),
      bulk: new WorkQueue(queues.bulk, options),
    };
  }

  async send(lane: OutboundLane, message: OutboundMessage, options: { delayMs?: number } = {}) {
    const delaySeconds = options.delayMs
      ? Math.min(MAX_DELAY_S, Math.ceil(options.delayMs / 1000))
      : undefined;
    await this.lanes[lane].send(message, { delaySeconds, timeToLiveSeconds: -1 });
  }

  async receive(lane: OutboundLane, max: number, visibilitySeconds: number): Promise<ReceivedOutbound[]> {
    const received = await this.lanes[lane].receive(max, visibilitySeconds);
    return received.map((r) => ({
      message: r.body,
      dequeueCount: r.dequeueCount,
      ack: r.ack,
      setAside: r.setAside,
    }));
  }

  setAsideCount(): Promise<number> {
    return this.lanes.interactive.setAsideCount();
  }
}

function parseMessage(json: unknown): OutboundMessage | undefined {
  const m = json as Partial<OutboundMessage> | null;
  const item = m?.item;
  if (!m || (m.op !== 'send' && m.op !== 'update' && m.op !== 'delete')) return undefined;
  if (!item || typeof item !== 'object') return undefined;
  for (const field of ['tenantId', 'userId', 'key', 'kind'] as const)
    if (typeof item[field] !== 'string' || item[field] === '') return undefined;
  if (typeof item.ref !== 'object' || item.ref === null) return undefined;
  return {
    op: m.op,
    item,
    etag: typeof m.etag === 'string' ? m.etag : undefined,
    transient: Number.isInteger(m.transient) ? m.transient! : 0,
    throttled: Number.isInteger(m.throttled) ? m.throttled! : 0,
    unreachable: Number.isInteger(m.unreachable) ? m.unreachable! : 0,
    notBefore: typeof m.notBefore === 'number' ? m.notBefore : undefined,
  };
}
