import { describe, expect, it } from 'vitest';
import type { LearningFacts } from '../../domain/managers/teamSummary.ts';
import { viewFactsOfLearning } from '../../domain/managers/teamViewFacts.ts';
import { learningFromColumn, learningToColumn, viewFromColumn, viewToColumn } from './teamSummaryColumns.ts';

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

describe('a summary’s list facts column', () => {
  const learning: LearningFacts = {
    enrollments: [
      {
        programId: 'p',
        programVersion: 2,
        status: 'active',
        enrolledAt: '2026-01-01T00:00:00.000Z',
        completedSteps: 1,
        totalSteps: 3,
        lastActiveAt: '2026-01-02T09:00:00.000Z',
      },
    ],
    steps: [
      {
        programId: 'p',
        stepId: 'a',
        status: 'done',
        dueAt: '2026-01-01T08:00:00.000Z',
        doneAt: '2026-01-02T09:00:00.000Z',
        attempts: 2,
        lastScore: 1,
      },
      {
        programId: 'p',
        stepId: 'b',
        status: 'sent',
        dueAt: '2026-01-02T08:00:00.000Z',
        attempts: 3,
        lastScore: 0,
      },
      { programId: 'p', stepId: 'c', status: 'scheduled', dueAt: '2026-01-03T08:00:00.000Z', attempts: 0 },
    ],
  };

  it('keeps only what the list reads, as plain JSON, and gives it back', () => {
    const facts = viewFactsOfLearning(learning);
    expect(facts).toEqual({
      enrollments: [
        {
          programId: 'p',
          status: 'active',
          enrolledAt: '2026-01-01T00:00:00.000Z',
          completedSteps: 1,
          totalSteps: 3,
          lastActiveAt: '2026-01-02T09:00:00.000Z',
        },
      ],
      open: [
        { programId: 'p', stepId: 'b', dueAt: '2026-01-02T08:00:00.000Z' },
        { programId: 'p', stepId: 'c', dueAt: '2026-01-03T08:00:00.000Z' },
      ],
      retried: [
        { programId: 'p', stepId: 'a', attempts: 2, lastScore: 1 },
        { programId: 'p', stepId: 'b', attempts: 3, lastScore: 0 },
      ],
      doneAt: ['2026-01-02T09:00:00.000Z'],
      everReached: true,
    });
    const column = viewToColumn(facts);
    expect(JSON.parse(column)).toEqual(facts);
    expect(viewFromColumn(column)).toEqual(facts);
  });

  it('is absent on rows written before it was kept, and deflated only when JSON would not fit', () => {
    expect(viewFromColumn(undefined)).toBeUndefined();
    expect(viewFromColumn(null)).toBeUndefined();
    const steps = Array.from({ length: 2_000 }, (_, i) => ({
      programId: 'p',
      stepId: `step-${i}`,
      status: 'scheduled' as const,
      dueAt: '2026-01-03T08:00:00.000Z',
      attempts: 0,
    }));
    const facts = viewFactsOfLearning({ enrollments: [], steps });
    const column = viewToColumn(facts);
    expect(JSON.stringify(facts).length).toBeGreaterThan(32_000);
    expect(column.startsWith('{')).toBe(false);
    expect(viewFromColumn(column)).toEqual(facts);
  });
});
