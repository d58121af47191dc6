import type { QueueClient } from '@azure/storage-queue';
import type { MessageQueue, ReceivedMessage } from '../../usecases/platform/ports.ts';

/**
 * A typed queue over Azure Storage Queues. Messages are at-least-once: a handler must be safe to run
 * twice (deterministic keys in the body), and a message not acknowledged within its visibility
 * timeout comes back for another worker.
 */
export class WorkQueue<T> implements MessageQueue<T> {
  constructor(private readonly queue: QueueClient) {}

  async send(body: T, options: { delaySeconds?: number } = {}): Promise<void> {
    await this.queue.sendMessage(Buffer.from(JSON.stringify(body)).toString('base64'), {
      visibilityTimeout: options.delaySeconds,
    });
  }

  async receive(max: number, visibilitySeconds = 60): Promise<ReceivedMessage<T>[]> {
    const response = await this.queue.receiveMessages({
      numberOfMessages: Math.min(Math.max(max, 1), 32),
      visibilityTimeout: visibilitySeconds,
    });
    return response.receivedMessageItems.map((m) => ({
      body: JSON.parse(Buffer.from(m.messageText, 'base64').toString('utf8')) as T,
      dequeueCount: m.dequeueCount,
      ack: async () => {
        try {
          await this.queue.deleteMessage(m.messageId, m.popReceipt);
        } catch (error) {
          // 404: gone already, or handed to another worker after its visibility timeout; either
          // way that worker finishes it, and handlers are safe to run twice.
          if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        }
      },
    }));
  }
}
