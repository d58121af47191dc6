import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface TableCall {
  /** For example `GET Steps(entity)`, `GET Steps(query)`, `PUT Enrollments(entity)`, `POST Tables`. */
  kind: string;
  url: string;
  ms: number;
}

/**
 * A counting HTTP proxy in front of Azurite's table endpoint: it forwards every request unchanged
 * and records what it was and how long Azurite took. For profiling only (it adds a hop).
 */
export async function startTableProxy(target: { host: string; port: number }): Promise<{
  port: number;
  calls: TableCall[];
  stop(): Promise<void>;
}> {
  const calls: TableCall[] = [];
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const upstream = http.request(
      { host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
        answer.on('end', () => {
          const url = decodeURIComponent(req.url ?? '');
          calls.push({ kind: classify(req.method ?? '', url), url, ms: performance.now() - started });
        });
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502).end(String(error));
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    calls,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `/devstoreaccount1/Steps(PartitionKey='a',RowKey='b')` → `Steps(entity)`; `/devstoreaccount1/Steps()?$filter=` → `Steps(query)`. */
function classify(method: string, url: string): string {
  const pathPart = url.split('?')[0] ?? '';
  const resource = pathPart.split('/').filter(Boolean).at(-1) ?? '';
  const match = /^([^(]+)\((.*)\)$/.exec(resource);
  if (!match) return `${method} ${resource}`;
  return `${method} ${match[1]}(${match[2] ? 'entity' : 'query'})`;
}
