import { randomUUID } from 'node:crypto';
import {
  ActivityHandler,
  ActivityTypes,
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../src/log/logger.ts';
import { servesTenant, type ServedTenants } from '../src/config/config.ts';
import { errorCard } from '../src/cards/platform/errorCard.ts';
import { noticeCard } from '../src/cards/platform/noticeCard.ts';
import { activityIdOf } from '../src/domain/platform/ids.ts';
import { languageFromLocale } from '../src/domain/platform/language.ts';
import { messagesFor } from '../src/messages/catalog.ts';
import { chatContextFrom, tenantOf } from './chatContext.ts';
import { onChatMessage, onInstalled, type BotDeps } from './handlers.ts';
import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import { runCardAction } from './cardActions.ts';
import { rememberLanguages } from '../src/usecases/directory/rememberedLanguages.ts';

/**
 * Turns Teams activities into handler calls. No rules live here: which activity means what is the
 * only knowledge of this file, and which tenants are served.
 */
export class DryppBot extends ActivityHandler {
  /** The person's directory language, remembered for a few minutes (every turn needs it first). */
  private readonly languageOf: (tenantId: string, userId: string) => Promise<string | undefined>;

  constructor(
    private readonly deps: BotDeps,
    private readonly log: Logger,
    private readonly options: { tenants: ServedTenants },
  ) {
    super();
    this.languageOf = rememberLanguages((t, u) => deps.people.preferredLanguage(t, u), {
      now: () => deps.clock.now().getTime(),
    });

    // Teams sends installationUpdate (add) when the app is installed for a person, and a
    // conversationUpdate with the bot among membersAdded when the personal chat is created.
    // Installed in a team or a group chat, the conversation is that channel or chat: never record it
    // as the person's own chat, or their cards would be posted there for everyone to read.
    this.onInstallationUpdateAdd(async (turn, next) => {
      const personal = (turn.activity.conversation?.conversationType ?? 'personal') === 'personal';
      if (personal) await this.runHandler(turn, (chat) => onInstalled(this.deps, chat));
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

  /**
   * An activity from a tenant Drypp does not serve changes nothing. A message or a card action gets
   * a short card saying so; everything else (installation, conversation and reaction updates, where
   * Teams expects no answer) gets none.
   */
  override async run(turn: TurnContext): Promise<void> {
    const tenantId = tenantOf(turn.activity);
    if (servesTenant(this.options.tenants, tenantId)) return super.run(turn);
    const correlationId = activityIdOf(turn.activity.id) ?? randomUUID();
    this.log.warn(
      { correlationId, tenantId, type: turn.activity.type?.slice(0, 32) },
      'activity from a tenant that is not served: nothing changed',
    );
    const t = messagesFor(languageFromLocale(turn.activity.locale));
    const notice = noticeCard(`${t.notServed.title}. ${t.notServed.body}`);
    if (turn.activity.type === ActivityTypes.Message) {
      await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(notice)] });
    } else if (turn.activity.type === ActivityTypes.Invoke && turn.activity.name === 'adaptiveCard/action') {
      const body: AdaptiveCardInvokeResponse = {
        statusCode: 200,
        type: CardFactory.contentTypes.adaptiveCard,
        value: notice as unknown as Record<string, unknown>,
      };
      await turn.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    }
  }

  /**
   * An invoke for something Drypp does not offer (its manifest declares no message extension, task
   * module or sign-in): botbuilder answers 501, but a well-formed Teams request never gets a 5xx
   * from Drypp. It gets 200 and changes nothing, as Teams asks of bots for events they do not handle.
   */
  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(turn);
    if (response.status !== 501) return response;
    const name = turn.activity.name;
    this.log.info(
      { invoke: typeof name === 'string' && /^[\w/.-]{1,64}$/.test(name) ? name : undefined },
      'invoke not handled: nothing changed',
    );
    return { status: 200 };
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
    // Only ids of a known shape reach the log (src/domain/platform/ids.ts).
    const correlationId = activityIdOf(turn.activity.id) ?? randomUUID();
    const log = this.log.child({ correlationId, tenantId: tenantOf(turn.activity) });
    let chat = chatContextFrom(turn, log, correlationId);
    try {
      // Answers speak the person's directory language when Drypp knows it, as the cards it sent them do.
      const preferredLanguage =
        chat.tenantId && chat.userId ? await this.languageOf(chat.tenantId, chat.userId) : undefined;
      if (preferredLanguage) chat = chatContextFrom(turn, log, correlationId, preferredLanguage);
      await work(chat);
    } catch (error) {
      log.error({ err: error }, 'turn failed');
      await chat.sendCard(errorCard(chat.t, correlationId));
    }
  }
}
