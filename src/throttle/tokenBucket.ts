/**
 * A token bucket per key (per tenant): at most `perSecond` calls a second, with bursts up to the same
 * number. In-process on purpose: each tenant's sends run in the one worker that holds its lease, so
 * the bucket that worker keeps is the tenant's whole budget.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; refilledAt: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async take(key: string): Promise<void> {
    for (;;) {
      const wait = this.tryTake(key);
      if (wait === 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** 0 when a token was taken, else how many milliseconds until one is there. */
  tryTake(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, refilledAt: now };
    bucket.tokens = Math.min(
      this.perSecond,
      bucket.tokens + ((now - bucket.refilledAt) / 1000) * this.perSecond,
    );
    bucket.refilledAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000);
  }
}
