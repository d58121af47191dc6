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

function setUp(rate = sendRate(50) as SendRate) {
  const clock = { ms: 1_000_000 };
  const store = new MemorySendRateStore();
  const slept: number[] = [];
  const shared = new SharedTenantSendRate({
    rate,
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
    // The fake sleep adds each wait to one clock, so the third sender wakes 18 ms after its instant:
    // a margin above that keeps this test about the claim, not about lateness (tested below).
    const { store, shared } = setUp(sendRate(50, { marginMs: 30 }) as SendRate);
    await Promise.all([shared.take('t'), shared.take('t'), shared.take('t')]);
    expect(store.writes).toBe(1);
    // Each its own instant, spread by the rate's gap (18 ms at 50 a second); each take waited for its own.
    expect(store.rows.get('t')?.log).toEqual([1_000_000, 1_000_018, 1_000_036]);
    await shared.take('t'); // alone now: a write of its own, nothing was kept from the first claim
    expect(store.writes).toBe(2);
  });

  it('reserves an instant ahead without waiting for it, and the sender waits for it itself', async () => {
    const { clock, store, slept, shared } = setUp();
    const [a, b] = await Promise.all([shared.reserve('t'), shared.reserve('t')]);
    expect([a.at, b.at]).toEqual([1_000_000, 1_000_018]);
    expect(slept).toEqual([]); // reserving never waits for the instant
    expect(clock.ms).toBe(1_000_000);
    expect(store.writes).toBe(1);
  });

  it('asks again once the next instant comes within the horizon, and reads again after losing a race', async () => {
    const { clock, store, slept, shared } = setUp();
    const full = Array.from({ length: 50 }, (_, i) => 1_000_000 + i * 20); // a full window ahead
    store.rows.set('t', { log: full, etag: 'v0' });
    clock.ms = 1_000_000;
    store.beforeWrite = () => store.rows.set('t', { log: full, etag: 'other worker' });
    const { at } = await shared.reserve('t');
    // Next instant: 1_000_000 + 1015; the horizon is 400 ms, so it waited 615 ms and asked again;
    // its first write lost to another worker's, so it read again and claimed the same instant.
    expect(slept).toEqual([615]);
    expect(at).toBe(1_001_015);
    expect(store.rows.get('t')?.log.at(-1)).toBe(1_001_015);
  });

  it('takes a new instant when the sender reaches its own too late, so it cannot bunch with the next', async () => {
    const { clock, store, shared } = setUp();
    const other = await shared.reserve('t'); // another sender's instant, kept
    const reserved = await shared.reserve('t');
    expect([other.at, reserved.at]).toEqual([1_000_000, 1_000_018]);
    clock.ms += 200; // the process was busy: 182 ms late for its instant
    await reserved.ready();
    // The instant it gave up holds no place any more (nothing was sent at it); the new one does.
    expect(store.rows.get('t')?.log).toEqual([1_000_000, 1_000_200]);
    expect(store.writes).toBe(3);
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
