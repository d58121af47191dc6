import { odata, type TableClient } from '@azure/data-tables';
import type { ErasureCounts } from '../../domain/privacy/personalData.ts';
import type { HoldsApplied, PrivacyRequest } from '../../domain/privacy/privacyRequest.ts';
import type { PrivacyAuditLog } from '../../usecases/privacy/ports.ts';
import { keyPart } from '../platform/keys.ts';

/**
 * One row per export or erasure request, by tenant (partition) and request id (row): when, what,
 * through which door, a reference to who asked, and counts per table. Nothing in it names or points
 * to the person it was about, so it outlives them (the accountability of art. 5(2)).
 */
export interface PrivacyAuditRow {
  partitionKey: string;
  rowKey: string;
  kind: PrivacyRequest['kind'];
  via: PrivacyRequest['via'];
  reference: string;
  startedAt: string;
  /** Absent while it runs, or when it stopped part-way (a crash): run the request again. */
  completedAt?: string;
  /** JSON: counts per table (erasure: deleted, anonymised, kept; export: rows). */
  tables?: string;
  /** JSON: the legal holds that kept rows, with their years and counts. */
  holds?: string;
}

export class TablePrivacyAudit implements PrivacyAuditLog {
  constructor(private readonly table: TableClient) {}

  async started(tenantId: string, request: PrivacyRequest, at: Date): Promise<void> {
    const row: PrivacyAuditRow = {
      partitionKey: keyPart(tenantId),
      rowKey: request.requestId,
      kind: request.kind,
      via: request.via,
      reference: request.reference,
      startedAt: at.toISOString(),
    };
    await this.table.upsertEntity(row, 'Replace');
  }

  async completed(
    tenantId: string,
    requestId: string,
    at: Date,
    result: { tables: Record<string, ErasureCounts | { rows: number }>; holds?: HoldsApplied },
  ): Promise<void> {
    await this.table.updateEntity(
      {
        partitionKey: keyPart(tenantId),
        rowKey: requestId,
        completedAt: at.toISOString(),
        tables: JSON.stringify(result.tables),
        ...(result.holds ? { holds: JSON.stringify(result.holds) } : {}),
      },
      'Merge',
    );
  }

  async list(tenantId: string): Promise<PrivacyAuditRow[]> {
    const rows: PrivacyAuditRow[] = [];
    for await (const row of this.table.listEntities<PrivacyAuditRow>({
      queryOptions: { filter: odata`PartitionKey eq ${keyPart(tenantId)}` },
    }))
      rows.push(row);
    return rows.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}
