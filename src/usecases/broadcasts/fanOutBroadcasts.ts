import {
  BROADCAST_KIND,
  broadcastCardKey,
  isDueForFanOut,
  startedSending,
  type Broadcast,
} from '../../domain/broadcasts/broadcast.ts';
import type { OutboundItem } from '../../domain/delivery/outbound.ts';
import { personLanguage } from '../../domain/platform/language.ts';
import type { Stored } from '../platform/ports.ts';
import { CONFLICT, orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';
import { resolveStoredAudience } from './composeGuideline.ts';
import type { RecipientSnapshot } from './ports.ts';

/** Items handed to the pipeline per call: a queue write per item, so a few hundred at a time. */
const ENQUEUE_CHUNK = 500;
const LEASE_MS = 5 * 60_000;

export type FanOutReport = { broadcasts: number; recipients: number };

/**
 * The fan-out job: every broadcast whose time has come gets its audience resolved (now, so people
 * who joined since it was scheduled get it too), one recipient row per person, and one card per
 * person on the outbound pipeline (key `broadcast|<id>|<user>`, batch = the broadcast's id). Each
 * step is idempotent, and the broadcast is marked done only after the last one: a worker that dies
 * half-way leaves it for the next round, which records and enqueues the same keys again (nothing
 * twice). One worker per tenant at a time (a lease).
 */
export async function fanOutBroadcasts(
  deps: Pick<
    BroadcastsDeps,
    'clock' | 'broadcasts' | 'recipients' | 'directory' | 'outbound' | 'people' | 'leases'
  >,
  holder: string,
): Promise<FanOutReport> {
  const report = { broadcasts: 0, recipients: 0 };
  for (const tenantId of await deps.people.tenants()) {
    const lease = `broadcast-fanout|${tenantId}`;
    if (!(await deps.leases.acquire(lease, holder, deps.clock.now(), LEASE_MS))) continue;
    try {
      const due = (await deps.broadcasts.listActive(tenantId)).filter((b) =>
        isDueForFanOut(b, deps.clock.now()),
      );
      for (const b of due) {
        const sent = await fanOutOne(deps, b);
        if (sent === undefined) continue;
        report.broadcasts++;
        report.recipients += sent;
      }
    } finally {
      await deps.leases.release(lease, holder);
    }
  }
  return report;
}

/** Fans one broadcast out; undefined when it was recalled or done meanwhile. */
export async function fanOutOne(
  deps: Pick<BroadcastsDeps, 'clock' | 'broadcasts' | 'recipients' | 'directory' | 'outbound'>,
  due: Stored<Broadcast>,
): Promise<number | undefined> {
  const started = await markStarted(deps, due);
  if (!started) return undefined;
  const resolved = await resolveStoredAudience(deps, started.tenantId, started.audience);
  const now = deps.clock.now().toISOString();
  const snapshots: RecipientSnapshot[] = resolved.people.map((p) => ({
    tenantId: started.tenantId,
    broadcastId: started.id,
    userId: p.id,
    address: p.userPrincipalName,
    displayName: p.displayName,
    department: p.department,
    jobTitle: p.jobTitle,
    managerId: p.managerId,
    language: personLanguage(p.preferredLanguage, undefined),
    timeZone: p.timeZone,
    addedAt: now,
  }));
  await deps.recipients.record(snapshots);
  const items: OutboundItem[] = snapshots.map((r) => ({
    tenantId: r.tenantId,
    userId: r.userId,
    key: broadcastCardKey(r.broadcastId, r.userId),
    kind: BROADCAST_KIND,
    ref: { broadcastId: r.broadcastId },
    batchId: r.broadcastId,
  }));
  for (let i = 0; i < items.length; i += ENQUEUE_CHUNK)
    await deps.outbound.enqueue(items.slice(i, i + ENQUEUE_CHUNK));
  await retryOnConflict('mark a broadcast fanned out', async () => {
    const b = await deps.broadcasts.get(started.tenantId, started.id);
    if (!b || b.fannedOutAt) return undefined;
    return orConflict(
      await deps.broadcasts.update({
        ...b,
        fannedOutAt: deps.clock.now().toISOString(),
        recipientCount: snapshots.length,
      }),
      undefined,
    );
  });
  return snapshots.length;
}

/** Scheduled → sending, before any card goes out; a recall that landed first wins. */
async function markStarted(
  deps: Pick<BroadcastsDeps, 'clock' | 'broadcasts'>,
  due: Stored<Broadcast>,
): Promise<Broadcast | undefined> {
  return retryOnConflict('start a broadcast', async (n) => {
    const b = n === 1 ? due : await deps.broadcasts.get(due.tenantId, due.id);
    if (!b || !isDueForFanOut(b, deps.clock.now())) return undefined;
    if (b.status === 'sending') return b;
    const next = { ...startedSending(b), etag: b.etag };
    const written = await deps.broadcasts.update(next);
    return written === 'conflict' ? CONFLICT : next;
  });
}
