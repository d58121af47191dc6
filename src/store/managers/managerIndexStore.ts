import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { ReportEntry, ReportingChange } from '../../domain/managers/reportingTree.ts';
import type { ManagerIndex } from '../../usecases/managers/teamPorts.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart } from '../platform/keys.ts';
import { withoutUndefined } from '../platform/rowMapping.ts';
import { submitInBatches } from '../platform/transactionBatches.ts';

/**
 * Who reports to whom, indexed by manager: one partition per manager (`tenant|managerId`), one row
 * per direct report, with what the team list shows (name, title, department). A manager's reports
 * are one partition query, so a reporting tree costs one query per manager in it, never a scan of
 * the People table. Kept by the directory mirror on every write.
 */
export class TableManagerIndex implements ManagerIndex {
  constructor(private readonly table: TableClient) {}

  async reportsOf(tenantId: string, managerId: string): Promise<ReportEntry[]> {
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partition(tenantId, managerId)}` },
    });
    const reports: ReportEntry[] = [];
    for await (const row of rows) {
      reports.push({
        id: String(row.id),
        managerId,
        displayName: String(row.displayName ?? ''),
        jobTitle: typeof row.jobTitle === 'string' ? row.jobTitle : undefined,
        department: typeof row.department === 'string' ? row.department : undefined,
      });
    }
    return reports;
  }

  async apply(tenantId: string, changes: ReportingChange[]): Promise<void> {
    const deletes: Array<{ managerId: string; id: string }> = [];
    for (const c of changes) {
      if (c.previousManagerId && (c.previousManagerId !== c.managerId || !c.active)) {
        deletes.push({ managerId: c.previousManagerId, id: c.id });
      }
    }
    const batches = managerIndexUpserts(tenantId, changes);
    await submitInBatches(this.table, batches);
    // One by one: a transaction fails whole when one of its rows is already gone.
    for (const d of deletes) {
      try {
        await this.table.deleteEntity(partition(tenantId, d.managerId), keyPart(d.id));
      } catch (error) {
        if (!isStatus(error, 404)) throw error; // already gone is the state we want
      }
    }
  }
}

/**
 * The index rows for these changes: one per active person with a manager, under that manager,
 * grouped by manager, at most 100 to a transaction.
 */
export function managerIndexUpserts(
  tenantId: string,
  changes: readonly ReportingChange[],
): TransactionAction[][] {
  const upserts = new Map<string, TransactionAction[]>();
  for (const c of changes) {
    if (!c.managerId || !c.active || c.managerId === c.id) continue;
    const row = withoutUndefined({
      partitionKey: partition(tenantId, c.managerId),
      rowKey: keyPart(c.id),
      id: c.id,
      displayName: c.displayName,
      jobTitle: c.jobTitle,
      department: c.department,
    });
    const actions = upserts.get(row.partitionKey) ?? [];
    actions.push(['upsert', row, 'Replace']);
    upserts.set(row.partitionKey, actions);
  }
  const batches: TransactionAction[][] = [];
  for (const actions of upserts.values()) {
    for (let i = 0; i < actions.length; i += 100) batches.push(actions.slice(i, i + 100));
  }
  return batches;
}

function partition(tenantId: string, managerId: string): string {
  return `${keyPart(tenantId)}|${keyPart(managerId)}`;
}
