import { describe, expect, it } from 'vitest';
import { grantSends, sendRate, type GrantLog, type SendRate } from './sendRate.ts';

const rate50 = sendRate(50) as SendRate;

/**
 * Asks for `wanted` sends at irregular moments for `ms`, as workers asking in turn would (each
 * claim a few ms of storage later than the last); the steps come from a fixed pseudo-random
 * sequence so claims land at every phase of the window. The instants granted, in order.
 */
function simulate(rate: SendRate, ms: number, wanted = 4, maxStep = 7): number[] {
  let log: GrantLog = [];
  const sends: number[] = [];
  let seed = 7;
  const step = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % maxStep;
  for (let t = 0; t < ms; t += 1 + step()) {
    const g = grantSends(rate, log, wanted, t);
    if ('log' in g) {
      log = g.log;
      sends.push(...g.instants);
    }
  }
  return sends.filter((t) => t < ms);
}

function peakPerSecond(sends: number[]): number {
  const sorted = [...sends].sort((a, b) => a - b);
  let peak = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
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
    expect(sendRate(45, { horizonMs: 5000 })).toMatch(/horizon/);
    expect(sendRate()).toMatchObject({ perSecond: 45, windowMs: 1015 });
  });

  it('never grants more than the rate in any second, however often it is asked', () => {
    const sends = simulate(rate50, 20_000);
    expect(peakPerSecond(sends)).toBeLessThanOrEqual(50);
    // Any margin's worth of delay on the way to Teams still keeps its sliding second within 50.
    expect(peakPerSecond(sends.map((t, i) => t + (i % 3) * 5))).toBeLessThanOrEqual(50);
  });

  it('uses close to the whole rate: at 50 a second, more than 49 sustained', () => {
    const sends = simulate(rate50, 20_000);
    const perSecond = sends.length / 20;
    expect(perSecond).toBeGreaterThan(49);
    expect(perSecond).toBeLessThanOrEqual(50);
  });

  it('keeps using the whole rate when claims come late (storage slow under load)', () => {
    // Claims 40-80 ms apart: granting only "now" loses each claim's lag every window; instants
    // reserved ahead do not.
    const sends = simulate(rate50, 20_000, 16, 40);
    expect(sends.length / 20).toBeGreaterThan(49);
    expect(peakPerSecond(sends)).toBeLessThanOrEqual(50);
  });

  it('spreads a second over it instead of granting it in one burst, at most the horizon ahead', () => {
    const g = grantSends(rate50, [], 50, 0);
    expect('log' in g).toBe(true);
    expect(g.instants[0]).toBe(0);
    expect(g.instants.every((t, i) => i === 0 || t - g.instants[i - 1]! >= rate50.gapMs)).toBe(true);
    expect(g.instants[g.instants.length - 1]).toBeLessThanOrEqual(rate50.horizonMs);
    expect(g.instants.length).toBeLessThan(50);
  });

  it('says when to ask again: when the next instant comes within the horizon', () => {
    const second = Array.from({ length: 50 }, (_, i) => i * 20); // 0, 20, …, 980
    // The next fits at 0 + 1015; asked at 500, that is beyond the 400 ms horizon by 115 ms.
    expect(grantSends(rate50, second, 1, 500)).toEqual({ instants: [], retryInMs: 115 });
    const soon = grantSends(rate50, second, 2, 990);
    expect(soon).toMatchObject({ instants: [1015, 1035] });
    // Grants older than the window no longer count, and are dropped from the stored log.
    const later = grantSends(rate50, second, 1, 1016);
    expect(later).toMatchObject({ instants: [1016] });
    expect('log' in later && later.log).toEqual([...second.slice(1), 1016]);
  });
});
