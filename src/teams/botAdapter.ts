import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { BotIdentity } from '../config/config.ts';

/**
 * botbuilder's CloudAdapter, kept behind this one seam. With an app id configured, every request to
 * /api/messages must carry a valid Bot Framework JWT (the adapter answers 401 otherwise); with none
 * (the sandbox) the adapter accepts the Agents Playground's unsigned requests.
 */
export function createBotAdapter(identity: BotIdentity): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: identity.appId ?? '',
    MicrosoftAppPassword: identity.appPassword ?? '',
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.appTenantId ?? '',
  };
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
}
