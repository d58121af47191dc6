import { odata, type TableClient } from '@azure/data-tables';
import type { CheckinAnswer } from '../../domain/managers/checkin.ts';
import type { CheckinStore } from '../../usecases/managers/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart, rowKey, rowKeyPrefixRange } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/** Check-in answers by tenant (partition) and learner|program|step (row): one answer per check-in. */
export class TableCheckinStore implements CheckinStore {
  constructor(private readonly table: TableClient) {}

  async save(answer: CheckinAnswer): Promise<'saved' | 'exists'> {
    const { tenantId, ...fields } = answer;
    try {
      await this.table.createEntity({
        partitionKey: keyPart(tenantId),
        rowKey: rowKey(answer.learnerId, answer.programId, answer.stepId),
        ...withoutUndefined(fields),
      });
      return 'saved';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async get(
    tenantId: string,
    learnerId: string,
    programId: string,
    stepId: string,
  ): Promise<CheckinAnswer | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        keyPart(tenantId),
        rowKey(learnerId, programId, stepId),
      );
      const { etag: _etag, ...answer } = stripRow<CheckinAnswer>(row);
      return { ...answer, tenantId };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async listForLearner(tenantId: string, learnerId: string): Promise<CheckinAnswer[]> {
    const { from, to } = rowKeyPrefixRange(learnerId);
    const result: CheckinAnswer[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    })) {
      const { etag: _etag, ...answer } = stripRow<CheckinAnswer>(row);
      result.push({ ...answer, tenantId });
    }
    return result;
  }
}
