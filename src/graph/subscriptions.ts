import type { GraphClients } from './graphClients.ts';
import type { SubscriptionApi } from '../usecases/directory/subscriptionPorts.ts';
import type { SubscriptionInfo } from '../domain/directory/subscription.ts';

/** Change-notification subscriptions on `/users` (Graph allows at most 41,760 minutes for users). */
export class GraphSubscriptions implements SubscriptionApi {
  constructor(private readonly clients: GraphClients) {}

  async create(
    tenantId: string,
    request: {
      notificationUrl: string;
      lifecycleNotificationUrl: string;
      clientState: string;
      expiresAt: Date;
    },
  ): Promise<SubscriptionInfo> {
    const body = await this.clients.forTenant(tenantId).api('/subscriptions').post({
      changeType: 'updated,deleted',
      resource: 'users',
      notificationUrl: request.notificationUrl,
      lifecycleNotificationUrl: request.lifecycleNotificationUrl,
      clientState: request.clientState,
      expirationDateTime: request.expiresAt.toISOString(),
    });
    return { id: body.id, expiresAt: body.expirationDateTime };
  }

  async renew(tenantId: string, id: string, expiresAt: Date): Promise<SubscriptionInfo | 'gone'> {
    try {
      const body = await this.clients
        .forTenant(tenantId)
        .api(`/subscriptions/${encodeURIComponent(id)}`)
        .patch({ expirationDateTime: expiresAt.toISOString() });
      return { id: body.id ?? id, expiresAt: body.expirationDateTime ?? expiresAt.toISOString() };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return 'gone';
      throw error;
    }
  }
}
