import { createHash } from 'node:crypto';

/**
 * What tests and benchmarks read back: sends accepted per conversation, duplicates (the same content
 * accepted twice in one conversation), refusals by cause, and the rate actually observed per tenant.
 */
export class ConnectorCounters {
  readonly sentPerConversation = new Map<string, number>();
  private readonly contentKeys = new Map<string, number>();
  duplicates = 0;
  readonly refused = { tenantLimit: 0, conversationLimit: 0, injected429: 0, serverErrors: 0, forbidden: 0 };
  updates = 0;
  deletes = 0;
  created = 0;
  /** Accepted send times per tenant, kept for the peak rate (the last hour at most). */
  private readonly tenantTimes = new Map<string, number[]>();

  recordSend(tenantId: string, conversationId: string, activity: unknown, now: number): void {
    this.sentPerConversation.set(conversationId, (this.sentPerConversation.get(conversationId) ?? 0) + 1);
    const key = `${conversationId}|${contentKey(activity)}`;
    const seen = this.contentKeys.get(key) ?? 0;
    if (seen > 0) this.duplicates++;
    this.contentKeys.set(key, seen + 1);
    const times = this.tenantTimes.get(tenantId) ?? [];
    times.push(now);
    while (times.length > 0 && times[0]! < now - 3_600_000) times.shift();
    this.tenantTimes.set(tenantId, times);
  }

  /** The most sends of the tenant inside any one second, and the average over first to last send. */
  rateOf(tenantId: string): { sends: number; peakPerSecond: number; averagePerSecond: number } {
    const times = this.tenantTimes.get(tenantId) ?? [];
    let peak = 0;
    for (let start = 0, end = 0; end < times.length; end++) {
      while (times[end]! - times[start]! >= 1000) start++;
      peak = Math.max(peak, end - start + 1);
    }
    const span = times.length > 1 ? (times[times.length - 1]! - times[0]!) / 1000 : 0;
    return { sends: times.length, peakPerSecond: peak, averagePerSecond: span > 0 ? times.length / span : 0 };
  }

  snapshot() {
    const tenants = Object.fromEntries([...this.tenantTimes.keys()].map((t) => [t, this.rateOf(t)]));
    return {
      sent: [...this.sentPerConversation.values()].reduce((a, b) => a + b, 0),
      conversations: this.sentPerConversation.size,
      duplicates: this.duplicates,
      refused: { ...this.refused },
      created: this.created,
      updates: this.updates,
      deletes: this.deletes,
      tenants,
    };
  }
}

/** The content of a message, without the ids and timestamps that differ between two sends of it. */
export function contentKey(activity: unknown): string {
  const a = (activity ?? {}) as { type?: string; text?: string; attachments?: unknown; value?: unknown };
  const content = JSON.stringify([a.type ?? 'message', a.text ?? '', a.attachments ?? [], a.value ?? null]);
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}
