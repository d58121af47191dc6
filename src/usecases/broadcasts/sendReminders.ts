import { BROADCAST_KIND, reminderCardKey, type Broadcast } from '../../domain/broadcasts/broadcast.ts';
import { reminderDue } from '../../domain/broadcasts/recipient.ts';
import { broadcastCardKey } from '../../domain/broadcasts/broadcast.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';
import { reminderBatch } from './correctOrRecall.ts';

/** Reminders are looked for at most this often per tenant (a lease held, never released early). */
export const REMINDER_ROUND_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * The reminders job: for each sent guideline that asks for acknowledgement, a reminder card to each
 * person who has not acknowledged its current version N days after their card arrived (and N days
 * after the last reminder), at most M. The reminder is enqueued under its own key first
 * (`broadcast-reminder|<id>|<user>|<n>`), then counted on the person's row: run twice, or after a
 * crash between the two, the same key is enqueued again and nothing is sent twice.
 */
export async function sendBroadcastReminders(
  deps: Pick<BroadcastsDeps, 'clock' | 'broadcasts' | 'recipients' | 'outbound' | 'people' | 'leases'>,
  holder: string,
): Promise<number> {
  let sent = 0;
  for (const tenantId of await deps.people.tenants()) {
    // Not released: the lease's time is the pause until the next round, for every worker.
    if (
      !(await deps.leases.acquire(
        `broadcast-reminders|${tenantId}`,
        holder,
        deps.clock.now(),
        REMINDER_ROUND_MS,
      ))
    )
      continue;
    for (const b of await deps.broadcasts.listActive(tenantId)) {
      if (mayStillRemind(b, deps.clock.now())) sent += await remindOne(deps, b);
    }
  }
  return sent;
}

/** Only while a reminder can still fall due: a guideline sent long ago costs nothing. */
function mayStillRemind(b: Broadcast, now: Date): boolean {
  if (
    b.status !== 'sending' ||
    !b.fannedOutAt ||
    !b.requiresAcknowledgement ||
    b.reminders.maxReminders === 0
  )
    return false;
  const lastVersionAt = Date.parse(b.versions[b.versions.length - 1]!.createdAt);
  const start = Math.max(Date.parse(b.fannedOutAt), lastVersionAt);
  // Delivery may lag the fan-out by a while (people installed first): a week of slack.
  return now.getTime() - start <= ((b.reminders.maxReminders + 1) * b.reminders.afterDays + 7) * DAY_MS;
}

async function remindOne(
  deps: Pick<BroadcastsDeps, 'clock' | 'broadcasts' | 'recipients' | 'outbound'>,
  b: Broadcast,
): Promise<number> {
  const delivered = new Map<string, string>();
  let continuation: string | undefined;
  do {
    const page = await deps.outbound.recipients(b.tenantId, b.id, { continuation });
    for (const row of page.rows) {
      if (row.sentAt && row.key === broadcastCardKey(b.id, row.userId)) delivered.set(row.userId, row.sentAt);
    }
    continuation = page.continuation;
  } while (continuation);
  const now = deps.clock.now();
  let sent = 0;
  for (const r of await deps.recipients.list(b.tenantId, b.id)) {
    const n = reminderDue(b, r, delivered.get(r.userId), now);
    if (n === undefined) continue;
    await deps.outbound.enqueue([
      {
        tenantId: b.tenantId,
        userId: r.userId,
        key: reminderCardKey(b.id, r.userId, n),
        kind: BROADCAST_KIND,
        ref: { broadcastId: b.id, reminder: n },
        batchId: reminderBatch(b.id),
      },
    ]);
    await retryOnConflict('count a reminder', async (attempt) => {
      const current = attempt === 1 ? r : await deps.recipients.get(r.tenantId, r.broadcastId, r.userId);
      if (!current || current.remindersSent >= n) return undefined;
      return orConflict(
        await deps.recipients.update({ ...current, remindersSent: n, lastRemindedAt: now.toISOString() }),
        undefined,
      );
    });
    sent++;
  }
  if (sent > 0) {
    await retryOnConflict('count reminders of a broadcast', async () => {
      const current = await deps.broadcasts.get(b.tenantId, b.id);
      if (!current) return undefined;
      return orConflict(
        await deps.broadcasts.update({ ...current, remindersSent: current.remindersSent + sent }),
        undefined,
      );
    });
  }
  return sent;
}
