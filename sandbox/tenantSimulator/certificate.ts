import tls from 'node:tls';
import { generate } from 'selfsigned';

/**
 * HTTPS for the simulator. MSAL (msal-node 7) refuses an authority that is not https
 * (`authority_uri_insecure`), and the Graph client attaches tokens only to https URLs, so the
 * simulator serves TLS with a self-signed certificate for 127.0.0.1 and localhost that it makes
 * on first start (and keeps in its data file). Clients trust that certificate, not a CA.
 */

export interface TlsCredentials {
  key: string;
  cert: string;
}

let processCertificate: Promise<TlsCredentials> | undefined;

/** Made once per process (a second or so), then kept in the data file when there is one. */
export function makeCertificate(): Promise<TlsCredentials> {
  processCertificate ??= generateCertificate();
  return processCertificate;
}

async function generateCertificate(): Promise<TlsCredentials> {
  const notBeforeDate = new Date(Date.now() - 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'Drypp tenant simulator' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 825 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/**
 * Makes this process's global `fetch` (Node's built-in undici, which msal-node 7 and the Graph
 * client both use) trust `certPem` besides the usual roots. For tests and tools in one process;
 * a child process is better served by NODE_EXTRA_CA_CERTS=<file with the certificate>.
 * It swaps undici's global dispatcher for a new Agent of the same class: the documented hook
 * (`setGlobalDispatcher` sets this symbol) without a dependency on the undici package.
 */
export async function trustInThisProcess(certPem: string): Promise<void> {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  if (!holder[GLOBAL_DISPATCHER]) await fetch('data:,').then((r) => r.text()); // loads undici
  const current = holder[GLOBAL_DISPATCHER] as { constructor: new (options: unknown) => unknown };
  holder[GLOBAL_DISPATCHER] = new current.constructor({
    connect: { ca: [...tls.rootCertificates, certPem] },
  });
}
