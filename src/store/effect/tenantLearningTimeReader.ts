import { odata, type TableClient } from '@azure/data-tables';
import type { LearningTimeFact } from '../../domain/effect/managerInvolvement.ts';
import type { LearningPurpose, LearningTimeStatus } from '../../domain/managers/learningTimeRequest.ts';
import type { TenantLearningTimeReader } from '../../usecases/effect/ports.ts';
import { keyPart } from '../platform/keys.ts';

/**
 * A tenant's learning-time requests for the Effect view's job: its one LearningTimeRequests partition
 * in one query, only the columns the figures need (no comments, no purpose texts kept).
 */
export class TableTenantLearningTimeReader implements TenantLearningTimeReader {
  constructor(private readonly table: TableClient) {}

  async readTenant(tenantId: string): Promise<LearningTimeFact[]> {
    const facts: LearningTimeFact[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)}`,
        select: ['learnerId', 'managerId', 'purpose', 'status', 'createdAt', 'decidedAt'],
      },
    });
    for await (const row of rows) {
      const programId = programOf(row.purpose);
      facts.push({
        learnerId: String(row.learnerId),
        managerId: String(row.managerId),
        ...(programId ? { programId } : {}),
        status: String(row.status) as LearningTimeStatus,
        createdAt: String(row.createdAt),
        ...(typeof row.decidedAt === 'string' ? { decidedAt: row.decidedAt } : {}),
      });
    }
    return facts;
  }
}

/** The program a stored purpose names; a purpose that does not read counts under no program. */
function programOf(purpose: unknown): string | undefined {
  if (typeof purpose !== 'string') return undefined;
  try {
    const parsed = JSON.parse(purpose) as Partial<LearningPurpose>;
    return parsed.kind === 'program' && typeof parsed.programId === 'string' ? parsed.programId : undefined;
  } catch {
    return undefined;
  }
}
