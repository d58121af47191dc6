import { describe, expect, it } from 'vitest';
import { sendRate, type GrantLog, type SendRate } from '../../domain/delivery/sendRate.ts';
import type { SendRateStore } from './ports.ts';
import { SharedTenantSendRate } from './sharedSendRate.ts';

/** The stored row in memory, with ETags, and a hook to let another worker write first. */
class MemorySendRateStore implements SendRateStore {
  rows = new Map<string, { log: GrantLog; etag: string }>();
  writes = 0;
  beforeWrite?: () => void;
  private version = 0;

  async read(tenantId: string) {
    const row = this.rows.get(tenantId);
    return row ? { log: row.log, etag: row.etag } : { log: [] };
  }

  async write(tenantId: string, log: GrantLog, etag: string | undefined) {
    this.beforeWrite?.();
    this.beforeWrite = undefined;
    if (this.rows.get(tenantId)?.etag !== etag) return 'conflict' as const;
    this.writes++;
    this.rows.set(tenantId, { log, etag: `v${++this.version}` });
    return 'updated' as const;
  }
}

function setUp() {
  const clock = { ms: 1_000_000 };
  const store = new MemorySendRateStore();
  const slept: number[] = [];
  const shared = new SharedTenantSendRate({
    rate: sendRate(50) as SendRate,
    store,
    nowMs: () => clock.ms,
    sleep: async (ms) => {
      slept.push(ms);
      clock.ms += ms;
    },
    random: () => 0,
    batch: 4,
  });
  return { clock, store, slept, shared };
}

describe('taking sends from the shared per-tenant rate', () => {
  it('claims for the senders waiting together in one write, and holds nothing for later', async () => {
    const { store, shared } = setUp();
    await Promise.all([shared.take('t'), shared.take('t'), shared.take('t')]);
    expect(store.writes).toBe(1);
    expect(store.rows.get('t')?.log).toEqual([1_000_000, 1_000_000, 1_000_000]);
    await shared.take('t'); // alone now: a write of its own, nothing was kept from the first claim
    expect(store.writes).toBe(2);
  });

  it('waits until the oldest grant of a full burst leaves it, and reads again after losing a race', async () => {
    const { store, slept, shared } = setUp();
    for (let i = 0; i < 6; i++) await shared.take('t'); // the burst's share (6 in 100 ms at 50/s)
    store.beforeWrite = () => store.rows.set('t', { log: [1_000_101], etag: 'other worker' });
    await shared.take('t');
    // Refused until 1_000_101; there the other worker's write came first, so this one read again
    // and found room (one grant in the new burst).
    expect(slept).toEqual([101]);
    expect(store.rows.get('t')?.log).toEqual([1_000_101, 1_000_101]);
  });

  it('hands a storage failure to every sender waiting, and serves the next ones afresh', async () => {
    const { store, shared } = setUp();
    store.read = () => Promise.reject(new Error('storage down'));
    await expect(Promise.all([shared.take('t'), shared.take('t')])).rejects.toThrow('storage down');
    store.read = MemorySendRateStore.prototype.read.bind(store);
    await shared.take('t');
    expect(store.writes).toBe(1);
  });
});
