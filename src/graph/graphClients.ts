import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';

export interface GraphSettings {
  clientId: string;
  /** A client secret, or a certificate (PEM private key and the certificate's SHA-256 thumbprint). */
  clientSecret?: string;
  clientCertificate?: { privateKeyPem: string; thumbprintSha256: string };
  /** https://login.microsoftonline.com, a national cloud's, or the sandbox's tenant simulator. */
  authorityHost: string;
  /** https://graph.microsoft.com, a national cloud's, or the simulator. */
  graphBaseUrl: string;
  /** `https://graph.microsoft.com/.default`, or a national cloud's Graph resource. */
  scope: string;
}

/**
 * App-only Graph clients, one per tenant: msal-node client credentials (tokens cached by MSAL until
 * they expire) and the Graph SDK with its default middleware, which retries 429, 503 and 504 and
 * honours Retry-After. Authority and Graph URL come from configuration, so national clouds and the
 * simulator run the same code.
 */
export class GraphClients {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly settings: GraphSettings) {}

  forTenant(tenantId: string): Client {
    let client = this.clients.get(tenantId);
    if (!client) {
      client = this.create(tenantId);
      this.clients.set(tenantId, client);
    }
    return client;
  }

  private create(tenantId: string): Client {
    const authorityHost = this.settings.authorityHost.replace(/\/$/, '');
    const msal = new ConfidentialClientApplication({
      auth: {
        clientId: this.settings.clientId,
        ...(this.settings.clientCertificate
          ? {
              clientCertificate: {
                privateKey: this.settings.clientCertificate.privateKeyPem,
                thumbprintSha256: this.settings.clientCertificate.thumbprintSha256,
              },
            }
          : { clientSecret: this.settings.clientSecret }),
        authority: `${authorityHost}/${tenantId}`,
        // Known hosts skip instance discovery against the public cloud (needed for the simulator).
        knownAuthorities: [new URL(authorityHost).host],
      },
    });
    const graphBase = new URL(this.settings.graphBaseUrl);
    return Client.init({
      baseUrl: graphBase.origin,
      customHosts: new Set([graphBase.hostname]),
      authProvider: (done) => {
        msal
          .acquireTokenByClientCredential({ scopes: [this.settings.scope] })
          .then((result) => done(null, result?.accessToken ?? null))
          .catch((error: unknown) => done(error, null));
      },
    });
  }
}
