import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { PersonRef } from '../../domain/privacy/personalData.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';

export interface ErasedPersonRow {
  partitionKey: string;
  rowKey: string;
  erasedAt: string;
}

/**
 * Tombstones of erased people, so that directory sync does not bring them back and queued work for
 * them is dropped. A tombstone holds a SHA-256 of tenant and object id, not the id: it answers "was
 * this id erased?" for an id one already has, and lists nobody.
 */
export class TableErasedPeople {
  constructor(private readonly table: TableClient) {}

  async isErased(person: PersonRef): Promise<boolean> {
    try {
      await this.table.getEntity(keyPart(person.tenantId), tombstoneKey(person));
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async markErased(person: PersonRef, at: Date): Promise<void> {
    const row: ErasedPersonRow = {
      partitionKey: keyPart(person.tenantId),
      rowKey: tombstoneKey(person),
      erasedAt: at.toISOString(),
    };
    await this.table.upsertEntity(row, 'Replace');
  }

  /** Every tombstone key of a tenant: directory sync checks a page of people against them at once. */
  async erasedKeys(tenantId: string): Promise<Set<string>> {
    const keys = new Set<string>();
    for await (const row of this.table.listEntities<ErasedPersonRow>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)}`,
        select: ['RowKey'],
      },
    })) {
      keys.add(String(row.rowKey));
    }
    return keys;
  }

  /** Whether an id of the tenant was erased, for a whole directory round, from one read of the tombstones. */
  async erasedIn(tenantId: string): Promise<(personId: string) => boolean> {
    const keys = await this.erasedKeys(tenantId);
    if (keys.size === 0) return () => false;
    return (personId) => keys.has(tombstoneKey({ tenantId, personId }));
  }
}

export function tombstoneKey(person: PersonRef): string {
  return createHash('sha256')
    .update(`${person.tenantId.toLowerCase()}\n${person.personId.toLowerCase()}`)
    .digest('hex');
}
