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
export async function startFakeConnector(): Promise<{
  url: string;
  sent: SentActivity[];
  stop(): Promise<void>;
}> {
  const sent: SentActivity[] = [];
  const app = express();
  app.use(express.json());
  app.post('/v3/conversations/:conversationId/activities{/:replyTo}', (req, res) => {
    sent.push({ conversationId: req.params.conversationId, activity: req.body });
    res.status(200).json({ id: `reply-${sent.length}` });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
