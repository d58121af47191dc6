import { odata, type TableClient } from '@azure/data-tables';
import type { StepState } from '../../domain/learning/stepState.ts';
import type { StepStore } from '../../usecases/learning/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart, rowKey, rowKeyPrefixRange } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/** Per-step progress by tenant (partition) and person|program|step (row). */
export class TableStepStore implements StepStore {
  constructor(private readonly table: TableClient) {}

  async listForEnrollment(
    tenantId: string,
    userId: string,
    programId: string,
  ): Promise<Array<Stored<StepState>>> {
    const { from, to } = rowKeyPrefixRange(userId, programId);
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const result: Array<Stored<StepState>> = [];
    for await (const row of rows) result.push(fromRow(tenantId, row));
    return result;
  }

  async get(
    tenantId: string,
    userId: string,
    programId: string,
    stepId: string,
  ): Promise<Stored<StepState> | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        keyPart(tenantId),
        rowKey(userId, programId, stepId),
      );
      return fromRow(tenantId, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async create(state: StepState): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity(toRow(state));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async update(state: Stored<StepState>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(state, 'step');
    try {
      await this.table.updateEntity(toRow(state), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }
}

function toRow(s: StepState) {
  const { tenantId, etag: _etag, ...fields } = s;
  return {
    partitionKey: keyPart(tenantId),
    rowKey: rowKey(s.userId, s.programId, s.stepId),
    ...withoutUndefined(fields),
  };
}

function fromRow(tenantId: string, row: Record<string, unknown>): Stored<StepState> {
  const state = stripRow<StepState>(row);
  return { ...state, tenantId, etag: requiredEtag(state, 'step') };
}
