import { startConnectorSimulator } from './teamsConnector/server.ts';
import { demoBot, demoPeople, demoPersonalChatId, demoTenant } from './demoOrganisation.ts';

/**
 * What Teams does after Graph installs the app for someone: it tells the bot (installationUpdate).
 * For the person in the Agents Playground, the Playground itself does that (as when its chat opens).
 * Everyone else has no Teams window in the sandbox: their chat is the Teams connector simulator,
 * which accepts the bot's messages and lists them at its URL, so the whole path runs for them too.
 */
export async function startTeamsInstalls(options: {
  playgroundUrl: () => string | undefined;
  botEndpoint: string;
}) {
  // Their chats are the connector simulator (sandbox/teamsConnector): Teams' limits, no faults
  // unless someone turns them on; GET / lists what the bot sent.
  const connector = await startConnectorSimulator();
  const serviceUrl = connector.url;

  const appInstalled = async (tenantId: string, userId: string) => {
    const playground = options.playgroundUrl();
    if (tenantId === demoTenant.id && userId === demoPeople[0]?.id && playground) {
      // The Playground's own installation flow: it sends the bot installationUpdate and conversationUpdate.
      await fetch(
        `${playground}/_debug/conversation/${encodeURIComponent(demoPersonalChatId)}/installation`,
        {
          method: 'POST',
        },
      );
      return;
    }
    await fetch(options.botEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(installationUpdateActivity(tenantId, userId, serviceUrl)),
    });
  };

  return {
    serviceUrl,
    appInstalled: (tenantId: string, userId: string) => {
      // Teams does this a moment after the install, not inside Graph's answer.
      setTimeout(() => void appInstalled(tenantId, userId).catch(() => undefined), 500);
    },
    stop: connector.stop,
  };
}

/** The installationUpdate Teams sends a bot when the app is installed for a person in personal scope. */
export function installationUpdateActivity(tenantId: string, userId: string, serviceUrl: string) {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: `install-${userId}-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'nb-NO',
    from: { id: `29:${userId}`, aadObjectId: userId },
    recipient: demoBot,
    conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}
