import type {
  OutboundCounts,
  OutboundItem,
  OutboundKind,
  OutboundLane,
  OutboundRecipient,
} from '../../domain/delivery/outbound.ts';
import type { StoredConversation } from '../../domain/delivery/conversation.ts';
import type { ConnectorAnswer } from '../../domain/delivery/outboundRetry.ts';
import type { OutboundTally, TallyRow } from '../../domain/delivery/outboundTally.ts';

/**
 * THE ONE OUTBOUND PIPELINE: every card Drypp sends proactively (drip cards, reminders, nudges,
 * thanks, manager notices, learning-time cards, broadcasts) goes through `OutboundPipeline`.
 *
 * How to use it from a capability (e.g. broadcasts):
 * 1. Register a renderer for your kind in the composition root (`OutboundCardKind`, below). It is
 *    called AT SEND TIME, once per person, with the item's `ref`: read what you need (the guideline's
 *    current version, the person's language) and return the card, or `{ skip: reason }` when there
 *    is nothing to send any more. A correction calls it again with `purpose: 'update'`.
 * 2. `enqueue(items)`: one item per person, each with a deterministic `key` (unique in the tenant,
 *    start it with your kind: `broadcast|<id>|<userId>`) and your `batchId`. Enqueueing the same key
 *    again does nothing (safe after a crash, a retry, a double click). Enqueue answers once the work
 *    is durable on the queue; it does not wait for Teams.
 * 3. Follow a batch with `counts(tenantId, batchId)` (queued, installing, sending, sent, failed,
 *    skipped, failures by reason) and list its rows with `recipients(...)` (pages, for the export).
 * 4. Correct a sent card in place with `updateSent(targets)` (the renderer builds the new card, so
 *    each person gets it in their language) or recall it with `deleteSent(targets)`. Both go through
 *    the same queue and rate; a target that was never sent is reported as `notSent` and left alone.
 *
 * What the pipeline guarantees: Teams' per-tenant rate (configured, default 45/s, never above 50/s)
 * across all worker processes together; pacing per conversation; Retry-After honoured for that one
 * message only; jittered backoff for 412/502/503/504; a 403 (bot blocked, app disabled by the admin)
 * recorded as failed with its reason and never retried; people without a known chat installed
 * through Graph first (its own 30/s budget); poison messages set aside and counted; every send
 * recorded before and after the call, so a restart or a second worker neither loses nor repeats a
 * card (a duplicate only for a send in flight at the moment a worker was killed).
 */
export interface OutboundPipeline {
  enqueue(items: OutboundItem[], options?: EnqueueOptions): Promise<EnqueueReport>;
  /**
   * Where a batch stands, from its tally (16 small reads, whatever its size): queued counts every
   * item not settled yet (installing and sending included). `{ recount: true }` reads every status
   * row instead, with installing and sending apart, and rebuilds the tally from them.
   */
  counts(tenantId: string, batchId: string, options?: { recount?: boolean }): Promise<OutboundCounts>;
  /** A batch's status rows in pages of up to `limit` (default 1,000), for progress lists and export. */
  recipients(
    tenantId: string,
    batchId: string,
    page?: { continuation?: string; limit?: number },
  ): Promise<{ rows: OutboundRecipient[]; continuation?: string }>;
  /** One item's status row (the same target as enqueued). */
  recipient(target: OutboundTarget): Promise<OutboundRecipient | undefined>;
  /** Updates sent cards in place (Teams' update activity); the kind's renderer builds the new card. */
  updateSent(targets: OutboundTarget[]): Promise<CorrectionReport>;
  /** Deletes sent cards from people's chats (Teams' delete activity): a recall. */
  deleteSent(targets: OutboundTarget[]): Promise<CorrectionReport>;
}

/** An item as enqueued: its tenant, its key and (when it had one) its batch. */
export interface OutboundTarget {
  tenantId: string;
  key: string;
  batchId?: string;
}

export interface EnqueueOptions {
  /** An item whose earlier attempt failed or was skipped is tried again (the scheduler's retries). */
  retryFailed?: boolean;
  /**
   * An item waiting for the person's chat (installing) is tried now rather than at its next check:
   * the caller knows the chat is there now (Teams announced the install).
   */
  wake?: boolean;
}

export interface EnqueueReport {
  /** New items put on the queue. */
  queued: number;
  /** Items whose key was enqueued before: left as they are. */
  alreadyKnown: number;
}

export interface CorrectionReport {
  /** Corrections put on the queue. */
  queued: number;
  /** Targets never sent (still queued, failed, unknown): nothing to correct in a chat. */
  notSent: number;
}

/** What a renderer gets besides the item. */
export interface RenderContext {
  /** 'send' the first time; 'update' for a correction of the sent card. */
  purpose: 'send' | 'update';
  /** The Teams client's locale of the person's chat, when known (for `personLanguage`). */
  locale?: string;
  /** The injected clock's time. */
  now: Date;
}

export type RenderedCard = { card: object } | { skip: string };

/**
 * One kind of card: how to render it at send time, and what to record once it went out (optional:
 * the drip kind marks the step sent and schedules its reminder). Both must be safe to run twice.
 */
export interface OutboundCardKind {
  kind: OutboundKind;
  render(item: OutboundItem, context: RenderContext): Promise<RenderedCard>;
  /** Called right before the card goes to Teams (a person may answer the moment it lands). */
  beforeSend?(item: OutboundItem): Promise<void>;
  /** Called after Teams accepted the card (not for corrections); run again after a crash. */
  afterSent?(item: OutboundItem, sent: { activityId: string; at: Date }): Promise<void>;
  /** Called once when the item failed for good or was skipped. */
  afterFailed?(item: OutboundItem, reason: string): Promise<void>;
}

// ---- The pipeline's own ports (implemented in src/store/delivery and src/teams) ----

/** A message on an outbound queue: the item, what to do with it, and how often it was tried. */
export interface OutboundMessage {
  op: 'send' | 'update' | 'delete';
  item: OutboundItem;
  /** The status row's ETag when this message was written: the worker's update needs no read first. */
  etag?: string;
  /** Transient failures (412, 5xx, no answer) so far; throttling is not counted. */
  transient: number;
  /** 429s so far (reported, never a reason to give up before the item expires). */
  throttled: number;
  /** Times the person had no known chat: installs through Graph and waits for Teams' answer. */
  unreachable: number;
  /** Wall-clock ms before which it must not be tried (Storage's visibility delay is in whole seconds, and may end early). */
  notBefore?: number;
}

/** Interactive cards (a nudge, a decision) go ahead of bulk ones (a broadcast to 20,000 people). */
export type { OutboundLane };

export interface ReceivedOutbound {
  message: OutboundMessage;
  /** How often Storage handed this message out: more than a few times means it kills its worker. */
  dequeueCount: number;
  ack(): Promise<void>;
  /** Moves it to the poison queue (copy first, then delete). */
  setAside(): Promise<void>;
}

export interface OutboundQueue {
  send(lane: OutboundLane, message: OutboundMessage, options?: { delayMs?: number }): Promise<void>;
  receive(lane: OutboundLane, max: number, visibilitySeconds: number): Promise<ReceivedOutbound[]>;
  /** Messages waiting in the poison queue. */
  setAsideCount(): Promise<number>;
}

export type StoredRecipient = OutboundRecipient & { etag: string };

export interface OutboundStatusStore {
  /** Inserts the rows that do not exist yet; for each, its ETag, or the row found under the key. */
  create(
    rows: OutboundRecipient[],
  ): Promise<Array<{ created: true; etag: string } | { created: false; existing: StoredRecipient }>>;
  get(target: OutboundTarget): Promise<StoredRecipient | undefined>;
  /**
   * Changes the given fields of the row if nobody changed it since `etag` (a merge: other fields
   * stay); the new ETag, or 'conflict' (changed meanwhile, or gone).
   */
  change(
    target: OutboundTarget,
    fields: Partial<Omit<OutboundRecipient, 'tenantId' | 'key' | 'batchId'>>,
    etag: string,
    /** The row as read, when it was settled or corrected before (its batch's tally counted it so). */
    before?: TallyRow,
  ): Promise<{ etag: string } | 'conflict'>;
  /** A batch's tally (src/domain/delivery/outboundTally.ts); undefined when it has none yet. */
  tally?(tenantId: string, batchId: string): Promise<OutboundTally | undefined>;
  /** Rebuilds a batch's tally from its rows (safe while workers send), and answers it. */
  recount?(tenantId: string, batchId: string): Promise<OutboundTally>;
  list(
    tenantId: string,
    batchId: string,
    page: { continuation?: string; limit: number },
  ): Promise<{ rows: OutboundRecipient[]; continuation?: string }>;
}

/** The Teams calls the pipeline makes, in a person's chat, with Teams' answer as a value. */
export interface TeamsConnector {
  send(conversation: StoredConversation, card: object): Promise<ConnectorAnswer>;
  update(conversation: StoredConversation, activityId: string, card: object): Promise<ConnectorAnswer>;
  delete(conversation: StoredConversation, activityId: string): Promise<ConnectorAnswer>;
}
