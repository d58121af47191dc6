import fs from 'node:fs';
import https from 'node:https';

/**
 * Asks the tenant simulator (`POST /_sim/tab-token`) for a Teams SSO token for one person. The
 * simulator serves TLS with its own certificate, which only this sandbox trusts.
 */
export function simulatorTabTokens(
  simulatorUrl: string,
  certFile: string,
): (userId: string) => Promise<string> {
  const ca = fs.readFileSync(certFile);
  return (userId) =>
    new Promise((resolve, reject) => {
      const request = https.request(
        new URL('/_sim/tab-token', simulatorUrl),
        { method: 'POST', ca, headers: { 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            let parsed: { token?: string; error?: string };
            try {
              parsed = JSON.parse(body || '{}') as typeof parsed;
            } catch {
              parsed = { error: `HTTP ${res.statusCode}, not JSON` };
            }
            if (res.statusCode === 200 && parsed.token) resolve(parsed.token);
            else reject(new Error(parsed.error ?? `HTTP ${res.statusCode}`));
          });
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ user: userId }));
    });
}
