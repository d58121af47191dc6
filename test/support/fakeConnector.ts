import http from 'node:http';
import express from 'express';

export interface SentActivity {
  conversationId: string;
  activity: { type: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
}

/**
 * Stands in for the Bot Connector service that a bot replies to (the serviceUrl of an activity):
 * it records what the bot sent. Used where a test needs to see replies without a Teams client.
 */
export async function startFakeConnector(
  options: {
    /** How long each answer takes (Teams takes tens to hundreds of ms): a send is in flight meanwhile. */
    delayMs?: () => number;
  } = {},
): Promise<{
  url: string;
  sent: SentActivity[];
  /** Activities received and not answered yet: sends in flight. */
  inFlight(): number;
  stop(): Promise<void>;
}> {
  const sent: SentActivity[] = [];
  let inFlight = 0;
  const app = express();
  app.use(express.json());
  app.post('/v3/conversations/:conversationId/activities{/:replyTo}', async (req, res) => {
    // Recorded on arrival: Teams has the message from then on, whether or not the sender hears back.
    sent.push({ conversationId: req.params.conversationId, activity: req.body });
    const id = `reply-${sent.length}`;
    const delay = options.delayMs?.() ?? 0;
    if (delay > 0) {
      inFlight++;
      await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight--;
    }
    if (!res.headersSent && !res.writableEnded) res.status(200).json({ id });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    inFlight: () => inFlight,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
