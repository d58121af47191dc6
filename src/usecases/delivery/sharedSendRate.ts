import { grantSends, slotAt, type SendRate } from '../../domain/delivery/sendRate.ts';
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
  /** 0..1, spreads workers that wait for the same slot over it so they do not all ask at once. */
  random: () => number;
  /** Sends claimed at a time: fewer storage writes, and still a fair share between workers. */
  batch?: number;
}

/**
 * The per-tenant send rate held across all worker processes: each worker claims a few sends of the
 * current slot from the shared row (src/domain/delivery/sendRate.ts decides how many) and uses them
 * within that slot; sends left when the slot ends are dropped, never carried into the next one.
 */
export class SharedTenantSendRate implements TenantSendRate {
  private readonly held = new Map<string, { slot: number; sends: number }>();
  /** One claim at a time per tenant in this process; concurrent senders queue behind it. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: SharedSendRateOptions) {}

  take(tenantId: string): Promise<void> {
    const turn = (this.queues.get(tenantId) ?? Promise.resolve()).then(() => this.takeInTurn(tenantId));
    this.queues.set(
      tenantId,
      turn.then(
        () => undefined,
        () => undefined, // the failure reaches the caller through `turn`
      ),
    );
    return turn;
  }

  private async takeInTurn(tenantId: string): Promise<void> {
    const { rate, nowMs } = this.options;
    for (;;) {
      const held = this.held.get(tenantId);
      if (held && held.sends > 0 && held.slot === slotAt(rate, nowMs())) {
        held.sends--;
        return;
      }
      const claim = await this.claim(tenantId);
      if (claim.granted > 0) {
        this.held.set(tenantId, { slot: claim.slot, sends: claim.granted - 1 });
        return;
      }
      await this.options.sleep(claim.retryInMs + this.options.random() * (rate.slotMs / 2));
    }
  }

  private claim(tenantId: string) {
    const { rate, store, nowMs } = this.options;
    const wanted = Math.min(this.options.batch ?? 2, rate.perSlot);
    return retryOnConflict(
      'claim sends from the tenant send rate',
      async () => {
        const stored = await store.read(tenantId);
        const grant = grantSends(rate, stored.window, wanted, nowMs());
        if (!('window' in grant)) return grant;
        const outcome = await store.write(tenantId, grant.window, stored.etag);
        return orConflict(outcome, { granted: grant.granted, slot: grant.slot, retryInMs: 0 });
      },
      50, // three workers asking every slot lose races often; each loss is one short round trip
    );
  }
}
