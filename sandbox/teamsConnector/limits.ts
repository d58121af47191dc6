/**
 * Teams' documented send limits (REFERENCE.md), as sliding windows over the sends it accepted:
 * all sends of one app in one tenant, and one bot in one conversation. A send over any window is
 * refused with the seconds until the oldest send in that window has left it (the Retry-After).
 */

export interface Window {
  /** Length of the window in milliseconds. */
  ms: number;
  /** Sends accepted inside any such window. */
  max: number;
}

export const teamsLimits = {
  perTenant: [{ ms: 1000, max: 50 }] as Window[],
  perConversation: [
    { ms: 1000, max: 7 },
    { ms: 2000, max: 8 },
    { ms: 30_000, max: 60 },
    { ms: 3_600_000, max: 1800 },
  ] as Window[],
};

export type LimitAnswer = { ok: true } | { ok: false; retryAfterS: number };

/** Accepted send times for one key (a tenant or a conversation), oldest first. */
export class SlidingWindows {
  private readonly times: number[] = [];
  private readonly longest: number;

  constructor(private readonly windows: Window[]) {
    this.longest = Math.max(...windows.map((w) => w.ms));
  }

  /** Whether a send at `now` fits every window; does not record it. */
  check(now: number): LimitAnswer {
    this.prune(now);
    let waitMs = 0;
    for (const w of this.windows) {
      const inside = this.countSince(now - w.ms);
      if (inside < w.max) continue;
      // The send that must leave the window before one more fits.
      const leaving = this.times[this.times.length - w.max]!;
      waitMs = Math.max(waitMs, leaving + w.ms - now);
    }
    return waitMs === 0 ? { ok: true } : { ok: false, retryAfterS: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  record(now: number): void {
    this.times.push(now);
  }

  private countSince(start: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! > start) hi = mid;
      else lo = mid + 1;
    }
    return this.times.length - lo;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= now - this.longest) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}

/** Both kinds of limit, by key; `lifted` turns them off for benchmarks of raw throughput. */
export class TeamsLimits {
  private readonly tenants = new Map<string, SlidingWindows>();
  private readonly conversations = new Map<string, SlidingWindows>();
  lifted = false;

  /** Accepts and records the send, or says which limit it hit and when to come back. */
  admit(
    tenantId: string,
    conversationId: string,
    now: number,
  ): { ok: true } | { ok: false; limit: 'tenant' | 'conversation'; retryAfterS: number } {
    if (this.lifted) return { ok: true };
    const tenant = windowsFor(this.tenants, tenantId, teamsLimits.perTenant);
    const conversation = windowsFor(this.conversations, conversationId, teamsLimits.perConversation);
    const t = tenant.check(now);
    if (!t.ok) return { ok: false, limit: 'tenant', retryAfterS: t.retryAfterS };
    const c = conversation.check(now);
    if (!c.ok) return { ok: false, limit: 'conversation', retryAfterS: c.retryAfterS };
    tenant.record(now);
    conversation.record(now);
    return { ok: true };
  }
}

function windowsFor(map: Map<string, SlidingWindows>, key: string, windows: Window[]): SlidingWindows {
  let found = map.get(key);
  if (!found) map.set(key, (found = new SlidingWindows(windows)));
  return found;
}
