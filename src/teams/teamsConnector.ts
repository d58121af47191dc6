import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { StoredConversation } from '../domain/delivery/conversation.ts';
import type { ConnectorAnswer } from '../domain/delivery/outboundRetry.ts';
import type { TeamsConnector } from '../usecases/delivery/outboundPorts.ts';

/**
 * The outbound pipeline's Teams calls (Bot Connector: send, update, delete an activity in a
 * person's chat) through botbuilder's CloudAdapter and the stored conversation reference. Teams'
 * answers become values: the status, its Retry-After and, for a 403, Teams' error code (bot
 * blocked, app disabled by the admin). No rate here: the pipeline holds the tenant's rate.
 */
export class BotTeamsConnector implements TeamsConnector {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  send(conversation: StoredConversation, card: object): Promise<ConnectorAnswer> {
    return this.call(conversation, async (turn) => {
      const response = await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      return response?.id ?? '';
    });
  }

  update(conversation: StoredConversation, activityId: string, card: object): Promise<ConnectorAnswer> {
    return this.call(conversation, async (turn) => {
      await turn.updateActivity({
        id: activityId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
      return activityId;
    });
  }

  delete(conversation: StoredConversation, activityId: string): Promise<ConnectorAnswer> {
    return this.call(conversation, async (turn) => {
      await turn.deleteActivity(activityId);
      return activityId;
    });
  }

  private async call(
    conversation: StoredConversation,
    act: (turn: TurnContext) => Promise<string>,
  ): Promise<ConnectorAnswer> {
    let activityId = '';
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        conversation.reference as Partial<ConversationReference>,
        async (turn) => {
          activityId = await act(turn);
        },
      );
      return { ok: true, activityId };
    } catch (error) {
      return connectorAnswerOf(error);
    }
  }
}

/** Teams' error answer, read from botbuilder's RestError (status, headers, the ErrorResponse body). */
export function connectorAnswerOf(error: unknown): ConnectorAnswer {
  const e = error as {
    statusCode?: number;
    code?: unknown;
    response?: {
      headers?: { get?(name: string): string | undefined } | Record<string, string>;
      bodyAsText?: string;
      parsedBody?: unknown;
    };
  };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
  const headers = e.response?.headers;
  const retryAfterText =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const retryAfter = Number(retryAfterText);
  return {
    ok: false,
    status,
    retryAfterMs:
      Number.isFinite(retryAfter) && retryAfter >= 0 && retryAfterText ? retryAfter * 1000 : undefined,
    code:
      errorCode(e.response?.parsedBody, e.response?.bodyAsText) ??
      (status ? stringOrUndefined(e.code) : undefined),
  };
}

function errorCode(parsed: unknown, text: string | undefined): string | undefined {
  let body = parsed;
  if (!body && text) {
    try {
      body = JSON.parse(text);
    } catch {
      return undefined; // not Teams' JSON ErrorResponse: no code to read
    }
  }
  return stringOrUndefined((body as { error?: { code?: unknown } } | undefined)?.error?.code);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
