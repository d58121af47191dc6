import type { TableClient } from '@azure/data-tables';
import type { ConversationStore } from '../../usecases/delivery/ports.ts';
import type { StoredConversation } from '../../domain/delivery/conversation.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart, rowKey } from '../platform/keys.ts';

export interface ConversationRow {
  partitionKey: string;
  rowKey: string;
  conversationId: string;
  locale?: string;
  reference: string;
  updatedAt: string;
}

/** A new installation this long after the last welcome gets a welcome again. */
const REWELCOME_AFTER_MS = 10 * 60_000;

/** Conversation references by tenant (partition) and Entra object id (row). */
export class TableConversationStore implements ConversationStore {
  constructor(
    private readonly conversations: TableClient,
    private readonly welcomes: TableClient,
  ) {}

  async save(c: StoredConversation): Promise<void> {
    const row: ConversationRow = {
      partitionKey: keyPart(c.tenantId),
      rowKey: keyPart(c.userId),
      conversationId: c.conversationId,
      locale: c.locale,
      reference: JSON.stringify(c.reference),
      updatedAt: c.updatedAt,
    };
    // Concurrent installs for one person (installationUpdate and conversationUpdate arrive together)
    // both write the same reference; the newest wins, which is what a proactive send wants.
    await this.conversations.upsertEntity(row, 'Replace');
  }

  async find(tenantId: string, userId: string): Promise<StoredConversation | undefined> {
    try {
      const row = await this.conversations.getEntity<ConversationRow>(keyPart(tenantId), keyPart(userId));
      return {
        tenantId,
        userId,
        conversationId: row.conversationId,
        locale: row.locale,
        reference: JSON.parse(row.reference) as Record<string, unknown>,
        updatedAt: row.updatedAt,
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async markWelcomed(tenantId: string, userId: string, conversationId: string, at: string): Promise<boolean> {
    const partitionKey = keyPart(tenantId);
    const key = rowKey(userId, conversationId);
    try {
      // Insert-only: the row's existence is the record, so two racing announcements send one welcome.
      await this.welcomes.createEntity({ partitionKey, rowKey: key, welcomedAt: at });
      return true;
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    // Welcomed before. Teams announces one installation with two activities seconds apart; an
    // installation long after the last welcome (the app removed and added again) is welcomed again.
    const row = await this.welcomes.getEntity<{ welcomedAt: string }>(partitionKey, key);
    if (Date.parse(at) - Date.parse(row.welcomedAt) < REWELCOME_AFTER_MS) return false;
    try {
      await this.welcomes.updateEntity({ partitionKey, rowKey: key, welcomedAt: at }, 'Replace', {
        etag: row.etag,
      });
      return true;
    } catch (error) {
      if (isStatus(error, 412)) return false; // the other announcement won the race
      throw error;
    }
  }
}
