import { afterEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../testing.ts';

let sim: TestSimulator | undefined;
afterEach(() => sim?.stop());

describe('fault knobs', () => {
  it('answers a share of Graph calls 429 with Retry-After', async () => {
    sim = await startTestSimulator({
      faults: { throttleShare: 0.5, retryAfterSeconds: 7 },
      random: sequence([0.2, 0.9, 0.9]),
    });
    const throttled = await sim.graph('/users');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect((await sim.graph('/users')).status).toBe(200);
  });

  it('answers 503 on a share of calls, and the knobs can be set while running', async () => {
    sim = await startTestSimulator();
    expect((await sim.graph('/users')).status).toBe(200);
    const set = await sim.control('faults', { serverErrorShare: 1, retryAfterSeconds: 3 }, 'PUT');
    expect(await set.json()).toMatchObject({ serverErrorShare: 1, retryAfterSeconds: 3, throttleShare: 0 });
    const failed = await sim.graph('/users');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('3');
    expect((await sim.control('faults', { serverErrorShare: 2 }, 'PUT')).status).toBe(400);
  });

  it('adds latency', async () => {
    sim = await startTestSimulator({ faults: { latencyMs: 120 } });
    const started = performance.now();
    await sim.graph('/users');
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });
});

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}
