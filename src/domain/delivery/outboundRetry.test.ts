import { describe, expect, it } from 'vitest';
import { afterAnswer, conversationWaitMs, jitteredBackoff, MAX_TRANSIENT_ATTEMPTS } from './outboundRetry.ts';

describe('what the pipeline does after Teams answered', () => {
  it('waits a 429’s own Retry-After for that message, with a little spread', () => {
    expect(afterAnswer({ ok: false, status: 429, retryAfterMs: 3000 }, 0, 0)).toEqual({
      kind: 'retry',
      afterMs: 3000,
      reason: 'throttled',
      throttled: true,
    });
    expect(afterAnswer({ ok: false, status: 429, retryAfterMs: 3000 }, 99, 1)).toMatchObject({
      afterMs: 3250, // throttling never uses up the transient attempts
    });
  });

  it('backs off with jitter for 412, 502, 503, 504 and no answer, then gives up', () => {
    for (const status of [412, 502, 503, 504, 0]) {
      expect(afterAnswer({ ok: false, status }, 2, 0.5)).toMatchObject({ kind: 'retry', afterMs: 4000 });
    }
    expect(jitteredBackoff(0, 0)).toBe(500);
    expect(jitteredBackoff(0, 1)).toBe(1500);
    expect(jitteredBackoff(20, 0.5)).toBe(60_000);
    expect(afterAnswer({ ok: false, status: 503 }, MAX_TRANSIENT_ATTEMPTS - 1, 0)).toEqual({
      kind: 'failed',
      reason: 'tooManyAttempts',
    });
  });

  it('records a 403 with Teams’ reason and never retries it', () => {
    expect(afterAnswer({ ok: false, status: 403, code: 'ConversationBlockedByUser' }, 0, 0)).toEqual({
      kind: 'failed',
      reason: 'botBlocked',
    });
    expect(afterAnswer({ ok: false, status: 403, code: 'BotDisabledByAdmin' }, 0, 0)).toMatchObject({
      reason: 'appDisabled',
    });
    expect(afterAnswer({ ok: false, status: 403 }, 0, 0)).toMatchObject({ reason: 'forbidden' });
    expect(afterAnswer({ ok: false, status: 404 }, 0, 0)).toMatchObject({
      kind: 'failed',
      reason: 'notFound',
    });
    expect(afterAnswer({ ok: false, status: 400 }, 0, 0)).toMatchObject({
      kind: 'failed',
      reason: 'teamsRefused',
    });
  });
});

describe('pacing one conversation', () => {
  it('keeps Teams’ 7 a second and 8 in two seconds', () => {
    expect(conversationWaitMs([], 0)).toBe(0);
    const seven = [0, 10, 20, 30, 40, 50, 60];
    expect(conversationWaitMs(seven, 100)).toBe(901);
    const eight = [0, 10, 20, 30, 40, 50, 60, 1100];
    expect(conversationWaitMs(eight, 1200)).toBe(801);
    expect(conversationWaitMs(eight, 2001)).toBe(0);
  });
});
