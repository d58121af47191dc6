import type { StoredConversation } from '../../domain/delivery/conversation.ts';
import type { Delivery } from '../../domain/delivery/delivery.ts';
import type { DueWork } from '../../domain/delivery/dueWork.ts';
import type { GrantLog } from '../../domain/delivery/sendRate.ts';
import type { Stored } from '../platform/ports.ts';

/** Ports for delivery: where people can be reached, the schedule of due work, send records, sending. */

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  find(tenantId: string, userId: string): Promise<StoredConversation | undefined>;
  /** Records that the welcome card went out in this conversation; false when it already had. */
  markWelcomed(tenantId: string, userId: string, conversationId: string, at: string): Promise<boolean>;
}

export interface DueWorkStore {
  add(work: DueWork): Promise<void>;
  /** Several pieces of work at once (an enrollment's steps): each stored as `add` stores it. */
  addAll(works: readonly DueWork[]): Promise<void>;
  listDue(tenantId: string, now: Date, limit: number): Promise<DueWork[]>;
  remove(work: DueWork): Promise<void>;
  /** Moves work to a later time (outside working hours, over the daily cap, throttled). */
  move(work: DueWork, at: Date): Promise<DueWork>;
  listForPerson(tenantId: string, userId: string): Promise<DueWork[]>;
}

export interface DeliveryStore {
  /** Records the attempt before the send (insert-only); when it exists, returns the earlier record. */
  begin(
    d: Delivery,
  ): Promise<{ created: true; etag: string } | { created: false; existing: Stored<Delivery> }>;
  /**
   * Writes the record if nobody changed it since `d.etag` (the one `begin` gave, or the record
   * read); the new etag, or 'conflict' when another worker took the record over meanwhile.
   */
  finish(d: Stored<Delivery>): Promise<{ etag: string } | 'conflict'>;
  countSentOnDay(tenantId: string, userId: string, localDay: string): Promise<number>;
  recordSentOnDay(tenantId: string, userId: string, localDay: string, key: string): Promise<void>;
}

/**
 * The per-tenant send window every worker process shares (src/store/delivery/sendRateStore.ts):
 * one row per tenant, written only if nobody changed it since it was read.
 */
export interface SendRateStore {
  read(tenantId: string): Promise<{ log: GrantLog; etag?: string }>;
  /** `etag` undefined: the row did not exist when read. 'conflict' when another worker wrote first. */
  write(tenantId: string, log: GrantLog, etag: string | undefined): Promise<'updated' | 'conflict'>;
}

/** Waits until this process may make one more send for a tenant, within the rate all workers share. */
export interface TenantSendRate {
  take(tenantId: string): Promise<void>;
  /**
   * Reserves one send's instant without waiting for it: the caller does its work before the call
   * to Teams and then waits for the instant (the outbound pipeline does).
   */
  reserve?(tenantId: string): Promise<SendReservation>;
}

export interface SendReservation {
  /** Wall-clock ms of the instant reserved. */
  at: number;
  /** Waits for the instant (a new one when the process got there too late for this one). */
  ready(): Promise<void>;
}
