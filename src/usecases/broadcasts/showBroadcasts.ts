import {
  allowedActions,
  canComposeBroadcasts,
  type Actor,
  type BroadcastAction,
} from '../../domain/access/index.ts';
import { displayStatus, type Broadcast, type BroadcastStatus } from '../../domain/broadcasts/broadcast.ts';
import { acknowledgementRates, acknowledgedAt, type RateRow } from '../../domain/broadcasts/recipient.ts';
import type { OutboundCounts, OutboundRecipient } from '../../domain/delivery/outbound.ts';
import { broadcastCardKey } from '../../domain/broadcasts/broadcast.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';
import type { BroadcastRecipient } from '../../domain/broadcasts/recipient.ts';

type Deps = Pick<BroadcastsDeps, 'broadcasts' | 'recipients' | 'outbound' | 'people'>;

export interface BroadcastProgress {
  counts: OutboundCounts;
  /** Acknowledged the current version. */
  acknowledged: number;
}

export interface BroadcastOverview {
  broadcast: Broadcast;
  status: BroadcastStatus;
  progress: BroadcastProgress;
  actions: BroadcastAction[];
  creatorName: string;
  /** Names of everyone who wrote a version, by object id. */
  names: ReadonlyMap<string, string>;
}

/** A broadcast with its live progress and what the caller may do with it. */
async function overview(deps: Deps, actor: Actor, b: Broadcast): Promise<BroadcastOverview> {
  const [counts, acknowledged] = await Promise.all([
    deps.outbound.counts(b.tenantId, b.id),
    b.requiresAcknowledgement && b.fannedOutAt
      ? deps.recipients.countAcknowledged(b.tenantId, b.id, b.version)
      : 0,
  ]);
  const status = displayStatus(b, counts);
  const writers = [...new Set([b.createdBy, ...b.versions.map((v) => v.createdBy)])];
  const people = await Promise.all(writers.map((id) => deps.people.get(b.tenantId, id)));
  const names = new Map(writers.map((id, i) => [id, people[i]?.displayName ?? '']));
  return {
    broadcast: b,
    status,
    progress: { counts, acknowledged },
    actions: allowedActions(actor, {
      type: 'broadcast',
      tenantId: b.tenantId,
      status,
      requiresAcknowledgement: b.requiresAcknowledgement,
    }).filter((a) => a !== 'view'),
    creatorName: names.get(b.createdBy) ?? '',
    names,
  };
}

/** HR's list: newest first, each with its live progress (a few in parallel). */
export async function listBroadcasts(
  deps: Deps,
  actor: Actor,
  limit = 25,
): Promise<{ kind: 'notAllowed' } | { kind: 'list'; broadcasts: BroadcastOverview[] }> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const list = await deps.broadcasts.list(actor.tenantId, limit);
  return { kind: 'list', broadcasts: await mapLimit(list, 4, (b) => overview(deps, actor, b)) };
}

export type DetailOutcome =
  { kind: 'notAllowed' } | { kind: 'notFound' } | { kind: 'detail'; overview: BroadcastOverview };

export async function showBroadcast(deps: Deps, actor: Actor, id: string): Promise<DetailOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const b = await deps.broadcasts.get(actor.tenantId, id);
  if (!b) return { kind: 'notFound' };
  return { kind: 'detail', overview: await overview(deps, actor, b) };
}

export type RatesOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'notFound' }
  | {
      kind: 'rates';
      version: number;
      byDepartment: RateRow[];
      byManager: Array<RateRow & { label: string }>;
    };

/** Acknowledgement of the current version per department and per direct manager (as at the send). */
export async function acknowledgementRatesOf(deps: Deps, actor: Actor, id: string): Promise<RatesOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const b = await deps.broadcasts.get(actor.tenantId, id);
  if (!b) return { kind: 'notFound' };
  const recipients = await deps.recipients.list(b.tenantId, b.id);
  const byManager = acknowledgementRates(recipients, b.version, (r) => r.managerId ?? '');
  const managers = await mapLimit(byManager, 8, (row) =>
    row.key ? deps.people.get(b.tenantId, row.key) : Promise.resolve(undefined),
  );
  return {
    kind: 'rates',
    version: b.version,
    byDepartment: acknowledgementRates(recipients, b.version, (r) => r.department ?? ''),
    byManager: byManager.map((row, i) => ({ ...row, label: managers[i]?.displayName ?? '' })),
  };
}

export interface ExportRow {
  recipient: BroadcastRecipient;
  delivery?: OutboundRecipient;
  managerName: string;
  /** The version they acknowledged last, and when. */
  acknowledgedVersion?: number;
  acknowledgedAt?: string;
}

export type ExportOutcome =
  { kind: 'notAllowed' } | { kind: 'notFound' } | { kind: 'rows'; broadcast: Broadcast; rows: ExportRow[] };

/** Every recipient with their delivery and acknowledgement, for the CSV export. */
export async function exportRecipients(deps: Deps, actor: Actor, id: string): Promise<ExportOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const b = await deps.broadcasts.get(actor.tenantId, id);
  if (!b) return { kind: 'notFound' };
  const deliveries = new Map<string, OutboundRecipient>();
  let continuation: string | undefined;
  do {
    const page = await deps.outbound.recipients(b.tenantId, b.id, { continuation });
    for (const row of page.rows)
      if (row.key === broadcastCardKey(b.id, row.userId)) deliveries.set(row.userId, row);
    continuation = page.continuation;
  } while (continuation);
  const recipients = (await deps.recipients.list(b.tenantId, b.id)).sort((x, y) =>
    x.address.localeCompare(y.address),
  );
  const managerIds = [...new Set(recipients.flatMap((r) => (r.managerId ? [r.managerId] : [])))];
  const managers = await mapLimit(managerIds, 8, (mid) => deps.people.get(b.tenantId, mid));
  const managerNames = new Map(managerIds.map((mid, i) => [mid, managers[i]?.displayName ?? '']));
  return {
    kind: 'rows',
    broadcast: b,
    rows: recipients.map((r) => {
      const last = r.acknowledgements[r.acknowledgements.length - 1];
      return {
        recipient: r,
        delivery: deliveries.get(r.userId),
        managerName: r.managerId ? (managerNames.get(r.managerId) ?? '') : '',
        acknowledgedVersion: last?.version,
        acknowledgedAt: last ? acknowledgedAt(r, last.version) : undefined,
      };
    }),
  };
}
