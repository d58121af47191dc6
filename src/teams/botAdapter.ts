import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { BotIdentity } from '../config/config.ts';
import { ReusingBotFrameworkAuthentication } from './reusedClients.ts';

/**
 * botbuilder's CloudAdapter, kept behind this one seam. With an app id configured, every request to
 * /api/messages must carry a valid Bot Framework JWT; with none (the sandbox) the adapter accepts the
 * Agents Playground's unsigned requests.
 */
export function createBotAdapter(identity: BotIdentity): DryppAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: identity.appId ?? '',
    MicrosoftAppPassword: identity.appPassword ?? '',
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.appTenantId ?? '',
    // Where the channel's signing keys are published; botbuilder's public-cloud default unless set.
    // Setting one of these makes botbuilder read all of them, so the others get the public cloud's values.
    ...(identity.openIdMetadataUrl
      ? {
          ...publicCloud,
          ToBotFromChannelOpenIdMetadataUrl: identity.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: identity.openIdMetadataUrl,
        }
      : {}),
  };
  return new DryppAdapter(new ReusingBotFrameworkAuthentication(options));
}

/** botbuilder's AuthenticationConstants for the public cloud (botframework-connector/lib/auth). */
const publicCloud = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
};

/** How authenticating and running one activity ended, for the HTTP edge to turn into a status. */
export type ActivityOutcome =
  { kind: 'done'; status: number; body?: unknown } | { kind: 'unauthorized' } | { kind: 'keysUnavailable' };

export class DryppAdapter extends CloudAdapter {
  /**
   * Authenticates the activity and runs the bot's logic. botbuilder's own `process` answers 500 for
   * a token that is well formed but wrongly signed (jsonwebtoken's errors are not its
   * AuthenticationError) and prints the error to the console; here every token failure is
   * `unauthorized`, and signing keys that cannot be fetched are told apart from a bad token.
   */
  async handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<ActivityOutcome> {
    try {
      const invoke = await this.processActivity(authHeader, activity, logic);
      return { kind: 'done', status: invoke?.status ?? 200, body: invoke?.body };
    } catch (error) {
      const failure = tokenFailure(error);
      if (failure) return { kind: failure };
      throw error;
    }
  }
}

const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function tokenFailure(error: unknown): 'unauthorized' | 'keysUnavailable' | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: unknown; statusCode?: unknown; constructor?: { name?: string } };
  if (typeof e.name === 'string' && tokenErrors.has(e.name)) return 'unauthorized';
  if (e.name === 'FetchError') return 'keysUnavailable';
  if (e.constructor?.name === 'AuthenticationError') {
    // botbuilder raises AuthenticationError with status 500 when the key set could not be loaded.
    return e.statusCode === 500 ? 'keysUnavailable' : 'unauthorized';
  }
  return undefined;
}
