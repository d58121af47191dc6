import type { TableClient } from '@azure/data-tables';
import type { StoredSubscription } from '../../domain/directory/subscription.ts';
import type { SubscriptionStore } from '../../usecases/directory/subscriptionPorts.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';

/** The Graph subscription per tenant. */
export class TableSubscriptionStore implements SubscriptionStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string): Promise<StoredSubscription | undefined> {
    try {
      const row = await this.table.getEntity<{ id: string; expiresAt: string }>(keyPart(tenantId), 'users');
      return { tenantId, id: row.id, expiresAt: row.expiresAt };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async save(s: StoredSubscription): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: keyPart(s.tenantId), rowKey: 'users', id: s.id, expiresAt: s.expiresAt },
      'Replace',
    );
  }

  async remove(tenantId: string): Promise<void> {
    try {
      await this.table.deleteEntity(keyPart(tenantId), 'users');
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
