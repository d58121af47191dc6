import type { QueueClient } from '@azure/storage-queue';
import type { HealthProbe } from '../../usecases/platform/ports.ts';

export interface ReceivedMessage<T> {
  body: T;
  dequeueCount: number;
  ack(): Promise<void>;
  /** Moves the message to the poison queue (a handler that knows it can never succeed). */
  setAside(): Promise<void>;
}

/** Why a message was taken off its queue without being handled. */
export type SetAsideReason = 'unreadable' | 'tooManyAttempts';

export interface SetAside {
  queue: string;
  messageId: string;
  dequeueCount: number;
  reason: SetAsideReason;
  /** What the body check said (for `unreadable`); never the body itself, which may carry personal data. */
  problem?: string;
}

export interface WorkQueueOptions<T> {
  /** Checks a body (the message's JSON); throws or returns undefined when it is not a T. */
  parse: (json: unknown) => T | undefined;
  /** Where messages that cannot be handled go (`<queue>-poison`, as Azure Functions names it). */
  poison: QueueClient;
  /** A message dequeued more often than this is set aside instead of handled again. */
  maxDequeueCount?: number;
  /** Called once per message set aside: the caller logs and counts it. */
  onSetAside?: (info: SetAside) => void;
}

export const DEFAULT_MAX_DEQUEUE_COUNT = 5;

/**
 * A typed queue over Azure Storage Queues. Messages are at-least-once: a handler must be safe to run
 * twice (deterministic keys in the body), and a message not acknowledged within its visibility
 * timeout comes back for another worker. A message that can never be handled (a body that is not
 * what the queue carries, or a handler that failed on it `maxDequeueCount` times) is moved to the
 * poison queue, so it neither blocks the messages it arrived with nor comes back forever.
 */
export class WorkQueue<T> {
  private readonly maxDequeueCount: number;

  constructor(
    private readonly queue: QueueClient,
    private readonly options: WorkQueueOptions<T>,
  ) {
    this.maxDequeueCount = options.maxDequeueCount ?? DEFAULT_MAX_DEQUEUE_COUNT;
  }

  /** `timeToLiveSeconds` -1: the message never expires (Storage's default is 7 days). */
  async send(body: T, options: { delaySeconds?: number; timeToLiveSeconds?: number } = {}): Promise<void> {
    await this.queue.sendMessage(Buffer.from(JSON.stringify(body)).toString('base64'), {
      visibilityTimeout: options.delaySeconds,
      messageTimeToLive: options.timeToLiveSeconds,
    });
  }

  async receive(max: number, visibilitySeconds = 60): Promise<ReceivedMessage<T>[]> {
    const response = await this.queue.receiveMessages({
      numberOfMessages: Math.min(Math.max(max, 1), 32),
      visibilityTimeout: visibilitySeconds,
    });
    const received: ReceivedMessage<T>[] = [];
    for (const m of response.receivedMessageItems) {
      const ack = () => this.delete(m.messageId, m.popReceipt);
      const info = { queue: this.queue.name, messageId: m.messageId, dequeueCount: m.dequeueCount };
      if (m.dequeueCount > this.maxDequeueCount) {
        await this.setAside(m.messageText, ack, { ...info, reason: 'tooManyAttempts' });
        continue;
      }
      const body = this.read(m.messageText);
      if (!body.ok) {
        await this.setAside(m.messageText, ack, { ...info, reason: 'unreadable', problem: body.problem });
        continue;
      }
      const setAside = () => this.setAside(m.messageText, ack, { ...info, reason: 'tooManyAttempts' });
      received.push({ body: body.value, dequeueCount: m.dequeueCount, ack, setAside });
    }
    return received;
  }

  /** How many messages wait in the poison queue (Storage's approximate count). */
  async setAsideCount(): Promise<number> {
    return (await this.options.poison.getProperties()).approximateMessagesCount ?? 0;
  }

  private read(text: string): { ok: true; value: T } | { ok: false; problem: string } {
    try {
      const value = this.options.parse(JSON.parse(Buffer.from(text, 'base64').toString('utf8')));
      return value === undefined
        ? { ok: false, problem: 'not a message of this queue' }
        : { ok: true, value };
    } catch (error) {
      return { ok: false, problem: (error as Error).name };
    }
  }

  /** Copy first, then delete: a crash in between leaves the message in both, never in neither. */
  private async setAside(text: string, ack: () => Promise<void>, info: SetAside): Promise<void> {
    await this.options.poison.sendMessage(text);
    await ack();
    this.options.onSetAside?.(info);
  }

  private async delete(messageId: string, popReceipt: string): Promise<void> {
    try {
      await this.queue.deleteMessage(messageId, popReceipt);
    } catch (error) {
      // 404: gone already; 400 PopReceiptMismatch: handed to another worker after its visibility
      // timeout (its receipt changed). Either way that worker finishes it; handlers are safe to run twice.
      const { statusCode, code } = error as { statusCode?: number; code?: string };
      if (statusCode !== 404 && !(statusCode === 400 && code === 'PopReceiptMismatch')) throw error;
    }
  }
}

/** Health detail: messages set aside per queue. Never unhealthy by itself (the service still runs). */
export function setAsideHealthProbe(queues: Array<{ name: string; queue: WorkQueue<unknown> }>): HealthProbe {
  return {
    name: 'queues',
    async check() {
      const counts = await Promise.all(
        queues.map(async ({ name, queue }) => `${name}: ${await queue.setAsideCount()} set aside`),
      );
      return { ok: true, detail: counts.join('; ') };
    },
  };
}
