export type DeliveryStatus = 'sending' | 'sent' | 'failed';

/** The record of one card's send, written before and after the call to Teams. */
export interface Delivery {
  tenantId: string;
  key: string;
  status: DeliveryStatus;
  startedAt: string;
  sentAt?: string;
  activityId?: string;
  failure?: string;
  etag?: string;
}

/** What a send into a person's chat came to. */
export type SendResult =
  | { ok: true; activityId: string }
  | { ok: false; retryable: true; retryAfterMs: number; reason: string }
  | { ok: false; retryable: false; reason: string };
