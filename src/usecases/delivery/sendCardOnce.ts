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
  if (!begun.created) {
    const { existing } = begun;
    if (existing.status === 'sent') return { outcome: 'alreadySent' };
    const stale = now.getTime() - Date.parse(existing.startedAt) > STALE_SENDING_MS;
    if (existing.status === 'sending' && !stale) return { outcome: 'inFlight' };
    if ((await deps.deliveries.finish({ ...existing, ...record })) === 'conflict')
      return { outcome: 'inFlight' };
  }
  const result = await deps.sender.sendCard(send.tenantId, send.userId, send.card);
  await deps.deliveries.finish({
    ...record,
    status: result.ok ? 'sent' : 'failed',
    sentAt: result.ok ? deps.clock.now().toISOString() : undefined,
    activityId: result.ok ? result.activityId : undefined,
    failure: result.ok ? undefined : result.reason,
  });
  return result.ok ? { outcome: 'sent' } : { outcome: 'failed', reason: result.reason };
}
