// The sandbox's learning record store: Learning Locker's xapi-statements (an xAPI 1.0.3 LRS, from npm)
// with its models in memory, in this process. Run by sandbox/lrs/lrs.ts; settings come from LRS_*.
//
// xapi-statements starts an express app at import time on EXPRESS_PORT, on every interface, and by
// default reaches MongoDB and Redis for clients and events. Here:
// - net.Server#listen is bound to 127.0.0.1 before it loads (the sandbox listens on loopback only);
// - models and events are its in-memory repositories (MODELS_REPO=memory, EVENTS_REPO=test);
// - clients are checked by its `fetch` auth repository against a small client-info endpoint in this
//   process, which accepts exactly the configured key and secret (Basic auth), as a real LRS does.
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

// xapi-statements is CommonJS and must load after the environment below is set.
const loadCommonJs = createRequire(import.meta.url);

const port = Number(process.env.LRS_PORT);
const key = process.env.LRS_KEY;
const secret = process.env.LRS_SECRET;
const dataDir = process.env.LRS_DATA_DIR;
if (!port || !key || !secret || !dataDir) {
  process.stderr.write('lrsProcess: LRS_PORT, LRS_KEY, LRS_SECRET and LRS_DATA_DIR are required\n');
  process.exit(2);
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackOnly(...args) {
  if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    return listen.call(this, { port: Number(args[0]), host: '127.0.0.1' }, callback);
  }
  return listen.apply(this, args);
};

const expected = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const client = {
  _id: '5f0000000000000000000001',
  title: 'Drypp',
  authority: { objectType: 'Agent', account: { homePage: 'https://drypp.app', name: 'drypp' } },
  isTrusted: true,
  lrs_id: '5f0000000000000000000002',
  organisation: '5f0000000000000000000003',
  scopes: ['all'],
};
const clientInfo = http.createServer((request, response) => {
  const ok = request.headers.authorization === expected;
  response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
  response.end(ok ? JSON.stringify(client) : '{}');
});

clientInfo.listen(0, () => {
  Object.assign(process.env, {
    EXPRESS_PORT: String(port),
    LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${clientInfo.address().port}/auth`,
    AUTH_REPO: 'fetch',
    MODELS_REPO: 'memory',
    EVENTS_REPO: 'test',
    STORAGE_REPO: 'local',
    FS_LOCAL_STORAGE_DIR: path.join(dataDir, 'attachments'),
    EXPRESS_MORGAN_DIRECTORY: path.join(dataDir, 'access-logs'),
    WINSTON_CONSOLE_LEVEL: process.env.LRS_LOG_LEVEL || 'warn',
    LANG: 'en',
  });
  loadCommonJs('xapi-statements/dist/server.js');
});
