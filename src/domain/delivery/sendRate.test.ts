import { describe, expect, it } from 'vitest';
import { grantSends, sendRate, type GrantLog, type SendRate } from './sendRate.ts';

const rate50 = sendRate(50) as SendRate;

/**
 * Asks for `wanted` sends at irregular moments for `ms`, as workers asking in turn would; the steps
 * come from a fixed pseudo-random sequence so grants land at every phase of the window.
 */
function simulate(rate: SendRate, ms: number, wanted = 2): number[] {
  let log: GrantLog = [];
  const sends: number[] = [];
  let seed = 7;
  const step = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 7;
  for (let t = 0; t < ms; t += 1 + step()) {
    const g = grantSends(rate, log, wanted, t);
    if (g.granted > 0 && 'log' in g) {
      log = g.log;
      for (let i = 0; i < g.granted; i++) sends.push(t);
    }
  }
  return sends;
}

function peakPerSecond(sends: number[]): number {
  let peak = 0;
  for (let start = 0, end = 0; end < sends.length; end++) {
    while (sends[end]! - sends[start]! >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

describe('the shared per-tenant send rate', () => {
  it('refuses rates Teams does not allow and defaults to 45 a second', () => {
    expect(sendRate(51)).toMatch(/1 to 50/);
    expect(sendRate(0)).toMatch(/1 to 50/);
    expect(sendRate(30, { limit: 30 })).toMatchObject({ perSecond: 30 });
    expect(sendRate(45, { marginMs: -1 })).toMatch(/margin/);
    expect(sendRate()).toMatchObject({ perSecond: 45, windowMs: 1015 });
  });

  it('never grants more than the rate in any second, however often it is asked', () => {
    const sends = simulate(rate50, 20_000, 4);
    expect(peakPerSecond(sends)).toBeLessThanOrEqual(50);
    // Any margin's worth of delay on the way to Teams still keeps its sliding second within 50.
    expect(peakPerSecond(sends.map((t, i) => t + (i % 3) * 5))).toBeLessThanOrEqual(50);
  });

  it('uses close to the whole rate: at 50 a second, more than 49 sustained', () => {
    const sends = simulate(rate50, 20_000, 4);
    const perSecond = sends.length / 20;
    expect(perSecond).toBeGreaterThan(49);
    expect(perSecond).toBeLessThanOrEqual(50);
  });

  it('spreads a second over it instead of granting it in one burst', () => {
    const g = grantSends(rate50, [], 50, 0);
    expect(g.granted).toBe(rate50.burst);
    expect(rate50.burst).toBeLessThan(10);
  });

  it('says when to ask again: when the oldest grant of a full window or burst leaves it', () => {
    const burst = Array<number>(rate50.burst).fill(0);
    expect(grantSends(rate50, burst, 1, 40)).toEqual({ granted: 0, retryInMs: 61 });
    const second = Array.from({ length: 50 }, (_, i) => i * 20); // 0, 20, …, 980
    expect(grantSends(rate50, second, 1, 990)).toEqual({ granted: 0, retryInMs: 26 });
    // Grants older than the window no longer count, and are dropped from the stored log.
    const later = grantSends(rate50, second, 1, 1016);
    expect(later).toMatchObject({ granted: 1 });
    expect('log' in later && later.log).toEqual([...second.slice(1), 1016]);
  });
});
