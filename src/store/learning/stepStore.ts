import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { StepState } from '../../domain/learning/stepState.ts';
import type { StepStore } from '../../usecases/learning/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { submitGuardedBatches, transactionChunks } from '../platform/transactionBatches.ts';
import { enrollmentRange, personPartitionOf, stepFromRow, stepRowKey, stepToRow } from './progressRows.ts';

/** Per-step progress, in the LearnerProgress table after its enrollment's row (see progressRows.ts). */
export class TableStepStore implements StepStore {
  constructor(private readonly table: TableClient) {}

  async listForEnrollment(
    tenantId: string,
    userId: string,
    programId: string,
  ): Promise<Array<Stored<StepState>>> {
    const { from, to } = enrollmentRange(programId);
    // `gt` the range's start: the start itself is the enrollment's own row.
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${personPartitionOf(tenantId, userId)} and RowKey gt ${from} and RowKey lt ${to}`,
      },
    });
    const result: Array<Stored<StepState>> = [];
    for await (const row of rows) result.push(stepFromRow(tenantId, row));
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
        personPartitionOf(tenantId, userId),
        stepRowKey(programId, stepId),
      );
      return stepFromRow(tenantId, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async create(state: StepState): Promise<'created' | 'exists'> {
    try {
      await this.table.createEntity(stepToRow(state));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  /**
   * One transaction per person's partition and 100 steps (a new enrollment's steps: one storage call
   * instead of one per step). Insert-only as `create`: a transaction in which any step exists already
   * (a re-run after a crash) writes nothing, and its steps are created one by one, each found or written.
   */
  async createAll(states: readonly StepState[]): Promise<Array<'created' | 'exists'>> {
    const chunks = transactionChunks(states, (s) => personPartitionOf(s.tenantId, s.userId));
    const lost = await submitGuardedBatches(
      this.table,
      chunks.map((chunk) => chunk.map((i): TransactionAction => ['create', stepToRow(states[i]!)])),
      (error) => isStatus(error, 409),
    );
    const results = new Array<'created' | 'exists'>(states.length).fill('created');
    for (const c of lost) for (const i of chunks[c]!) results[i] = await this.create(states[i]!);
    return results;
  }

  async update(state: Stored<StepState>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(state, 'step');
    try {
      await this.table.updateEntity(stepToRow(state), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }
}
