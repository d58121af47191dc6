import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';

/**
 * The sandbox's Teams host (see README.md here): a page that frames Drypp's real tab and speaks the
 * teams-js protocol, on its own loopback port. Everything that is not the host's own (/ and /_host/)
 * is proxied to Drypp, so the tab and the host page share one origin — as teams-js requires of a
 * parent on http (it accepts replies from its own origin, or https origins on Microsoft's list).
 */
export type HostRole = 'learner' | 'manager' | 'hrAdmin';

export interface HostPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  role: HostRole;
}

export interface TeamsHostOptions {
  port: number;
  dryppUrl: string;
  tenantId: string;
  people: readonly HostPerson[];
  /** A Teams SSO token for this person, from the tenant simulator. */
  issueToken(userId: string): Promise<string>;
}

export interface TeamsHost {
  url: string;
  stop(): Promise<void>;
}

const roleLabels: Record<HostRole, string> = { learner: 'learner', manager: 'manager', hrAdmin: 'HR admin' };

export async function startTeamsHost(options: TeamsHostOptions): Promise<TeamsHost> {
  const app = express();
  app.disable('x-powered-by');
  const pageDir = path.join(import.meta.dirname, 'page');
  app.get('/', (_req, res) => res.sendFile(path.join(pageDir, 'index.html')));
  app.use('/_host', express.static(pageDir, { index: false }));
  app.get('/_host/people', (_req, res) => {
    res.json({
      tenantId: options.tenantId,
      people: options.people.map((p) => ({ ...p, roleLabel: roleLabels[p.role] })),
    });
  });
  app.post('/_host/token', express.json({ limit: '1kb' }), async (req, res) => {
    const userId = (req.body as { userId?: unknown } | undefined)?.userId;
    if (typeof userId !== 'string' || !options.people.some((p) => p.id === userId)) {
      res.status(400).json({ error: 'pick a person of the demo organisation' });
      return;
    }
    try {
      res.set('Cache-Control', 'no-store').json({ token: await options.issueToken(userId) });
    } catch (error) {
      res.status(502).json({ error: `the tenant simulator issued no token: ${(error as Error).message}` });
    }
  });
  app.use(proxyTo(options.dryppUrl));

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A plain reverse proxy: method, path, headers and body through to Drypp, the answer streamed back. */
function proxyTo(target: string): express.RequestHandler {
  const base = new URL(target);
  return (req, res) => {
    const upstream = http.request(
      {
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: req.originalUrl,
        headers: { ...req.headers, host: base.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.status(502).json({ error: `Drypp did not answer: ${error.message}` });
      else res.destroy(error);
    });
    req.pipe(upstream);
  };
}
