import { CONVERSATION_WINDOWS, conversationWaitMs } from '../../domain/delivery/outboundRetry.ts';

/**
 * Teams' per-conversation limits (7 a second, 8 in 2 s, …), kept by this worker process for the
 * conversations it sends to. Not shared between processes: two workers rarely send to one person at
 * the same moment, and if they do, Teams' 429 sends that one message back to wait its Retry-After.
 */
export class ConversationPacer {
  private readonly recent = new Map<string, number[]>();
  private lastPrune = 0;

  constructor(private readonly lifted = false) {}

  /** Milliseconds until one more send to this conversation fits (0: now). */
  waitMs(conversationId: string, nowMs: number): number {
    if (this.lifted) return 0;
    return conversationWaitMs(this.recent.get(conversationId) ?? [], nowMs);
  }

  record(conversationId: string, nowMs: number): void {
    if (this.lifted) return;
    const longest = CONVERSATION_WINDOWS[CONVERSATION_WINDOWS.length - 1]!.ms;
    const times = (this.recent.get(conversationId) ?? []).filter((t) => t > nowMs - longest);
    times.push(nowMs);
    this.recent.set(conversationId, times);
    // A broadcast touches thousands of conversations once each: forget those quiet for a minute.
    if (nowMs - this.lastPrune > 60_000) {
      this.lastPrune = nowMs;
      for (const [id, t] of this.recent) if (t[t.length - 1]! < nowMs - 60_000) this.recent.delete(id);
    }
  }
}
