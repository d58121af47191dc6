import type {
  DirectoryHint,
  StoredSubscription,
  SubscriptionInfo,
} from '../../domain/directory/subscription.ts';

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

export interface SubscriptionStore {
  get(tenantId: string): Promise<StoredSubscription | undefined>;
  save(s: StoredSubscription): Promise<void>;
  remove(tenantId: string): Promise<void>;
}

export interface HintQueue {
  send(hint: DirectoryHint): Promise<void>;
}
