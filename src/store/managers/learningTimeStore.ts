import { odata, type TableClient } from '@azure/data-tables';
import type { LearningTimeRequest } from '../../domain/managers/learningTimeRequest.ts';
import type { LearningTimeStore } from '../../usecases/managers/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/**
 * Learning-time requests by tenant (partition) and request id (row). The purpose is one JSON column;
 * every change is ETag-guarded, so the tab and the card cannot both decide.
 */
export class TableLearningTimeStore implements LearningTimeStore {
  constructor(private readonly table: TableClient) {}

  async create(request: LearningTimeRequest): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity(toRow(request));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async get(tenantId: string, id: string): Promise<Stored<LearningTimeRequest> | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(keyPart(tenantId), keyPart(id));
      return { ...fromRow(tenantId, row), etag: String(row.etag) };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async update(request: Stored<LearningTimeRequest>): Promise<'updated' | 'conflict'> {
    try {
      await this.table.updateEntity(toRow(request), 'Replace', { etag: request.etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  listForLearner(tenantId: string, learnerId: string): Promise<LearningTimeRequest[]> {
    return this.query(tenantId, odata`PartitionKey eq ${keyPart(tenantId)} and learnerId eq ${learnerId}`);
  }

  listPending(tenantId: string): Promise<LearningTimeRequest[]> {
    return this.query(tenantId, odata`PartitionKey eq ${keyPart(tenantId)} and status eq 'pending'`);
  }

  listWithFollowUp(tenantId: string, limit: number): Promise<LearningTimeRequest[]> {
    return this.query(tenantId, odata`PartitionKey eq ${keyPart(tenantId)} and followUp eq true`, limit);
  }

  private async query(tenantId: string, filter: string, limit = Infinity): Promise<LearningTimeRequest[]> {
    const result: LearningTimeRequest[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      result.push(fromRow(tenantId, row));
      if (result.length >= limit) break;
    }
    return result;
  }
}

function toRow(request: LearningTimeRequest) {
  const { tenantId, etag: _etag, purpose, ...fields } = request;
  return {
    partitionKey: keyPart(tenantId),
    rowKey: keyPart(request.id),
    ...withoutUndefined(fields),
    purpose: JSON.stringify(purpose),
  };
}

function fromRow(tenantId: string, row: Record<string, unknown>): LearningTimeRequest {
  const { purpose, ...fields } = stripRow<Omit<LearningTimeRequest, 'purpose'> & { purpose: string }>(row);
  return { ...fields, tenantId, purpose: JSON.parse(purpose) as LearningTimeRequest['purpose'] };
}
