/** A Graph change-notification subscription on /users. */
export interface SubscriptionInfo {
  id: string;
  expiresAt: string;
}

export interface StoredSubscription extends SubscriptionInfo {
  tenantId: string;
}

/** A hint that the directory changed (or a lifecycle event): the worker acts on it at once. */
export interface DirectoryHint {
  tenantId: string;
  reason: 'changed' | 'missed' | 'reauthorizationRequired' | 'subscriptionRemoved';
}
