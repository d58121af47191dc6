import type { BroadcastProgressView, BroadcastStatusView } from '../../../../../src/http/tabs/contract.ts';
import type { Messages } from '../../../messages/index.ts';

export const broadcastStatusLabel = (t: Messages, s: BroadcastStatusView): string =>
  ({
    draft: t.broadcastDraft,
    scheduled: t.broadcastScheduled,
    sending: t.broadcastSending,
    sent: t.broadcastSent,
    recalled: t.broadcastRecalled,
  })[s];

/** Whole per cent, rounded down so 199 of 200 never reads as 100 %. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part / whole) * 100);
}

/** Delivered or failed: the share of recipients the send has dealt with. */
export function handled(p: BroadcastProgressView): number {
  return p.sent + p.failed;
}
