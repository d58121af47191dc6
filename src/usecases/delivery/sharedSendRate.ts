import { grantSends, type SendRate } from '../../domain/delivery/sendRate.ts';
import type { SendRateStore, SendReservation, TenantSendRate } from './ports.ts';
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

type Waiter = {
  resolve: (at: number) => void;
  reject: (e: unknown) => void;
  /** The instant this sender reached too late and never sent at: taken out of the log. */
  release?: number;
};

/**
 * The per-tenant rate held across all worker processes: the senders waiting in this process are
 * served by claims on the shared row (src/domain/delivery/sendRate.ts decides the instants). A
 * claim asks only for senders already waiting and gives each its own instant, at most the rate's
 * horizon ahead: the sender does what it must before the call (take its status row) and then waits
 * for that instant, so the instant in the log is its send's, and the claim's storage round trips
 * happen while earlier senders wait for theirs.
 */
export class SharedTenantSendRate implements TenantSendRate {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly serving = new Set<string>();

  constructor(private readonly options: SharedSendRateOptions) {}

  /** Waits until this process may send (the instant reserved for it). */
  async take(tenantId: string): Promise<void> {
    await (await this.reserve(tenantId)).ready();
  }

  /** Reserves one send's instant; the caller must not send before `ready()` resolves. */
  async reserve(tenantId: string): Promise<SendReservation> {
    const at = await this.instant(tenantId);
    return { at, ready: () => this.ready(tenantId, at) };
  }

  /**
   * Waits for the instant. Reached too late (the process was busy, timers fire late under load),
   * a send would reach Teams bunched with the next second's: it takes a new instant instead, once;
   * late again, it goes anyway (a process that busy would only chase instant after instant; Teams'
   * 429, if it comes, sends that one message back to wait). The instant given up is taken out of
   * the log with the claim of the new one: nothing was sent at it, so it holds no place in Teams'
   * window (kept, each one cost the tenant a send: 4 % of them on a busy 2-core machine).
   */
  private async ready(tenantId: string, first: number): Promise<void> {
    const { nowMs, sleep, rate } = this.options;
    let at = first;
    for (let round = 0; ; round++) {
      const waitMs = at - nowMs();
      if (waitMs > 0) await sleep(waitMs);
      if (nowMs() - at <= rate.lateMs || round >= 1) return;
      at = await this.instant(tenantId, at);
    }
  }

  private instant(tenantId: string, release?: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const queue = this.waiting.get(tenantId) ?? [];
      queue.push({ resolve, reject, release });
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
          claim = await this.claim(tenantId, queue.slice(0, this.options.batch ?? 16));
        } catch (error) {
          for (const waiter of queue.splice(0)) waiter.reject(error);
          break;
        }
        if ('log' in claim) {
          // Written: every instant given up by these senders is out of the log now.
          for (const waiter of queue.slice(0, this.options.batch ?? 16)) waiter.release = undefined;
          const served = queue.splice(0, claim.instants.length);
          served.forEach((waiter, i) => waiter.resolve(claim.instants[i]!));
          continue;
        }
        await this.options.sleep(claim.retryInMs + this.options.random() * 10);
      }
    } finally {
      this.serving.delete(tenantId);
    }
  }

  private claim(tenantId: string, waiters: readonly Waiter[]) {
    const { rate, store, nowMs } = this.options;
    const released = new Set(waiters.flatMap((w) => (w.release === undefined ? [] : [w.release])));
    return retryOnConflict(
      'claim sends from the tenant send rate',
      async () => {
        const stored = await store.read(tenantId);
        const log = released.size ? stored.log.filter((t) => !released.has(t)) : stored.log;
        const grant = grantSends(rate, log, waiters.length, nowMs());
        if (!('log' in grant)) return grant;
        const outcome = await store.write(tenantId, grant.log, stored.etag);
        return orConflict(outcome, grant);
      },
      50, // three workers asking often lose races; each loss is one short round trip
    );
  }
}
