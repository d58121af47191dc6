import { grantSends, type SendRate } from '../../domain/delivery/sendRate.ts';
import type { SendRateStore, TenantSendRate } from './ports.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';

export interface SharedSendRateOptions {
  rate: SendRate;
  store: SendRateStore;
  /**
   * Wall-clock milliseconds, the same in every process. Not the (adjustable) Clock: Teams counts
   * real seconds, also in a sandbox whose clock has been moved forward.
   */
  nowMs: () => number;
  sleep: (ms: number) => Promise<void>;
  /** 0..1, spreads workers that wait for the same moment so they do not all ask at once. */
  random: () => number;
  /** Most sends claimed in one storage write (for senders already waiting; never held for later). */
  batch?: number;
}

/**
 * The per-tenant rate held across all worker processes: the senders waiting in this process are
 * served by claims on the shared row (src/domain/delivery/sendRate.ts decides how many). A claim
 * asks only for senders already waiting, and each grant is used at once: nothing is held, so a
 * grant's instant in the log is its send's.
 */
export class SharedTenantSendRate implements TenantSendRate {
  private readonly waiting = new Map<string, Array<{ resolve: () => void; reject: (e: unknown) => void }>>();
  private readonly serving = new Set<string>();

  constructor(private readonly options: SharedSendRateOptions) {}

  take(tenantId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const queue = this.waiting.get(tenantId) ?? [];
      queue.push({ resolve, reject });
      this.waiting.set(tenantId, queue);
      if (this.serving.has(tenantId)) return;
      this.serving.add(tenantId);
      // After the senders of this tick have joined, so one claim serves them all.
      queueMicrotask(() => void this.serve(tenantId));
    });
  }

  /** One loop per tenant and process while senders wait: claim, hand out, wait when refused. */
  private async serve(tenantId: string): Promise<void> {
    const queue = this.waiting.get(tenantId)!;
    try {
      while (queue.length > 0) {
        let claim;
        try {
          claim = await this.claim(tenantId, Math.min(queue.length, this.options.batch ?? 4));
        } catch (error) {
          for (const waiter of queue.splice(0)) waiter.reject(error);
          break;
        }
        if (claim.granted > 0) {
          for (const waiter of queue.splice(0, claim.granted)) waiter.resolve();
          continue;
        }
        await this.options.sleep(claim.retryInMs + this.options.random() * 20);
      }
    } finally {
      this.serving.delete(tenantId);
    }
  }

  private claim(tenantId: string, wanted: number) {
    const { rate, store, nowMs } = this.options;
    return retryOnConflict(
      'claim sends from the tenant send rate',
      async () => {
        const stored = await store.read(tenantId);
        const grant = grantSends(rate, stored.log, wanted, nowMs());
        if (!('log' in grant)) return grant;
        const outcome = await store.write(tenantId, grant.log, stored.etag);
        return orConflict(outcome, { granted: grant.granted, retryInMs: 0 });
      },
      50, // three workers asking often lose races; each loss is one short round trip
    );
  }
}
