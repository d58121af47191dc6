import { describe, expect, it } from 'vitest';
import type { LearningFacts } from '../../domain/managers/teamSummary.ts';
import { learningFromColumn, learningToColumn } from './teamSummaryColumns.ts';

describe('a summary’s learning column', () => {
  it('gives back exactly the facts it was written from', () => {
    const learning: LearningFacts = {
      enrollments: [
        {
          programId: 'p',
          programVersion: 2,
          status: 'active',
          enrolledAt: '2026-01-01T00:00:00.000Z',
          completedSteps: 1,
          totalSteps: 3,
          nextDueAt: '2026-01-03T08:00:00.000Z',
          lastActiveAt: '2026-01-02T09:00:00.000Z',
        },
      ],
      steps: [
        {
          programId: 'p',
          stepId: 'a',
          status: 'done',
          dueAt: '2026-01-01T08:00:00.000Z',
          sentAt: '2026-01-01T08:00:01.000Z',
          doneAt: '2026-01-02T09:00:00.000Z',
          attempts: 1,
          lastScore: 1,
        },
        {
          programId: 'p',
          stepId: 'b',
          status: 'sent',
          dueAt: '2026-01-02T08:00:00.000Z',
          sentAt: '2026-01-02T08:00:01.000Z',
          attempts: 2,
          lastScore: 0,
        },
        { programId: 'q', stepId: 'c', status: 'scheduled', dueAt: '2026-01-03T08:00:00.000Z', attempts: 0 },
      ],
    };
    expect(learningFromColumn(learningToColumn(learning))).toEqual(learning);
    expect(learningFromColumn(undefined)).toEqual({ enrollments: [], steps: [] });
  });

  it('refuses what does not fit its column instead of cutting it short', () => {
    const steps = Array.from({ length: 40_000 }, (_, i) => ({
      programId: `program-${i}`,
      stepId: `${Math.random()}`,
      status: 'scheduled' as const,
      dueAt: new Date(i * 1000).toISOString(),
      attempts: 0,
    }));
    expect(() => learningToColumn({ enrollments: [], steps })).toThrow(/does not fit/);
  });
});
