import type { AudienceCandidate } from '../../domain/broadcasts/audience.ts';
import type { Broadcast } from '../../domain/broadcasts/broadcast.ts';
import type { BroadcastRecipient } from '../../domain/broadcasts/recipient.ts';
import type { GuidelineCardView } from '../../domain/broadcasts/guidelineView.ts';
import type { Stored } from '../platform/ports.ts';

/** Ports for the broadcasts capability: the broadcasts, their recipients, the directory, the cards. */

export interface BroadcastStore {
  /** Insert-only: the same id twice (a retried request) keeps the first. */
  create(b: Broadcast): Promise<'created' | 'exists'>;
  get(tenantId: string, id: string): Promise<Stored<Broadcast> | undefined>;
  /** Writes if nobody changed it since it was read (its ETag). New versions are kept, never replaced. */
  update(b: Stored<Broadcast>): Promise<'updated' | 'conflict'>;
  /** Newest first. */
  list(tenantId: string, limit: number): Promise<Array<Stored<Broadcast>>>;
  /** Scheduled or sending ones: the fan-out and reminder job's list. */
  listActive(tenantId: string): Promise<Array<Stored<Broadcast>>>;
}

/** What the fan-out records of a recipient; acknowledgements and reminders are left as they are. */
export type RecipientSnapshot = Omit<
  BroadcastRecipient,
  'acknowledgements' | 'remindersSent' | 'lastRemindedAt'
>;

export interface RecipientStore {
  /**
   * Records recipients (batched per broadcast): a person recorded already keeps their
   * acknowledgements and reminders, so a fan-out run twice loses nothing.
   */
  record(recipients: RecipientSnapshot[]): Promise<void>;
  get(tenantId: string, broadcastId: string, userId: string): Promise<Stored<BroadcastRecipient> | undefined>;
  /** `acknowledged`: this update records an acknowledgement of that version (counted with it). */
  update(r: Stored<BroadcastRecipient>, acknowledged?: { version: number }): Promise<'updated' | 'conflict'>;
  /** Every recipient of a broadcast. */
  list(tenantId: string, broadcastId: string): Promise<Array<Stored<BroadcastRecipient>>>;
  /** How many acknowledged this version (from the broadcast's tallies, not a read of every row). */
  countAcknowledged(tenantId: string, broadcastId: string, version: number): Promise<number>;
}

/** The people an audience is resolved against: the directory mirror, eligible or not. */
export interface AudienceDirectory {
  candidates(tenantId: string): Promise<AudienceCandidate[]>;
}

export interface GuidelineCardPresenter {
  guidelineCard(view: GuidelineCardView): object;
}
