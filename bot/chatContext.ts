import type { TurnContext } from 'botbuilder';
import { CardFactory, TurnContext as Turn } from 'botbuilder';
import type { AdaptiveCard } from '../src/cards/platform/adaptiveCard.ts';
import { personLanguage, type Language } from '../src/domain/platform/language.ts';
import { messagesFor, type Messages } from '../src/messages/catalog.ts';
import type { Logger } from '../src/log/logger.ts';

/**
 * The narrow view of a turn that handlers get: who is talking, in which language, and how to answer.
 * Handlers never see the adapter, so moving to a newer SDK touches only this file.
 */
export interface ChatContext {
  tenantId: string | undefined;
  userId: string | undefined; // Entra object id; undefined for callers Teams did not identify
  conversationId: string;
  locale: string | undefined;
  language: Language;
  t: Messages;
  correlationId: string;
  log: Logger;
  reference(): Record<string, unknown>;
  sendCard(card: AdaptiveCard): Promise<void>;
}

/**
 * `preferredLanguage` is the person's directory language when Drypp knows them: it wins over the Teams
 * client's locale, so that an answer to a card is in the language the card was sent in.
 */
export function chatContextFrom(
  turn: TurnContext,
  log: Logger,
  correlationId: string,
  preferredLanguage?: string,
): ChatContext {
  const activity = turn.activity;
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const language = personLanguage(preferredLanguage, activity.locale);
  return {
    tenantId: activity.conversation?.tenantId ?? channelTenant,
    userId: activity.from?.aadObjectId,
    conversationId: activity.conversation?.id ?? '',
    locale: activity.locale,
    language,
    t: messagesFor(language),
    correlationId,
    log,
    reference: () => Turn.getConversationReference(activity) as unknown as Record<string, unknown>,
    sendCard: async (card) => {
      await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    },
  };
}
