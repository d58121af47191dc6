import { describe, expect, it } from 'vitest';
import { CONFLICT, KeptChangingError, retryOnConflict } from './retryOnConflict.ts';

describe('retryOnConflict', () => {
  it('runs the attempt again after each lost race, and returns the first real result', async () => {
    const seen: number[] = [];
    const result = await retryOnConflict('count', async (n) => {
      seen.push(n);
      return n < 3 ? CONFLICT : `won on ${n}`;
    });
    expect(result).toBe('won on 3');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('returns an attempt\'s own "nothing to do" value without retrying', async () => {
    let calls = 0;
    const result = await retryOnConflict('noop', async () => {
      calls++;
      return 'alreadyDone' as const;
    });
    expect(result).toBe('alreadyDone');
    expect(calls).toBe(1);
  });

  it('throws after the last attempt instead of inventing an outcome', async () => {
    let calls = 0;
    const losing = retryOnConflict(
      'save step',
      async () => {
        calls++;
        return CONFLICT;
      },
      4,
    );
    await expect(losing).rejects.toBeInstanceOf(KeptChangingError);
    await expect(losing).rejects.toThrow(/save step/);
    expect(calls).toBe(4);
  });

  it('lets an attempt error through at once', async () => {
    let calls = 0;
    const failing = retryOnConflict('boom', async () => {
      calls++;
      throw new Error('storage down');
    });
    await expect(failing).rejects.toThrow('storage down');
    expect(calls).toBe(1);
  });
});
