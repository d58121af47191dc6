import { randomUUID } from 'node:crypto';
import {
  ActivityHandler,
  ActivityTypes,
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../src/log/logger.ts';
import { errorCard } from '../src/cards/platform/errorCard.ts';
import { chatContextFrom } from './chatContext.ts';
import { onChatMessage, onInstalled, type BotDeps } from './handlers.ts';
import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import { runCardAction } from './cardActions.ts';

/**
 * Turns Teams activities into handler calls. No rules live here: which activity means what is the
 * only knowledge of this file.
 */
export class DryppBot extends ActivityHandler {
  constructor(
    private readonly deps: BotDeps,
    private readonly log: Logger,
  ) {
    super();

    // Teams sends installationUpdate (add) when the app is installed for a person, and a
    // conversationUpdate with the bot among membersAdded when the personal chat is created.
    this.onInstallationUpdateAdd(async (turn, next) => {
      await this.runHandler(turn, (chat) => onInstalled(this.deps, chat));
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      const botAdded = turn.activity.membersAdded?.some((m) => m.id === turn.activity.recipient?.id);
      const personal = (turn.activity.conversation?.conversationType ?? 'personal') === 'personal';
      if (botAdded && personal) await this.runHandler(turn, (chat) => onInstalled(this.deps, chat));
      await next();
    });
    this.onMessage(async (turn, next) => {
      if (turn.activity.type === ActivityTypes.Message) {
        await this.runHandler(turn, (chat) => onChatMessage(this.deps, chat, turn.activity.text));
      }
      await next();
    });
  }

  /** Action.Execute on one of our cards (an adaptiveCard/action invoke): answered through the verb table. */
  protected override async onAdaptiveCardInvoke(
    turn: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    let result: CardActionResult | undefined;
    await this.runHandler(turn, async (chat) => {
      result = await runCardAction(this.deps, chat, invoke.action ?? {});
    });
    if (result?.kind === 'card') {
      return {
        statusCode: 200,
        type: CardFactory.contentTypes.adaptiveCard,
        value: result.card as Record<string, unknown>,
      };
    }
    const text = result?.text ?? '';
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: text as unknown as Record<string, unknown>,
    };
  }

  /** Every turn gets a correlation id; an unexpected failure is logged once and shown as a friendly card. */
  private async runHandler(
    turn: TurnContext,
    work: (chat: ReturnType<typeof chatContextFrom>) => Promise<void>,
  ) {
    const correlationId = turn.activity.id ?? randomUUID();
    const log = this.log.child({ correlationId, tenantId: turn.activity.conversation?.tenantId });
    let chat = chatContextFrom(turn, log, correlationId);
    try {
      // Answers speak the person's directory language when Drypp knows it, as the cards it sent them do.
      const person =
        chat.tenantId && chat.userId ? await this.deps.people.get(chat.tenantId, chat.userId) : undefined;
      if (person?.preferredLanguage) {
        chat = chatContextFrom(turn, log, correlationId, person.preferredLanguage);
      }
      await work(chat);
    } catch (error) {
      log.error({ err: error }, 'turn failed');
      await chat.sendCard(errorCard(chat.t, correlationId));
    }
  }
}
