import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { PersonRef } from '../../domain/privacy/personalData.ts';
import type { PseudonymStore } from '../../usecases/privacy/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';

export interface PseudonymRow {
  partitionKey: string;
  rowKey: string;
  pseudonym: string;
  createdAt: string;
}

/**
 * Each person's xAPI pseudonym, by tenant (partition) and object id (row): a random UUID, unrelated to
 * anything else about them. Made insert-only, so two workers that make one at once agree on the first.
 */
export class TablePseudonymStore implements PseudonymStore {
  constructor(private readonly table: TableClient) {}

  async pseudonymOf(person: PersonRef): Promise<string> {
    const partitionKey = keyPart(person.tenantId);
    const rowKey = keyPart(person.personId);
    try {
      return (await this.table.getEntity<PseudonymRow>(partitionKey, rowKey)).pseudonym;
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
    const row: PseudonymRow = {
      partitionKey,
      rowKey,
      pseudonym: randomUUID(),
      createdAt: new Date().toISOString(),
    };
    try {
      await this.table.createEntity(row);
      return row.pseudonym;
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      return (await this.table.getEntity<PseudonymRow>(partitionKey, rowKey)).pseudonym; // the other won
    }
  }

  async forget(person: PersonRef): Promise<void> {
    try {
      await this.table.deleteEntity(keyPart(person.tenantId), keyPart(person.personId));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
