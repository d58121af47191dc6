export interface SubscriptionInfo {
  id: string;
  expiresAt: string;
}

export interface SubscriptionApi {
  create(
    tenantId: string,
    request: {
      notificationUrl: string;
      lifecycleNotificationUrl: string;
      clientState: string;
      expiresAt: Date;
    },
  ): Promise<SubscriptionInfo>;
  renew(tenantId: string, id: string, expiresAt: Date): Promise<SubscriptionInfo | 'gone'>;
}

export interface StoredSubscription extends SubscriptionInfo {
  tenantId: string;
}

export interface SubscriptionStore {
  get(tenantId: string): Promise<StoredSubscription | undefined>;
  save(s: StoredSubscription): Promise<void>;
  remove(tenantId: string): Promise<void>;
}

/** A hint that the directory changed (or a lifecycle event): the worker acts on it at once. */
export interface DirectoryHint {
  tenantId: string;
  reason: 'changed' | 'missed' | 'reauthorizationRequired' | 'subscriptionRemoved';
}

export interface HintQueue {
  send(hint: DirectoryHint): Promise<void>;
}
