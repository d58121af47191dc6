import http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

/**
 * A stand-in for the Bot Framework's OpenID metadata (login.botframework.com): it publishes one
 * RSA signing key, and mints channel tokens the way the Bot Connector signs them (issuer
 * https://api.botframework.com, audience the bot's app id, serviceurl claim). Tokens signed with a
 * second key that is not published stand for a forgery.
 */
export async function startBotTokenIssuer(): Promise<{
  metadataUrl: string;
  token(claims: { appId: string; serviceUrl: string }, options?: TokenOptions): Promise<string>;
  stop(): Promise<void>;
}> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'published-key', use: 'sig', alg: 'RS256' };
  let base = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openidconfiguration') {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    metadataUrl: `${base}/openidconfiguration`,
    async token(claims, options = {}) {
      const key: CryptoKey = options.signedWithUnpublishedKey ? other.privateKey : published.privateKey;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: claims.serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'published-key', typ: 'JWT' })
        .setIssuer(options.issuer ?? 'https://api.botframework.com')
        .setAudience(options.audience ?? claims.appId)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(options.expired ? now - 3600 : now + 3600)
        .sign(key);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TokenOptions {
  signedWithUnpublishedKey?: boolean;
  kid?: string;
  expired?: boolean;
  audience?: string;
  issuer?: string;
}
