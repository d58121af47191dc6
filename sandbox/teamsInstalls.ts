import http from 'node:http';
import express from 'express';
import { demoBot, demoPeople, demoPersonalChatId, demoTenant } from './demoOrganisation.ts';

/**
 * What Teams does after Graph installs the app for someone: it tells the bot (installationUpdate).
 * For the person in the Agents Playground, the Playground itself does that (as when its chat opens).
 * Everyone else has no Teams window in the sandbox: their chat is this small connector, which
 * accepts the bot's messages and lists them at its URL, so the whole path runs for them too.
 */
export async function startTeamsInstalls(options: {
  playgroundUrl: () => string | undefined;
  botEndpoint: string;
}) {
  const received: Array<{ conversationId: string; at: string; text: string }> = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/v3/conversations/:conversationId/activities{/:replyTo}', (req, res) => {
    const card = JSON.stringify(req.body?.attachments?.[0]?.content ?? req.body?.text ?? '');
    received.push({
      conversationId: req.params.conversationId,
      at: new Date().toISOString(),
      text: card.slice(0, 300),
    });
    if (received.length > 500) received.shift();
    res.status(201).json({ id: `sandbox-${received.length}` });
  });
  app.get('/', (_req, res) => res.json(received));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;

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
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
