import { emptyCounts, type OutboundCounts, type OutboundRecipient } from './outbound.ts';

/**
 * A batch's progress kept as counters (one per status-row partition, changed in the same storage
 * transaction as the row whose status it counts), so progress is a few reads instead of every row.
 * Only what a row reaches once is counted: added (total), sent, failed, skipped (by reason),
 * corrected, recalled. Queued, installing and sending are what is left: `queued` below counts them
 * together. Pure.
 */
export interface OutboundTally {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  byReason: Record<string, number>;
  updated: number;
  deleted: number;
}

export type TallyRow = Pick<OutboundRecipient, 'status' | 'reason' | 'updatedAt' | 'deletedAt'>;

export function emptyTally(): OutboundTally {
  return { total: 0, sent: 0, failed: 0, skipped: 0, byReason: {}, updated: 0, deleted: 0 };
}

/** What one row adds to its partition's tally (its total included). */
export function tallyOf(row: TallyRow): OutboundTally {
  const t = emptyTally();
  t.total = 1;
  if (row.status === 'sent') t.sent = 1;
  if (row.status === 'failed' || row.status === 'skipped') {
    t[row.status] = 1;
    if (row.reason) t.byReason[row.reason] = 1;
  }
  if (row.updatedAt) t.updated = 1;
  if (row.deletedAt) t.deleted = 1;
  return t;
}

/** a + sign · b, reasons that come to 0 dropped. */
export function addTally(a: OutboundTally, b: OutboundTally, sign: 1 | -1 = 1): OutboundTally {
  const byReason = { ...a.byReason };
  for (const [reason, n] of Object.entries(b.byReason)) {
    const next = (byReason[reason] ?? 0) + sign * n;
    if (next === 0) delete byReason[reason];
    else byReason[reason] = next;
  }
  return {
    total: a.total + sign * b.total,
    sent: a.sent + sign * b.sent,
    failed: a.failed + sign * b.failed,
    skipped: a.skipped + sign * b.skipped,
    byReason,
    updated: a.updated + sign * b.updated,
    deleted: a.deleted + sign * b.deleted,
  };
}

/** How a change of one row moves its tally (before: the row as read; after: with the change). */
export function tallyChange(before: TallyRow, after: TallyRow): OutboundTally {
  const change = addTally(tallyOf(after), tallyOf(before), -1);
  return { ...change, total: 0 };
}

export function isEmptyTally(t: OutboundTally): boolean {
  return (
    t.total === 0 &&
    t.sent === 0 &&
    t.failed === 0 &&
    t.skipped === 0 &&
    t.updated === 0 &&
    t.deleted === 0 &&
    Object.keys(t.byReason).length === 0
  );
}

/** A batch's counts from its tallies: everyone not yet settled is `queued`. */
export function countsOfTally(t: OutboundTally): OutboundCounts {
  return {
    ...emptyCounts(),
    total: t.total,
    queued: t.total - t.sent - t.failed - t.skipped,
    sent: t.sent,
    failed: t.failed,
    skipped: t.skipped,
    byReason: { ...t.byReason },
    updated: t.updated,
    deleted: t.deleted,
  };
}
