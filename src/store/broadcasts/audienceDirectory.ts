import { odata, type TableClient } from '@azure/data-tables';
import type { AudienceCandidate } from '../../domain/broadcasts/audience.ts';
import type { AudienceDirectory } from '../../usecases/broadcasts/ports.ts';
import { tenantPartitionRange } from '../platform/keys.ts';

const COLUMNS = [
  'id',
  'userPrincipalName',
  'mail',
  'displayName',
  'department',
  'jobTitle',
  'managerId',
  'preferredLanguage',
  'timeZone',
  'accountEnabled',
  'userType',
  'removedAt',
  'missingProperties',
];

/**
 * Everyone of a tenant in the People table (every one of its 256 partitions), with the columns an
 * audience is matched on. The tab asks for a live count as HR types, so one listing is kept for a
 * few seconds per tenant: a count is at most that old; the send itself resolves again in the job.
 */
export class TableAudienceDirectory implements AudienceDirectory {
  private readonly cache = new Map<string, { at: number; people: Promise<AudienceCandidate[]> }>();

  constructor(
    private readonly people: TableClient,
    private readonly options: { cacheMs?: number; now?: () => number } = {},
  ) {}

  candidates(tenantId: string): Promise<AudienceCandidate[]> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(tenantId);
    if (cached && now - cached.at < (this.options.cacheMs ?? 0)) return cached.people;
    const people = this.read(tenantId);
    this.cache.set(tenantId, { at: now, people });
    // A failed read is not kept: the next call reads again.
    people.catch(() => this.cache.delete(tenantId));
    return people;
  }

  private async read(tenantId: string): Promise<AudienceCandidate[]> {
    const range = tenantPartitionRange(tenantId);
    const result: AudienceCandidate[] = [];
    for await (const row of this.people.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey ge ${range.from} and PartitionKey lt ${range.to}`,
        select: COLUMNS,
      },
    })) {
      const text = (k: string) =>
        typeof row[k] === 'string' && row[k] !== '' ? (row[k] as string) : undefined;
      const upn = text('userPrincipalName');
      result.push({
        id: text('id') ?? String(row.rowKey),
        userPrincipalName: upn ?? '',
        mail: text('mail'),
        displayName: text('displayName') ?? '',
        department: text('department'),
        jobTitle: text('jobTitle'),
        managerId: text('managerId'),
        preferredLanguage: text('preferredLanguage'),
        timeZone: text('timeZone'),
        eligible:
          Boolean(upn) &&
          row.accountEnabled !== false &&
          row.userType !== 'Guest' &&
          !text('removedAt') &&
          !text('missingProperties'),
      });
    }
    return result;
  }
}
