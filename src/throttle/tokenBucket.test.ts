import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './tokenBucket.ts';

describe('TokenBuckets', () => {
  it('allows a burst up to the rate, then asks to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, () => now);
    expect([buckets.tryTake('t'), buckets.tryTake('t'), buckets.tryTake('t')]).toEqual([0, 0, 0]);
    expect(buckets.tryTake('t')).toBe(334);
    now = 334;
    expect(buckets.tryTake('t')).toBe(0);
  });

  it('keeps one budget per tenant', () => {
    const buckets = new TokenBuckets(1, () => 0);
    expect(buckets.tryTake('a')).toBe(0);
    expect(buckets.tryTake('b')).toBe(0);
    expect(buckets.tryTake('a')).toBeGreaterThan(0);
  });
});
