import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { DirectoryPerson } from '../../domain/directory/directoryPerson.ts';
import type { DirectoryMirror, MirrorWrite } from '../../usecases/directory/ports.ts';
import type { MirroredPerson } from '../../domain/directory/directoryPerson.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart, personPartition } from '../platform/keys.ts';
import { withoutUndefined } from '../platform/rowMapping.ts';
import { submitGuardedBatches } from '../platform/transactionBatches.ts';
import type { ReportingChange } from '../../domain/managers/reportingTree.ts';
import type { ManagerIndex } from '../../usecases/managers/teamPorts.ts';

/** What the manager index needs to know of a mirrored person. */
export function reportingChange(m: MirroredPerson): ReportingChange {
  const p = m.person;
  return {
    id: p.id,
    managerId: p.managerId,
    previousManagerId: m.previousManagerId,
    active: !m.removedAt && p.accountEnabled !== false,
    displayName: p.displayName,
    jobTitle: p.jobTitle ?? undefined,
    department: p.department ?? undefined,
  };
}

/**
 * The directory mirror lives in the People table (the same rows PeopleStore reads): only the fields
 * Drypp needs. Writes go in entity-group transactions of up to 100 rows, the most one call may carry,
 * each write guarded by what the sync read (see MirrorWrite): the same row also carries the person's
 * time zone, which learnTimeZones writes while a sync may be running.
 */
export class TableDirectoryMirror implements DirectoryMirror {
  constructor(
    private readonly people: TableClient,
    private readonly tenants: TableClient,
    private readonly managerIndex: ManagerIndex,
  ) {}

  async get(tenantId: string, id: string): Promise<Stored<MirroredPerson> | undefined> {
    try {
      const row = await this.people.getEntity<Record<string, unknown>>(
        personPartition(tenantId, id),
        keyPart(id),
      );
      return { ...fromRow(row), etag: requiredEtag(row, 'mirrored person') };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async putMany(tenantId: string, mirrored: MirrorWrite[]): Promise<{ conflicts: string[] }> {
    // One row per person per call: a page may name a person twice; the last change wins.
    const latest = [...new Map(mirrored.map((m) => [m.person.id, m])).values()];
    const batches = mirrorActions(tenantId, latest);
    const lost = new Set(
      (await submitGuardedBatches(this.people, batches)).flatMap((i) => batches[i]!.map(personIdOf)),
    );
    // After the people rows, and only for those written: the index is derived from them, and a
    // retry rewrites it the same way.
    const written = latest.filter((m) => !lost.has(m.person.id));
    await this.managerIndex.apply(tenantId, written.map(reportingChange));
    return { conflicts: [...lost] };
  }

  async registerTenant(tenantId: string): Promise<void> {
    await this.tenants.upsertEntity(
      { partitionKey: 'tenant', rowKey: keyPart(tenantId), tenantId },
      'Replace',
    );
  }
}

/**
 * The writes for a page: one row per person (a page may name a person twice; the last change wins),
 * grouped by partition, at most 100 to a transaction (the most one call may carry). A row read with
 * an ETag is replaced only if it still has it; any other is created only if there is still none.
 */
export function mirrorActions(tenantId: string, mirrored: readonly MirrorWrite[]): TransactionAction[][] {
  const byId = new Map(mirrored.map((m) => [m.person.id, m]));
  const byPartition = new Map<string, TransactionAction[]>();
  for (const m of byId.values()) {
    const row = mirrorRow(tenantId, m);
    const actions = byPartition.get(row.partitionKey) ?? [];
    actions.push(m.etag ? ['update', row, 'Replace', { etag: m.etag }] : ['create', row]);
    byPartition.set(row.partitionKey, actions);
  }
  const batches: TransactionAction[][] = [];
  for (const actions of byPartition.values()) {
    for (let i = 0; i < actions.length; i += 100) batches.push(actions.slice(i, i + 100));
  }
  return batches;
}

function personIdOf(action: TransactionAction): string {
  return String((action[1] as { id?: unknown }).id);
}

/** A person's row in the People table, as the mirror writes it. */
export function mirrorRow(tenantId: string, m: MirroredPerson) {
  const p = m.person;
  return withoutUndefined({
    partitionKey: personPartition(tenantId, p.id),
    rowKey: keyPart(p.id),
    id: p.id,
    userPrincipalName: p.userPrincipalName || undefined,
    upnLower: p.userPrincipalName ? p.userPrincipalName.toLowerCase() : undefined,
    displayName: p.displayName,
    mail: p.mail,
    accountEnabled: p.accountEnabled,
    userType: p.userType,
    department: p.department,
    jobTitle: p.jobTitle,
    hireDate: p.employeeHireDate,
    createdDateTime: p.createdDateTime,
    preferredLanguage: p.preferredLanguage,
    timeZone: p.timeZone,
    managerId: p.managerId,
    groupIds: p.groupIds ? JSON.stringify(p.groupIds) : undefined,
    firstSeenAt: m.firstSeenAt,
    removedAt: m.removedAt,
    missingProperties: m.missing?.length ? m.missing.join(',') : undefined,
  });
}

function fromRow(row: Record<string, unknown>): MirroredPerson {
  const text = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : undefined);
  const person: DirectoryPerson = {
    id: text('id') ?? String(row.rowKey),
    displayName: text('displayName') ?? '',
    userPrincipalName: text('userPrincipalName') ?? '',
    mail: text('mail'),
    accountEnabled: row.accountEnabled !== false,
    userType: text('userType') === 'Guest' ? 'Guest' : 'Member',
    department: text('department'),
    jobTitle: text('jobTitle'),
    employeeHireDate: text('hireDate'),
    createdDateTime: text('createdDateTime'),
    preferredLanguage: text('preferredLanguage'),
    timeZone: text('timeZone'),
    managerId: text('managerId'),
    groupIds: text('groupIds') ? (JSON.parse(text('groupIds')!) as string[]) : undefined,
  };
  const missing = text('missingProperties')?.split(',') as MirroredPerson['missing'];
  return withoutUndefined({
    person: withoutUndefined(person),
    firstSeenAt: text('firstSeenAt'),
    removedAt: text('removedAt'),
    missing,
  });
}
