import type { TableClient } from '@azure/data-tables';
import type { Day } from '../../domain/certificates/calendarDays.ts';
import type { CertificationUpkeepStore } from '../../usecases/certificates/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { keyPart, rowKey } from '../platform/keys.ts';

/** A row of CertificationUpkeep: `rules|<certification>` holds `version`; `completions` holds `day`. */
export interface UpkeepRow {
  version?: number;
  day?: string;
}

/** `CertificationUpkeep`: one partition per tenant, a few rows; nothing about people. */
export class TableCertificationUpkeep implements CertificationUpkeepStore {
  constructor(private readonly table: TableClient) {}

  async rulesVersion(tenantId: string, certificationId: string): Promise<number | undefined> {
    const row = await this.read(tenantId, rowKey('rules', certificationId));
    return row?.version === undefined ? undefined : Number(row.version);
  }

  async setRulesVersion(tenantId: string, certificationId: string, version: number): Promise<void> {
    await this.write(tenantId, rowKey('rules', certificationId), { version });
  }

  async completionsCheckedOn(tenantId: string): Promise<Day | undefined> {
    const row = await this.read(tenantId, 'completions');
    return row?.day === undefined ? undefined : String(row.day);
  }

  async setCompletionsCheckedOn(tenantId: string, day: Day): Promise<void> {
    await this.write(tenantId, 'completions', { day });
  }

  private async read(tenantId: string, key: string): Promise<UpkeepRow | undefined> {
    try {
      return await this.table.getEntity<UpkeepRow>(keyPart(tenantId), key);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  private async write(tenantId: string, key: string, fields: UpkeepRow): Promise<void> {
    await this.table.upsertEntity({ partitionKey: keyPart(tenantId), rowKey: key, ...fields }, 'Replace');
  }
}
