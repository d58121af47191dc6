import { describe, expect, it } from 'vitest';
import { sendRate, type SendRate, type SlotCounts } from '../../domain/delivery/sendRate.ts';
import type { SendRateStore } from './ports.ts';
import { SharedTenantSendRate } from './sharedSendRate.ts';

/** The stored row in memory, with ETags, and a hook to let another worker write first. */
class MemorySendRateStore implements SendRateStore {
  rows = new Map<string, { window: SlotCounts; etag: string }>();
  writes = 0;
  beforeWrite?: () => void;
  private version = 0;

  async read(tenantId: string) {
    const row = this.rows.get(tenantId);
    return row ? { window: row.window, etag: row.etag } : { window: [] };
  }

  async write(tenantId: string, window: SlotCounts, etag: string | undefined) {
    this.beforeWrite?.();
    this.beforeWrite = undefined;
    if (this.rows.get(tenantId)?.etag !== etag) return 'conflict' as const;
    this.writes++;
    this.rows.set(tenantId, { window, etag: `v${++this.version}` });
    return 'updated' as const;
  }
}

function setUp() {
  const clock = { ms: 1_000_000 };
  const store = new MemorySendRateStore();
  const slept: number[] = [];
  const shared = new SharedTenantSendRate({
    rate: sendRate(45, 50) as SendRate,
    store,
    nowMs: () => clock.ms,
    sleep: async (ms) => {
      slept.push(ms);
      clock.ms += ms;
    },
    random: () => 0,
    batch: 2,
  });
  return { clock, store, slept, shared };
}

describe('taking sends from the shared per-tenant rate', () => {
  it('claims two sends at a time and uses the second without asking storage again', async () => {
    const { store, shared } = setUp();
    await shared.take('t');
    await shared.take('t');
    expect(store.writes).toBe(1);
    expect(store.rows.get('t')?.window).toEqual([[20_000, 2]]);
  });

  it('drops sends held past their slot instead of sending them in the next one', async () => {
    const { clock, store, shared } = setUp();
    await shared.take('t');
    clock.ms += 50; // the next slot: the held send is no longer valid
    await shared.take('t');
    expect(store.writes).toBe(2);
    expect(store.rows.get('t')?.window).toEqual([
      [20_000, 2],
      [20_001, 2],
    ]);
  });

  it('waits for the next slot when the slot is full, and reads again after losing a race', async () => {
    const { store, slept, shared } = setUp();
    for (let i = 0; i < 4; i++) await shared.take('t'); // the slot's whole share (perSlot 4)
    store.beforeWrite = () => store.rows.set('t', { window: [[20_001, 4]], etag: 'other worker' });
    await shared.take('t');
    // To the start of slot 20,001; there the other worker's write took the slot's share first, so
    // this one read again, found it full, and waited once more for slot 20,002.
    expect(slept).toEqual([50, 50]);
    expect(store.rows.get('t')?.window.at(-1)).toEqual([20_002, 2]);
  });
});
