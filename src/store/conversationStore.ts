import type { TableClient } from '@azure/data-tables';
import type { ConversationStore, StoredConversation } from '../usecases/ports.ts';
import { isStatus } from './errors.ts';
import { keyPart, rowKey } from './keys.ts';

interface ConversationRow {
  partitionKey: string;
  rowKey: string;
  conversationId: string;
  locale?: string;
  reference: string;
  updatedAt: string;
}

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
    try {
      // Insert-only: the row's existence is the record, so two racing installs send one welcome.
      await this.welcomes.createEntity({
        partitionKey: keyPart(tenantId),
        rowKey: rowKey(userId, conversationId),
        welcomedAt: at,
      });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }
}
