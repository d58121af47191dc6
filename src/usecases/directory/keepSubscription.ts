import type { Clock } from '../../domain/platform/clock.ts';
import type { SubscriptionApi, SubscriptionStore } from './subscriptionPorts.ts';

/** Graph's longest lifetime for subscriptions on users is 41,760 minutes; we ask for a bit less. */
const LIFETIME_MS = 41_000 * 60_000;
/** Renewed when less than this is left, well before it lapses. */
const RENEW_WHEN_LEFT_MS = 3 * 24 * 60 * 60_000;

export interface SubscriptionTarget {
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  clientState: string;
}

/**
 * Keeps one `/users` subscription per tenant alive: created when missing (or after
 * `subscriptionRemoved`), renewed before expiry (or on `reauthorizationRequired`), recreated when
 * Graph no longer knows it. Safe to run again and again.
 */
export async function keepSubscription(
  deps: { clock: Clock; api: SubscriptionApi; store: SubscriptionStore },
  tenantId: string,
  target: SubscriptionTarget,
  options: { forceRenew?: boolean; recreate?: boolean } = {},
): Promise<'created' | 'renewed' | 'kept'> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + LIFETIME_MS);
  const current = options.recreate ? undefined : await deps.store.get(tenantId);
  if (current) {
    const left = Date.parse(current.expiresAt) - now.getTime();
    if (left > RENEW_WHEN_LEFT_MS && !options.forceRenew) return 'kept';
    const renewed = await deps.api.renew(tenantId, current.id, expiresAt);
    if (renewed !== 'gone') {
      await deps.store.save({ tenantId, ...renewed });
      return 'renewed';
    }
  }
  const created = await deps.api.create(tenantId, { ...target, expiresAt });
  await deps.store.save({ tenantId, ...created });
  return 'created';
}
