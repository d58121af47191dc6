import { describe, expect, it } from 'vitest';
import { oneAtATime } from './oneAtATime.ts';

/** A piece of work that starts, then finishes when told to. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('oneAtATime', () => {
  it('runs work of one key in arrival order, each after the one before has finished', async () => {
    const run = oneAtATime();
    const events: string[] = [];
    const first = gate();
    const a = run('alex', async () => {
      events.push('a started');
      await first.opened;
      events.push('a done');
      return 'a';
    });
    const b = run('alex', async () => {
      events.push('b started');
      return 'b';
    });
    const c = run('alex', async () => {
      events.push('c started');
      return 'c';
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['a started']);
    first.open();
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a started', 'a done', 'b started', 'c started']);
  });

  it('does not hold up another key', async () => {
    const run = oneAtATime();
    const held = gate();
    const alex = run('alex', () => held.opened.then(() => 'alex'));
    expect(await run('maja', async () => 'maja')).toBe('maja');
    held.open();
    expect(await alex).toBe('alex');
  });

  it('lets the next one run when work fails, and passes the failure on', async () => {
    const run = oneAtATime();
    const failing = run('alex', async () => {
      throw new Error('storage down');
    });
    const next = run('alex', async () => 'ran');
    await expect(failing).rejects.toThrow('storage down');
    expect(await next).toBe('ran');
  });
});
