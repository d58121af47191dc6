import { z } from 'zod';

/** A Graph change-notification subscription on /users. */
export interface SubscriptionInfo {
  id: string;
  expiresAt: string;
}

export interface StoredSubscription extends SubscriptionInfo {
  tenantId: string;
}

/** A hint that the directory changed (or a lifecycle event): the worker acts on it at once. */
export const DirectoryHintSchema = z.strictObject({
  tenantId: z.string().min(1).max(100),
  reason: z.enum(['changed', 'missed', 'reauthorizationRequired', 'subscriptionRemoved']),
});
export type DirectoryHint = z.infer<typeof DirectoryHintSchema>;
