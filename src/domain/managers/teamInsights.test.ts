import { describe, expect, it } from 'vitest';
import { ACTIVITY_WEEKS, weeklyActivity } from './teamInsights.ts';

describe('weeklyActivity', () => {
  // Wednesday 2026-12-02; its week starts Monday 2026-11-30 (UTC).
  const now = new Date('2026-12-02T10:00:00Z');

  it('counts steps done per Monday-based UTC week, the last twelve weeks, oldest first', () => {
    const weeks = weeklyActivity(
      [
        ['2026-11-30T00:00:00.000Z', '2026-12-02T09:00:00Z'],
        ['2026-11-29T23:59:59.999Z', '2026-11-23T00:00:00Z'],
        ['2026-09-14T12:00:00Z', '2026-09-13T23:00:00Z', 'not a date'],
      ],
      now,
    );
    expect(weeks).toHaveLength(ACTIVITY_WEEKS);
    expect(weeks[0]!.weekStart).toBe('2026-09-14');
    expect(weeks.at(-1)).toEqual({ weekStart: '2026-11-30', stepsDone: 2, activePeople: 1 });
    expect(weeks.at(-2)).toEqual({ weekStart: '2026-11-23', stepsDone: 2, activePeople: 1 });
    // The Sunday before the oldest week and a date that does not parse count nowhere.
    expect(weeks[0]).toEqual({ weekStart: '2026-09-14', stepsDone: 1, activePeople: 1 });
    expect(weeks.reduce((n, w) => n + w.stepsDone, 0)).toBe(5);
  });
});
