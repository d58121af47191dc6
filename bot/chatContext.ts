import type { TurnContext } from 'botbuilder';
import { CardFactory, TurnContext as Turn } from 'botbuilder';
import type { AdaptiveCard } from '../src/cards/platform/adaptiveCard.ts';
import { personLanguage, type Language } from '../src/domain/platform/language.ts';
import { messagesFor, type Messages } from '../src/messages/catalog.ts';
import type { Logger } from '../src/log/logger.ts';
import { learnerActor, type Actor } from '../src/domain/access/index.ts';
import { objectIdOf, tenantIdOf } from '../src/domain/platform/ids.ts';

/**
 * The narrow view of a turn that handlers get: who is talking, in which language, and how to answer.
 * Handlers never see the adapter, so moving to a newer SDK touches only this file.
 */
export interface ChatContext {
  /** The tenant (a GUID, lower-cased); undefined when the activity named none, or two different ones. */
  tenantId: string | undefined;
  userId: string | undefined; // Entra object id; undefined for callers Teams did not identify
  /** Who is acting, resolved once per turn from from.aadObjectId and the tenant; undefined if either is missing. */
  actor: Actor | undefined;
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
  const language = personLanguage(preferredLanguage, activity.locale);
  const tenantId = tenantOf(activity);
  const userId = objectIdOf(activity.from?.aadObjectId);
  return {
    tenantId,
    userId,
    actor: tenantId && userId ? learnerActor(tenantId, userId) : undefined,
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

/**
 * Teams names the tenant in conversation.tenantId and in channelData.tenant.id. Ids that are not
 * GUIDs count as absent, and an activity that names two different tenants names none.
 */
export function tenantOf(activity: TurnContext['activity']): string | undefined {
  const fromConversation = tenantIdOf(activity.conversation?.tenantId);
  const fromChannel = tenantIdOf(
    (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id,
  );
  if (fromConversation && fromChannel && fromConversation !== fromChannel) return undefined;
  return fromConversation ?? fromChannel;
}
