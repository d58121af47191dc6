import { odata, type TableClient } from '@azure/data-tables';
import type { ManagerCardFact } from '../../domain/effect/managerInvolvement.ts';
import type { TenantManagerCardsReader } from '../../usecases/effect/ports.ts';
import { NUDGE_KIND, RECOGNITION_KIND } from '../../domain/managers/managerCardKinds.ts';
import { unbatchedPartitions } from '../delivery/outboundStatusStore.ts';

/**
 * The nudges and thank-yous managers sent in a tenant, for the Effect view's job: they are outbound
 * items without a batch, so one range query over the tenant's 16 unbatched OutboundStatus
 * partitions, only the rows of those kinds that were sent, only the columns the figures need.
 */
export class TableTenantManagerCardsReader implements TenantManagerCardsReader {
  constructor(private readonly table: TableClient) {}

  async readTenant(tenantId: string): Promise<ManagerCardFact[]> {
    const { from, to } = unbatchedPartitions(tenantId);
    const facts: ManagerCardFact[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey ge ${from} and PartitionKey lt ${to} and status eq 'sent' and (kind eq ${NUDGE_KIND} or kind eq ${RECOGNITION_KIND})`,
        select: ['kind', 'userId', 'ref'],
      },
    });
    for await (const row of rows) {
      const managerId = managerOf(row.ref);
      if (!managerId) continue;
      facts.push({
        kind: row.kind === NUDGE_KIND ? 'nudge' : 'recognition',
        managerId,
        personId: String(row.userId),
      });
    }
    return facts;
  }
}

/** Both kinds' refs name the manager who sent the card (NudgeRef, RecognitionRef). */
function managerOf(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  try {
    const parsed = JSON.parse(ref) as { managerId?: unknown };
    return typeof parsed.managerId === 'string' && parsed.managerId !== '' ? parsed.managerId : undefined;
  } catch {
    return undefined;
  }
}
