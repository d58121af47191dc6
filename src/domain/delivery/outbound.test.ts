import { describe, expect, it } from 'vitest';
import { countRecipient, deliveryReasonOf, emptyCounts } from './outbound.ts';

describe('a batch’s counts', () => {
  it('counts each row in its status, failures and skips by reason, and later corrections', () => {
    const counts = [
      { status: 'sent' as const, updatedAt: '2026-01-01T00:00:00Z' },
      { status: 'sent' as const, deletedAt: '2026-01-01T00:00:00Z' },
      { status: 'failed' as const, reason: 'botBlocked' },
      { status: 'failed' as const, reason: 'botBlocked' },
      { status: 'skipped' as const, reason: 'answered' },
      { status: 'queued' as const },
    ].reduce(countRecipient, emptyCounts());
    expect(counts).toEqual({
      ...emptyCounts(),
      total: 6,
      sent: 2,
      failed: 2,
      skipped: 1,
      queued: 1,
      byReason: { botBlocked: 2, answered: 1 },
      updated: 1,
      deleted: 1,
    });
  });
});

describe('deliveryReasonOf', () => {
  it('keeps a known code, folds Teams status refusals and anything else into codes the tab words', () => {
    expect(deliveryReasonOf('botBlocked')).toBe('botBlocked');
    expect(deliveryReasonOf('notInstalled')).toBe('notInstalled');
    expect(deliveryReasonOf('teams400')).toBe('teamsRefused');
    expect(deliveryReasonOf('Graph answered 404')).toBe('other');
    expect(deliveryReasonOf(undefined)).toBe('other');
  });
});
