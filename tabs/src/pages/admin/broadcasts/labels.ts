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

/**
 * A guideline's facts on one line, `a · b · c`, leaving out the ones it does not have (a guideline
 * sent from the command line has no author's name; one not yet sent has no date).
 */
export function factsLine(facts: ReadonlyArray<string | undefined>): string {
  return facts.filter((f): f is string => Boolean(f)).join(' · ');
}
