import { describe, expect, it } from 'vitest';
import { TeamsLimits } from './limits.ts';

describe('Teams limits in the connector simulator', () => {
  it('accepts 7 sends in a second to one conversation and refuses the 8th until the first leaves', () => {
    const limits = new TeamsLimits();
    for (let i = 0; i < 7; i++) expect(limits.admit('t', 'c', 1000 + i * 10).ok).toBe(true);
    expect(limits.admit('t', 'c', 1100)).toEqual({ ok: false, limit: 'conversation', retryAfterS: 1 });
    expect(limits.admit('t', 'c', 2001).ok).toBe(true); // the first left the 1 s window
  });

  it('holds 8 per 2 s, 60 per 30 s and 1,800 per hour for one conversation', () => {
    const limits = new TeamsLimits();
    // 8 spread over 2 s pass the 1 s window but fill the 2 s one.
    for (let i = 0; i < 8; i++) expect(limits.admit('t', 'c', i * 250).ok).toBe(true);
    expect(limits.admit('t', 'c', 1999)).toMatchObject({ ok: false, limit: 'conversation' });

    const slow = new TeamsLimits();
    let t = 0;
    for (let i = 0; i < 60; i++, t += 300) expect(slow.admit('t', 'c', t).ok).toBe(true);
    expect(slow.admit('t', 'c', t)).toMatchObject({ ok: false, limit: 'conversation' });

    const hour = new TeamsLimits();
    t = 0;
    for (let i = 0; i < 1800; i++, t += 1001) expect(hour.admit('t', 'c', t).ok).toBe(true);
    const refused = hour.admit('t', 'c', t);
    expect(refused).toMatchObject({ ok: false, limit: 'conversation' });
    expect(refused.ok ? 0 : refused.retryAfterS).toBeGreaterThan(1000); // about 1,800 s to wait
  });

  it('refuses the 51st send of a tenant within a second, over any conversations', () => {
    const limits = new TeamsLimits();
    for (let i = 0; i < 50; i++) expect(limits.admit('t', `c${i}`, 5000 + i).ok).toBe(true);
    expect(limits.admit('t', 'other', 5500)).toEqual({ ok: false, limit: 'tenant', retryAfterS: 1 });
    expect(limits.admit('another tenant', 'x', 5500).ok).toBe(true);
    expect(limits.admit('t', 'other', 6001).ok).toBe(true);
  });

  it('does not count refused sends, and lifts every limit when asked', () => {
    const limits = new TeamsLimits();
    for (let i = 0; i < 7; i++) limits.admit('t', 'c', i);
    for (let i = 0; i < 100; i++) expect(limits.admit('t', 'c', 500).ok).toBe(false);
    expect(limits.admit('t', 'c', 1001).ok).toBe(true);
    limits.lifted = true;
    for (let i = 0; i < 500; i++) expect(limits.admit('t', 'c', 2000).ok).toBe(true);
  });
});
