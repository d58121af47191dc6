import type { AppInstaller, InstallResult } from '../usecases/directory/ports.ts';
import type { GraphClients } from './graphClients.ts';
import { TokenBuckets } from '../throttle/tokenBucket.ts';

/**
 * Installs Drypp in a person's personal scope (`POST /users/{id}/teamwork/installedApps`), paced by
 * its own token bucket: Graph allows 30 installs per second per app and tenant.
 */
export class GraphAppInstaller implements AppInstaller {
  private readonly buckets: TokenBuckets;

  constructor(
    private readonly clients: GraphClients,
    private readonly catalogAppId: string,
    private readonly graphOrigin: string,
    perSecond = 25,
  ) {
    this.buckets = new TokenBuckets(perSecond);
  }

  async installForUser(tenantId: string, userId: string): Promise<InstallResult> {
    await this.buckets.take(tenantId);
    try {
      await this.clients
        .forTenant(tenantId)
        .api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`)
        .post({
          'teamsApp@odata.bind': `${this.graphOrigin}/v1.0/appCatalogs/teamsApps/${this.catalogAppId}`,
        });
      return { kind: 'installed' };
    } catch (error) {
      const e = error as { statusCode?: number; headers?: Headers; message?: string };
      const status = e.statusCode ?? 0;
      if (status === 409) return { kind: 'alreadyInstalled' };
      const retryAfter = Number(e.headers?.get?.('retry-after'));
      // 404 for a brand-new account (Teams not provisioned yet), 400 now and then, 429 and 5xx: retry later.
      if ([0, 400, 404, 429].includes(status) || status >= 500) {
        return {
          kind: 'retry',
          afterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0,
          reason: `Graph answered ${status || 'nothing'}`,
        };
      }
      return { kind: 'failed', reason: `Graph answered ${status}` };
    }
  }
}
