import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { Day } from '../../domain/certificates/calendarDays.ts';
import type {
  CertificationCycle,
  CertificationRecord,
} from '../../domain/certificates/certificationRecord.ts';
import type { CertificationNotice } from '../../domain/certificates/notices.ts';
import type { CertificationStore, ScheduledCheck } from '../../usecases/certificates/ports.ts';
import type { CodeEntry } from '../../domain/certificates/verification.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart, rowKey } from '../platform/keys.ts';
import { stripRow, withoutUndefined } from '../platform/rowMapping.ts';

/**
 * People's certification records and the schedule the daily sweep reads, in two tables:
 * - `Certifications`: one partition per person (`tenant|person`), one row per certification, every
 *   cycle of its history in the row (a JSON column: a person renews a certificate once a year or so,
 *   so the row stays far below Table Storage's 1 MB);
 * - `CertificationSchedule`: one partition per tenant, a row per record that has a next check, keyed
 *   `day|person|certification`. "What is due by today" is one range query whose rows are exactly the
 *   due ones: the sweep's cost follows the number due, not the number of people.
 */
export class TableCertificationStore implements CertificationStore {
  constructor(
    private readonly records: TableClient,
    private readonly checks: TableClient,
    /**
     * `CertificateCodes`: one row per code, keyed by the code alone. The one table whose key does not
     * start with the tenant: `/verify/<code>` is asked by someone outside any tenant; the row names it.
     */
    private readonly codes: TableClient,
  ) {}

  async saveCode(entry: CodeEntry): Promise<void> {
    try {
      await this.codes.createEntity({ partitionKey: entry.code, rowKey: 'code', ...entry });
    } catch (error) {
      if (!isStatus(error, 409)) throw error; // written by an earlier attempt of the same completion
    }
  }

  async findCode(code: string): Promise<CodeEntry | undefined> {
    try {
      const row = await this.codes.getEntity<Record<string, unknown>>(code, 'code');
      return {
        code,
        tenantId: String(row.tenantId),
        userId: String(row.userId),
        certificationId: String(row.certificationId),
        cycle: Number(row.cycle),
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async get(
    tenantId: string,
    userId: string,
    certificationId: string,
  ): Promise<Stored<CertificationRecord> | undefined> {
    try {
      const row = await this.records.getEntity<Record<string, unknown>>(
        personPartition(tenantId, userId),
        keyPart(certificationId),
      );
      return fromRow(tenantId, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async listForPerson(tenantId: string, userId: string): Promise<Array<Stored<CertificationRecord>>> {
    const rows = this.records.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${personPartition(tenantId, userId)}` },
    });
    const result: Array<Stored<CertificationRecord>> = [];
    for await (const row of rows) result.push(fromRow(tenantId, row));
    return result;
  }

  async create(record: CertificationRecord): Promise<'created' | 'exists'> {
    try {
      await this.records.createEntity(toRow(record));
      return 'created';
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async update(record: Stored<CertificationRecord>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(record, 'certification record');
    try {
      await this.records.updateEntity(toRow(record), 'Replace', { etag });
      return 'updated';
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
  }

  async listDue(
    tenantId: string,
    through: Day,
    page: { limit: number; continuation?: string },
  ): Promise<{ checks: ScheduledCheck[]; continuation?: string }> {
    // Row keys start with the day: everything up to `through|…` sorts before `through}`.
    const pages = this.checks
      .listEntities<Record<string, unknown>>({
        queryOptions: {
          filter: odata`PartitionKey eq ${keyPart(tenantId)} and RowKey lt ${`${through}}`}`,
          select: ['on', 'userId', 'certificationId'],
        },
      })
      .byPage({ maxPageSize: page.limit, continuationToken: page.continuation });
    for await (const rows of pages) {
      const checks = rows.map((row) => ({
        tenantId,
        on: String(row.on),
        userId: String(row.userId),
        certificationId: String(row.certificationId),
      }));
      return { checks, continuation: rows.continuationToken };
    }
    return { checks: [] };
  }

  async schedule(check: ScheduledCheck): Promise<void> {
    await this.checks.upsertEntity(scheduleRow(check), 'Replace');
  }

  async unschedule(check: ScheduledCheck): Promise<void> {
    try {
      await this.checks.deleteEntity(keyPart(check.tenantId), scheduleKey(check));
    } catch (error) {
      if (!isStatus(error, 404)) throw error; // removed by an earlier round: fine
    }
  }

  async listChecksOf(
    tenantId: string,
    certificationId: string,
    page: { limit: number; continuation?: string },
  ): Promise<{ checks: ScheduledCheck[]; continuation?: string }> {
    const pages = this.checks
      .listEntities<Record<string, unknown>>({
        queryOptions: {
          filter: odata`PartitionKey eq ${keyPart(tenantId)} and certificationId eq ${certificationId}`,
          select: ['on', 'userId', 'certificationId'],
        },
      })
      .byPage({ maxPageSize: page.limit, continuationToken: page.continuation });
    for await (const rows of pages) {
      const checks = rows.map((row) => ({
        tenantId,
        on: String(row.on),
        userId: String(row.userId),
        certificationId: String(row.certificationId),
      }));
      return { checks, continuation: rows.continuationToken };
    }
    return { checks: [] };
  }

  async listForTenant(
    tenantId: string,
    page: { limit: number; continuation?: string },
  ): Promise<{ records: CertificationRecord[]; continuation?: string }> {
    const prefix = `${keyPart(tenantId)}|`;
    const pages = this.records
      .listEntities<Record<string, unknown>>({
        queryOptions: {
          filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${keyPart(tenantId)}}`}`,
        },
      })
      .byPage({ maxPageSize: page.limit, continuationToken: page.continuation });
    for await (const rows of pages) {
      return { records: rows.map((row) => fromRow(tenantId, row)), continuation: rows.continuationToken };
    }
    return { records: [] };
  }
}

function personPartition(tenantId: string, userId: string): string {
  return `${keyPart(tenantId)}|${keyPart(userId)}`;
}

/** A check as its CertificationSchedule row (exported for the bench's seeding). */
export function scheduleRow(check: ScheduledCheck) {
  const { tenantId, ...fields } = check;
  return { partitionKey: keyPart(tenantId), rowKey: scheduleKey(check), ...fields };
}

function scheduleKey(check: ScheduledCheck): string {
  return rowKey(check.on, check.userId, check.certificationId);
}

/** A record as its Certifications row (exported for the bench's seeding, which writes rows directly). */
export function toRow(record: CertificationRecord) {
  const { tenantId, cycles, unsentNotices, etag: _etag, ...fields } = record as Stored<CertificationRecord>;
  return {
    partitionKey: personPartition(tenantId, record.userId),
    rowKey: keyPart(record.certificationId),
    ...withoutUndefined(fields),
    cycles: JSON.stringify(cycles),
    ...(unsentNotices?.length ? { unsentNotices: JSON.stringify(unsentNotices) } : {}),
  };
}

function fromRow(
  tenantId: string,
  row: TableEntityResult<Record<string, unknown>>,
): Stored<CertificationRecord> {
  const fields = stripRow<
    Omit<CertificationRecord, 'cycles' | 'unsentNotices'> & { cycles: string; unsentNotices?: string }
  >(row);
  const { unsentNotices, ...rest } = fields;
  const cycles = JSON.parse(fields.cycles) as CertificationCycle[];
  const unsent = unsentNotices ? { unsentNotices: JSON.parse(unsentNotices) as CertificationNotice[] } : {};
  return { ...rest, tenantId, cycles, ...unsent, etag: fields.etag! };
}
