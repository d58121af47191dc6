import { randomUUID } from 'node:crypto';
import type { SimulatorState } from '../state/state.ts';
import type { ChangeType, TenantState } from '../state/tenantState.ts';
import type { DeliveryRecord, SubscriptionRecord, UserRecord } from '../state/types.ts';

/**
 * Graph's side of webhooks: the validation handshake, change notifications for users (a created
 * user arrives as `updated`, as in Graph), and lifecycle notifications. Deliveries that fail are
 * retried a few times with a growing pause (Graph keeps trying for hours; the sandbox does not).
 */

export const HANDSHAKE_TIMEOUT_MS = 10_000;
const DELIVERY_TIMEOUT_MS = 3_000;
const RETRY_DELAYS_MS = [1_000, 5_000];

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export class Notifier {
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly state: SimulatorState,
    private readonly options: { handshakeTimeoutMs?: number; retryDelaysMs?: number[] } = {},
  ) {
    state.onUserChange((tenant, user, changeType) => this.userChanged(tenant, user, changeType));
  }

  /** Graph's handshake: POST `?validationToken=…`; the endpoint must echo it as text/plain with 200. */
  async validate(subscriptionId: string, url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.set('validationToken', token);
    let status: number | 'error' = 'error';
    let ok = false;
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(this.options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS),
      });
      status = response.status;
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      ok = response.status === 200 && type.startsWith('text/plain') && text === token;
    } catch {
      ok = false; // unreachable or too slow: the subscription is refused below
    }
    this.record({ subscriptionId, url, kind: 'validation', status, body: null });
    return ok;
  }

  /** Sends a lifecycle notification; `subscriptionRemoved` also removes the subscription. */
  lifecycle(tenant: TenantState, subscription: SubscriptionRecord, event: LifecycleEvent): void {
    const url = subscription.lifecycleNotificationUrl;
    if (!url) throw new Error(`subscription ${subscription.id} has no lifecycleNotificationUrl`);
    if (event === 'subscriptionRemoved') {
      tenant.subscriptions.delete(subscription.id);
      this.state.onDirty();
    }
    const body = {
      value: [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          tenantId: tenant.id,
          clientState: subscription.clientState,
          lifecycleEvent: event,
        },
      ],
    };
    this.deliver(subscription.id, url, 'lifecycle', body, 0);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private userChanged(tenant: TenantState, user: UserRecord, changeType: ChangeType): void {
    const now = this.state.now();
    for (const subscription of tenant.subscriptions.values()) {
      if (new Date(subscription.expirationDateTime) <= now) continue;
      if (!subscription.changeType.split(',').includes(changeType)) continue;
      const scope = /^\/?users\/([^/]+)$/i.exec(subscription.resource)?.[1]?.toLowerCase();
      if (scope && scope !== user.id && scope !== user.upn.toLowerCase()) continue;
      const body = {
        value: [
          {
            subscriptionId: subscription.id,
            subscriptionExpirationDateTime: subscription.expirationDateTime,
            changeType,
            resource: `Users/${user.id}`,
            resourceData: {
              '@odata.type': '#Microsoft.Graph.User',
              '@odata.id': `Users/${user.id}`,
              id: user.id,
              organizationId: tenant.id,
            },
            clientState: subscription.clientState,
            tenantId: tenant.id,
          },
        ],
      };
      this.deliver(subscription.id, subscription.notificationUrl, 'change', body, 0);
    }
  }

  private deliver(
    subscriptionId: string,
    url: string,
    kind: DeliveryRecord['kind'],
    body: unknown,
    attempt: number,
  ) {
    if (this.closed) return;
    void fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    })
      .then(
        async (response) => {
          await response.body?.cancel();
          return response.status;
        },
        () => 'error' as const,
      )
      .then((status) => {
        this.record({ subscriptionId, url, kind, status, body });
        const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
        const failed = status === 'error' || status >= 300;
        if (!failed || attempt >= delays.length || this.closed) return;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.deliver(subscriptionId, url, kind, body, attempt + 1);
        }, delays[attempt]);
        timer.unref();
        this.timers.add(timer);
      });
  }

  private record(delivery: Omit<DeliveryRecord, 'at'>): void {
    this.state.recordDelivery({ ...delivery, at: this.state.now().toISOString() });
  }
}
