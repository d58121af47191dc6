import type { Clock } from '../../domain/platform/clock.ts';
import type { ChatSender, DeliveryStore } from './ports.ts';

/** A send that started this long ago and never finished is taken as lost, and may be tried again. */
const STALE_SENDING_MS = 2 * 60_000;

export type SendOnceOutcome = 'sent' | 'alreadySent' | 'inFlight' | 'failed';

/**
 * Sends one card to one person under a deterministic key, through the proactive send path, with the
 * delivery record written before and after the call: a second worker, a retry or a double click
 * with the same key sends nothing. A failed (or lost) earlier attempt is taken over with its ETag,
 * so exactly one caller tries again.
 */
export async function sendCardOnce(
  deps: { clock: Clock; deliveries: DeliveryStore; sender: ChatSender },
  send: { tenantId: string; userId: string; key: string; card: object },
): Promise<{ outcome: SendOnceOutcome; reason?: string }> {
  const now = deps.clock.now();
  const record = {
    tenantId: send.tenantId,
    key: send.key,
    status: 'sending' as const,
    startedAt: now.toISOString(),
  };
  const begun = await deps.deliveries.begin(record);
  let etag: string;
  if (begun.created) etag = begun.etag;
  else {
    const { existing } = begun;
    if (existing.status === 'sent') return { outcome: 'alreadySent' };
    const stale = now.getTime() - Date.parse(existing.startedAt) > STALE_SENDING_MS;
    if (existing.status === 'sending' && !stale) return { outcome: 'inFlight' };
    const retaken = await deps.deliveries.finish({ ...existing, ...record, etag: existing.etag });
    if (retaken === 'conflict') return { outcome: 'inFlight' };
    etag = retaken.etag;
  }
  const result = await deps.sender.sendCard(send.tenantId, send.userId, send.card);
  // A conflict here means another worker took a record over that looked lost: both sent, and the
  // record is theirs now; nothing more to write.
  await deps.deliveries.finish({
    ...record,
    etag,
    status: result.ok ? 'sent' : 'failed',
    sentAt: result.ok ? deps.clock.now().toISOString() : undefined,
    activityId: result.ok ? result.activityId : undefined,
    failure: result.ok ? undefined : result.reason,
  });
  return result.ok ? { outcome: 'sent' } : { outcome: 'failed', reason: result.reason };
}
