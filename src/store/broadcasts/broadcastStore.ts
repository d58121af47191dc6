import { odata, type TableClient } from '@azure/data-tables';
import type {
  Broadcast,
  BroadcastVersion,
  GuidelineContent,
  StoredBroadcastStatus,
} from '../../domain/broadcasts/broadcast.ts';
import type { Language } from '../../domain/platform/language.ts';
import type { BroadcastStore } from '../../usecases/broadcasts/ports.ts';
import type { Stored } from '../../usecases/platform/ports.ts';
import { isStatus } from '../platform/errors.ts';
import { requiredEtag } from '../platform/etag.ts';
import { keyPart } from '../platform/keys.ts';
import { withoutUndefined } from '../platform/rowMapping.ts';

/** Addresses per audience row: a column holds at most 32,000 characters. */
const ADDRESS_CHUNK_CHARS = 30_000;
const LANGUAGES: readonly Language[] = ['en', 'nb', 'sv'];

/** A broadcast's head row: its state and its current version's content, written together. */
export interface BroadcastRow {
  createdAt: string;
  createdBy: string;
  requiresAcknowledgement: boolean;
  dueDate?: string;
  expression?: string;
  addressCount: number;
  reminderAfterDays: number;
  maxReminders: number;
  status: StoredBroadcastStatus;
  scheduledFor?: string;
  fannedOutAt?: string;
  recipientCount?: number;
  recalledAt?: string;
  remindersSent: number;
  version: number;
  versionCreatedAt: string;
  versionCreatedBy: string;
  changeNote?: string;
  defaultLanguage: Language;
  link?: string;
  variant_en?: string;
  variant_nb?: string;
  variant_sv?: string;
}

/** An earlier version, kept as history once a later one is the head's. */
export type BroadcastVersionRow = Omit<BroadcastVersion, 'content'> & {
  defaultLanguage: Language;
  link?: string;
  variant_en?: string;
  variant_nb?: string;
  variant_sv?: string;
};

/**
 * Broadcasts in three tables, every key starting with the tenant: the head row (`tenant`, id) holds
 * the state and the current version, so a correction is one ETag-guarded write; every version is
 * also kept as a row of BroadcastVersions (`tenant|id`, `v000001`), written after the head (a
 * missing one is the head's, which is read first); a pasted list of up to 50,000 addresses is split
 * over rows of BroadcastAudiences (`tenant|id`, `0000`), written before the head is created.
 */
export class TableBroadcastStore implements BroadcastStore {
  constructor(
    private readonly heads: TableClient,
    private readonly versions: TableClient,
    private readonly audiences: TableClient,
  ) {}

  async create(b: Broadcast): Promise<'created' | 'exists'> {
    const chunks = chunkAddresses(b.audience.addresses);
    for (const [i, addresses] of chunks.entries()) {
      await this.audiences.upsertEntity(
        { partitionKey: childPartition(b.tenantId, b.id), rowKey: String(i).padStart(4, '0'), addresses },
        'Replace',
      );
    }
    try {
      await this.heads.createEntity(headRow(b));
    } catch (error) {
      if (isStatus(error, 409)) return 'exists';
      throw error;
    }
    await this.writeHistory(b);
    return 'created';
  }

  async get(tenantId: string, id: string): Promise<Stored<Broadcast> | undefined> {
    let head: Record<string, unknown>;
    try {
      head = await this.heads.getEntity<Record<string, unknown>>(keyPart(tenantId), keyPart(id));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
    return this.assemble(tenantId, id, head);
  }

  async update(b: Stored<Broadcast>): Promise<'updated' | 'conflict'> {
    const etag = requiredEtag(b, 'broadcast');
    try {
      await this.heads.updateEntity(headRow(b), 'Replace', { etag });
    } catch (error) {
      if (isStatus(error, 412)) return 'conflict';
      throw error;
    }
    await this.writeHistory(b);
    // Once every recipient is recorded, the pasted list has done its work: it is not kept.
    if (b.fannedOutAt && b.audience.addresses.length > 0) await this.forgetAddresses(b.tenantId, b.id);
    return 'updated';
  }

  private async forgetAddresses(tenantId: string, id: string): Promise<void> {
    for await (const row of this.audiences.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${childPartition(tenantId, id)}`, select: ['RowKey'] },
    })) {
      try {
        await this.audiences.deleteEntity(childPartition(tenantId, id), String(row.rowKey));
      } catch (error) {
        if (!isStatus(error, 404)) throw error; // already gone is the state we want
      }
    }
  }

  async list(tenantId: string, limit: number): Promise<Array<Stored<Broadcast>>> {
    const heads: Array<Record<string, unknown>> = [];
    for await (const row of this.heads.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${keyPart(tenantId)}` },
    })) {
      heads.push(row);
    }
    heads.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    return Promise.all(heads.slice(0, limit).map((h) => this.assemble(tenantId, String(h.id), h)));
  }

  async listActive(tenantId: string): Promise<Array<Stored<Broadcast>>> {
    const result: Array<Stored<Broadcast>> = [];
    for await (const row of this.heads.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyPart(tenantId)} and (status eq 'scheduled' or status eq 'sending')`,
      },
    })) {
      result.push(await this.assemble(tenantId, String(row.id), row));
    }
    return result;
  }

  /** Every version as history (idempotent: a version's content never changes once the head has it). */
  private async writeHistory(b: Broadcast): Promise<void> {
    for (const v of b.versions) {
      await this.versions.upsertEntity(
        withoutUndefined({
          partitionKey: childPartition(b.tenantId, b.id),
          rowKey: versionKey(v.version),
          version: v.version,
          createdAt: v.createdAt,
          createdBy: v.createdBy,
          changeNote: v.changeNote,
          ...contentColumns(v.content),
        }),
        'Replace',
      );
    }
  }

  private async assemble(
    tenantId: string,
    id: string,
    head: Record<string, unknown>,
  ): Promise<Stored<Broadcast>> {
    const partition = childPartition(tenantId, id);
    const history: BroadcastVersion[] = [];
    for await (const row of this.versions.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partition}` },
    })) {
      history.push(versionOf(row));
    }
    const addresses: string[] = [];
    if (Number(head.addressCount) > 0) {
      for await (const row of this.audiences.listEntities<{ addresses: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${partition}` },
      })) {
        addresses.push(...row.addresses.split('\n').filter(Boolean));
      }
    }
    const current = versionOf({
      ...head,
      createdAt: head.versionCreatedAt,
      createdBy: head.versionCreatedBy,
    });
    const versions = [...history.filter((v) => v.version < current.version), current].sort(
      (a, b) => a.version - b.version,
    );
    const text = (k: string) => (typeof head[k] === 'string' ? (head[k] as string) : undefined);
    return withoutUndefined({
      tenantId,
      id,
      createdAt: String(head.createdAt),
      createdBy: String(head.createdBy),
      requiresAcknowledgement: head.requiresAcknowledgement === true,
      dueDate: text('dueDate'),
      audience: withoutUndefined({
        expression: text('expression'),
        addresses,
        addressCount: Number(head.addressCount ?? 0),
      }),
      reminders: { afterDays: Number(head.reminderAfterDays), maxReminders: Number(head.maxReminders) },
      status: String(head.status) as StoredBroadcastStatus,
      scheduledFor: text('scheduledFor'),
      fannedOutAt: text('fannedOutAt'),
      recipientCount: head.recipientCount === undefined ? undefined : Number(head.recipientCount),
      recalledAt: text('recalledAt'),
      version: current.version,
      versions,
      remindersSent: Number(head.remindersSent ?? 0),
      etag: requiredEtag({ etag: head.etag as string | undefined }, 'broadcast'),
    });
  }
}

function headRow(b: Broadcast) {
  const current = b.versions.find((v) => v.version === b.version)!;
  const row: BroadcastRow & { partitionKey: string; rowKey: string; id: string } = {
    partitionKey: keyPart(b.tenantId),
    rowKey: keyPart(b.id),
    id: b.id,
    createdAt: b.createdAt,
    createdBy: b.createdBy,
    requiresAcknowledgement: b.requiresAcknowledgement,
    dueDate: b.dueDate,
    expression: b.audience.expression,
    addressCount: b.audience.addresses.length || (b.audience.addressCount ?? 0),
    reminderAfterDays: b.reminders.afterDays,
    maxReminders: b.reminders.maxReminders,
    status: b.status,
    scheduledFor: b.scheduledFor,
    fannedOutAt: b.fannedOutAt,
    recipientCount: b.recipientCount,
    recalledAt: b.recalledAt,
    remindersSent: b.remindersSent,
    version: current.version,
    versionCreatedAt: current.createdAt,
    versionCreatedBy: current.createdBy,
    changeNote: current.changeNote,
    ...contentColumns(current.content),
  };
  return withoutUndefined(row);
}

function contentColumns(content: GuidelineContent) {
  return {
    defaultLanguage: content.defaultLanguage,
    link: content.link,
    variant_en: content.variants.en && JSON.stringify(content.variants.en),
    variant_nb: content.variants.nb && JSON.stringify(content.variants.nb),
    variant_sv: content.variants.sv && JSON.stringify(content.variants.sv),
  };
}

function versionOf(row: Record<string, unknown>): BroadcastVersion {
  const variants: GuidelineContent['variants'] = {};
  for (const language of LANGUAGES) {
    const json = row[`variant_${language}`];
    if (typeof json === 'string') variants[language] = JSON.parse(json) as { title: string; body: string };
  }
  return withoutUndefined({
    version: Number(row.version),
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy),
    changeNote: typeof row.changeNote === 'string' ? row.changeNote : undefined,
    content: withoutUndefined({
      variants,
      defaultLanguage: String(row.defaultLanguage) as Language,
      link: typeof row.link === 'string' ? row.link : undefined,
    }),
  });
}

function childPartition(tenantId: string, id: string): string {
  return `${keyPart(tenantId)}|${keyPart(id)}`;
}

function versionKey(version: number): string {
  return `v${String(version).padStart(6, '0')}`;
}

function chunkAddresses(addresses: readonly string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current.length + a.length + 1 > ADDRESS_CHUNK_CHARS) {
      chunks.push(current);
      current = '';
    }
    current += `${a}\n`;
  }
  if (current) chunks.push(current);
  return chunks;
}
