import http from 'node:http';
import express from 'express';

export interface ReceivedActivity {
  conversationId: string;
  /** Date.now() when the connector accepted it. */
  at: number;
  /** The activity as JSON text, for matching on content. */
  json: string;
}

/**
 * A Bot Connector stand-in (the serviceUrl Drypp replies to) that accepts every activity with 201,
 * as the real one does, and records when each arrived. Loopback only.
 */
export async function startRecordingConnector(): Promise<{
  url: string;
  received: ReceivedActivity[];
  stop(): Promise<void>;
}> {
  const received: ReceivedActivity[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/v3/conversations/:conversationId/activities{/:replyTo}', (req, res) => {
    received.push({
      conversationId: req.params.conversationId,
      at: Date.now(),
      json: JSON.stringify(req.body),
    });
    res.status(201).json({ id: `bench-${received.length}` });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
