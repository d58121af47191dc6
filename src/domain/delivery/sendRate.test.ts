import { describe, expect, it } from 'vitest';
import { grantSends, sendRate, type SendRate, type SlotCounts } from './sendRate.ts';

const rate = sendRate(45, 50) as SendRate;

/**
 * Asks for `wanted` sends at irregular moments for `ms`, as workers asking in turn would; the steps
 * come from a fixed pseudo-random sequence so grants land early and late in their slots.
 */
function simulate(ms: number, wanted = 2): number[] {
  let window: SlotCounts = [];
  const sends: number[] = [];
  let seed = 7;
  const step = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 37;
  for (let t = 0; t < ms; t += 1 + step()) {
    const g = grantSends(rate, window, wanted, t);
    if (g.granted > 0 && 'window' in g) {
      window = g.window;
      for (let i = 0; i < g.granted; i++) sends.push(t);
    }
  }
  return sends;
}

describe('the shared per-tenant send rate', () => {
  it('refuses rates Teams does not allow and defaults to 45 a second', () => {
    expect(sendRate(51)).toMatch(/1 to 50/);
    expect(sendRate(0)).toMatch(/1 to 50/);
    expect(sendRate(45, 70)).toMatch(/slot/);
    expect(sendRate()).toMatchObject({ perSecond: 45, slotMs: 50 });
  });

  it('never grants more than the rate in any second, however often it is asked', () => {
    const sends = simulate(10_000, 4);
    for (let i = 0; i < sends.length; i++) {
      const inSecond = sends.filter((t) => t >= sends[i]! && t < sends[i]! + 1000).length;
      expect(inSecond).toBeLessThanOrEqual(45);
    }
    // And it does not starve: close to the rate over ten seconds.
    expect(sends.length).toBeGreaterThan(400);
  });

  it('spreads a second over its slots instead of granting it in one burst', () => {
    const g = grantSends(rate, [], 45, 0);
    expect(g.granted).toBe(rate.perSlot);
    expect(rate.perSlot).toBeLessThan(10);
  });

  it('says when to ask again when the slot or the window is full', () => {
    const full: SlotCounts = [[0, rate.perSlot]];
    expect(grantSends(rate, full, 1, 20)).toEqual({ granted: 0, slot: 0, retryInMs: 30 });
    const second: SlotCounts = Array.from({ length: 15 }, (_, i) => [i, 3] as [number, number]);
    expect(grantSends(rate, second, 1, 15 * 50 + 5)).toMatchObject({ granted: 0 });
    // Slots older than a second no longer count, and are dropped from the stored window.
    const later = grantSends(rate, second, 1, 40 * 50);
    expect(later).toMatchObject({ granted: 1, window: [[40, 1]] });
  });
});
