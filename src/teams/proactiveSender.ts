import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ChatSender, TenantSendRate } from '../usecases/delivery/ports.ts';
import type { SendResult } from '../domain/delivery/delivery.ts';
import type { ConversationStore } from '../usecases/delivery/ports.ts';

/**
 * Sends a card into a person's personal chat with the stored conversation reference
 * (botbuilder's continueConversationAsync). Teams' answers become values: 429/412/5xx are retryable
 * (after Retry-After when given), 403 (bot blocked, app disabled) and 404 are permanent for now.
 */
export class BotChatSender implements ChatSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationStore,
    /** Teams allows 50 sends a second per app and tenant, all our worker processes together. */
    private readonly rate: TenantSendRate,
  ) {}

  async sendCard(tenantId: string, userId: string, card: object): Promise<SendResult> {
    const conversation = await this.conversations.find(tenantId, userId);
    if (!conversation)
      return {
        ok: false,
        retryable: true,
        retryAfterMs: 60 * 60_000,
        reason: 'no chat with this person yet',
      };
    await this.rate.take(tenantId); // only for a send that goes out
    let activityId = '';
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        conversation.reference as Partial<ConversationReference>,
        async (turn) => {
          const response = await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
          activityId = response?.id ?? '';
        },
      );
      return { ok: true, activityId };
    } catch (error) {
      return classify(error);
    }
  }
}

function classify(error: unknown): SendResult {
  const e = error as {
    statusCode?: number;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  const status = e.statusCode ?? 0;
  const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
  if (status === 429 || status === 412 || status >= 500 || status === 0) {
    return {
      ok: false,
      retryable: true,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 30_000,
      reason: `Teams answered ${status || 'no response'}`,
    };
  }
  return { ok: false, retryable: false, reason: `Teams answered ${status}` };
}
