/**
 * The outbound pipeline's entities: one item per card per person, and the status row that follows
 * it from queued to sent (or failed, with the reason). Pure: no I/O, no clock.
 */

/**
 * What kind of card an item sends; the composition root registers one renderer per kind
 * (src/usecases/delivery/outboundPorts.ts). Free text so a capability adds its kind without
 * touching delivery; by convention the capability's name, e.g. 'drip', 'nudge', 'broadcast'.
 */
export type OutboundKind = string;

/**
 * Small, kind-specific data the renderer needs to build the card at send time (ids, a version,
 * never the card itself): a queue message stays small and each person gets their own language.
 */
export type OutboundRef = Record<string, string | number | boolean | null>;

/** One card for one person, to be sent once. */
export interface OutboundItem {
  tenantId: string;
  /** The recipient's Entra object id. */
  userId: string;
  /**
   * The card's deterministic key: the same card to the same person always has the same key, so an
   * enqueue repeated (a retry, a second worker, a double click) sends nothing more. Unique per
   * tenant across kinds: start it with the kind, e.g. `broadcast|<id>|<userId>`.
   */
  key: string;
  kind: OutboundKind;
  ref: OutboundRef;
  /** Groups items for status counts and export (a broadcast's id); items without one stand alone. */
  batchId?: string;
  /** Not before this instant (ISO): scheduled sends. Sent as soon as possible when absent. */
  notBefore?: string;
  /**
   * Which queue: 'interactive' for what a person is waiting for (the answer to a click, a nudge, a
   * learning-time decision), 'bulk' for scheduled and mass sends. Default: bulk with a batch,
   * interactive without.
   */
  lane?: OutboundLane;
}

export type OutboundLane = 'interactive' | 'bulk';

/**
 * queued: waiting in the queue (or for its Retry-After); installing: the app is being installed
 * for the person through Graph first; sending: a worker called Teams and has not recorded the
 * answer yet; sent; failed: permanently (the reason says why), never retried; skipped: the
 * renderer said there was nothing to send any more (e.g. the step was answered meanwhile).
 */
export type OutboundStatus = 'queued' | 'installing' | 'sending' | 'sent' | 'failed' | 'skipped';

/**
 * Every reason the pipeline records for a card that was not delivered (failed) or had nothing to
 * send any more (skipped), as a code: stored on the status row, counted, and sent to the tab, which
 * words it in the reader's language (its message catalogues). 'other' stands for anything else.
 */
export const DELIVERY_REASONS = [
  // Failed: Teams refused, or the person could not be reached.
  'botBlocked', // 403: the person blocked the bot
  'appDisabled', // 403: the tenant's admin disabled the app
  'forbidden', // another 403
  'notFound', // 404: the chat (or the card, for a correction) is gone
  'notInstalled', // Graph refused to install the app for the person
  'notReachable', // installed, but Teams never told Drypp where the person's chat is
  'tooManyAttempts', // Teams kept failing (5xx, 412, no answer) until the last retry
  'teamsRefused', // another answer from Teams that is not worth repeating (400, …)
  'unreadable', // a queue message or a ref the pipeline could not read
  'unknownKind', // no renderer for the card's kind in this version
  // Skipped: nothing to send any more.
  'answered', // the step was answered before its card went out
  'acknowledged', // the guideline was acknowledged before its reminder went out
  'notLive', // the enrollment ended
  'noManager', // a check-in for a learner without a manager
  'nothingToSend',
  'requestGone',
  'certificationRemoved',
  'noRecord',
  'doneMeanwhile',
  'broadcastGone',
  'recalled',
  'notARecipient',
  'other',
] as const;

export type DeliveryReason = (typeof DELIVERY_REASONS)[number];

/** A stable, short reason for a failure or a skip, for counts and the export. */
export type OutboundReason = DeliveryReason | (string & {});

const KNOWN_REASONS: ReadonlySet<string> = new Set(DELIVERY_REASONS);

/** The code of a stored reason (rows written before the codes: `teams400` and the like are Teams' refusals). */
export function deliveryReasonOf(stored: string | undefined): DeliveryReason {
  if (stored && KNOWN_REASONS.has(stored)) return stored as DeliveryReason;
  if (stored && /^teams\d+$/.test(stored)) return 'teamsRefused';
  return 'other';
}

/** The status row of one item: one per recipient and key, every field a table column. */
export interface OutboundRecipient {
  tenantId: string;
  batchId?: string;
  key: string;
  userId: string;
  kind: OutboundKind;
  /** The item's ref, kept for a correction (rendered again) and for the export. */
  ref: OutboundRef;
  status: OutboundStatus;
  /** For failed and skipped. */
  reason?: string;
  /** Calls made to Teams for this item (a 429 or 5xx counts; so does the one that worked). */
  attempts: number;
  enqueuedAt: string;
  /** When a worker last began a send (status 'sending'): an old one is taken as lost and retried. */
  startedAt?: string;
  /** Not to be tried again before this instant (a Retry-After, a backoff): a stale copy of its message waits too. */
  retryAt?: string;
  /** Which worker process began that send (for crash reports: the sends in flight at a kill). */
  worker?: string;
  sentAt?: string;
  /** Teams' id of the sent activity: what a correction updates and a recall deletes. */
  activityId?: string;
  conversationId?: string;
  /** false while the kind's afterSent step has not run yet (set only for kinds that have one). */
  settled?: boolean;
  /** Set when the sent card was later corrected in place or recalled. */
  updatedAt?: string;
  deletedAt?: string;
}

/** Where a batch stands: every item is in exactly one of queued, installing, sending, sent, failed, skipped. */
export interface OutboundCounts {
  total: number;
  queued: number;
  installing: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  /** failed and skipped items by reason. */
  byReason: Record<string, number>;
  /** Sent cards that were corrected in place, or recalled, afterwards. */
  updated: number;
  deleted: number;
}

export function emptyCounts(): OutboundCounts {
  return {
    total: 0,
    queued: 0,
    installing: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    byReason: {},
    updated: 0,
    deleted: 0,
  };
}

/** Adds one status row to a batch's counts. */
export function countRecipient(
  counts: OutboundCounts,
  row: Pick<OutboundRecipient, 'status' | 'reason' | 'updatedAt' | 'deletedAt'>,
): OutboundCounts {
  const next = { ...counts, total: counts.total + 1, [row.status]: counts[row.status] + 1 };
  if ((row.status === 'failed' || row.status === 'skipped') && row.reason)
    next.byReason = { ...counts.byReason, [row.reason]: (counts.byReason[row.reason] ?? 0) + 1 };
  if (row.updatedAt) next.updated++;
  if (row.deletedAt) next.deleted++;
  return next;
}
