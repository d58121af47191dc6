import { describe, expect, it } from 'vitest';
import { ProgramSchema, type Program } from '../../domain/learning/program.ts';
import { engagementReport, loadEngagementReport } from './engagementReport.ts';
import type { StepState } from '../../domain/learning/stepState.ts';
import { catalogOf } from './programCatalog.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { EnrollmentStore } from './ports.ts';

const tenantId = 'tenant-1';
const now = new Date('2026-03-20T12:00:00.000Z');
const daysBefore = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/** A lesson, a quiz and another quiz. */
function program(): Program {
  const base = { minutes: 3, due: { offsetDays: 0 } };
  const question = {
    id: 'q1',
    type: 'single',
    prompt: { en: 'Which?' },
    options: [
      { text: { en: 'Right' }, correct: true, feedback: { en: 'Yes' } },
      { text: { en: 'Wrong' }, feedback: { en: 'No' } },
    ],
  };
  return ProgramSchema.parse({
    id: 'report-test',
    version: 3,
    languages: ['en'],
    mandatory: true,
    title: { en: 'Report test' },
    description: { en: 'Report test' },
    steps: [
      { ...base, id: 'intro', kind: 'lesson', title: { en: 'Intro' }, body: { en: 'Text' } },
      { ...base, id: 'quiz-a', kind: 'quiz', title: { en: 'Quiz A' }, questions: [question] },
      { ...base, id: 'quiz-b', kind: 'quiz', title: { en: 'Quiz B' }, questions: [question] },
    ],
  });
}

function enrollment(userId: string, overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    tenantId,
    userId,
    programId: 'report-test',
    programVersion: 3,
    status: 'active',
    enrolledAt: daysBefore(30),
    completedSteps: 0,
    totalSteps: 3,
    ...overrides,
  };
}

function step(userId: string, stepId: string, overrides: Partial<StepState> = {}): StepState {
  return {
    tenantId,
    userId,
    programId: 'report-test',
    stepId,
    programVersion: 3,
    dueAt: daysBefore(20),
    status: 'scheduled',
    remindersSent: 0,
    attempts: 0,
    ...overrides,
  };
}

const report = (enrollments: Enrollment[], steps: StepState[] = []) =>
  engagementReport({ tenantId, program: program(), enrollments, steps, now });

describe('engagementReport', () => {
  it('reports nothing to divide as null, not as 0%', () => {
    expect(report([])).toEqual({
      programId: 'report-test',
      programVersion: 3,
      tenantId,
      at: now.toISOString(),
      enrolled: 0,
      withdrawn: 0,
      activeLast7Days: 0,
      activePercent: null,
      completed: 0,
      completionPercent: null,
      stepsDone: 0,
      stepsRecognised: 0,
      stepsDoneOnTime: 0,
      onTimePercent: null,
      quizStepsScored: 0,
      quizFirstAttemptPercent: null,
      quizLatestPercent: null,
    });
  });

  it('counts withdrawn enrollments apart and leaves them out of every figure', () => {
    const r = report(
      [
        enrollment('a', { status: 'completed', lastActiveAt: daysBefore(1) }),
        enrollment('b', { status: 'expired' }),
        enrollment('c', { status: 'withdrawn', lastActiveAt: daysBefore(1) }),
        enrollment('d'),
      ],
      [
        step('c', 'intro', { status: 'done', doneAt: daysBefore(20) }),
        step('c', 'quiz-a', { status: 'done', doneAt: daysBefore(20), firstScore: 0, lastScore: 0 }),
      ],
    );
    expect(r).toMatchObject({ enrolled: 3, withdrawn: 1, activeLast7Days: 1, completed: 1 });
    expect(r.completionPercent).toBe(33.3);
    expect(r.activePercent).toBe(33.3);
    expect(r).toMatchObject({ stepsDone: 0, onTimePercent: null, quizStepsScored: 0 });
  });

  it('counts as active only people who answered something in the 7 days before now', () => {
    const r = report([
      enrollment('exactly-7-days', { lastActiveAt: daysBefore(7) }),
      enrollment('yesterday', { lastActiveAt: daysBefore(1) }),
      enrollment('8-days', { lastActiveAt: daysBefore(8) }),
      enrollment('never'),
    ]);
    expect(r.activeLast7Days).toBe(2);
    expect(r.activePercent).toBe(50);
  });

  it('counts a step as on time when done by its due date plus one day of grace', () => {
    const due = new Date('2026-03-10T09:00:00.000Z');
    const at = (ms: number) => new Date(due.getTime() + ms).toISOString();
    const r = report(
      [enrollment('a'), enrollment('b')],
      [
        step('a', 'intro', { dueAt: due.toISOString(), status: 'done', doneAt: at(-3_600_000) }),
        step('a', 'quiz-a', { dueAt: due.toISOString(), status: 'done', doneAt: at(86_400_000) }),
        step('a', 'quiz-b', { dueAt: due.toISOString(), status: 'done', doneAt: at(86_400_001) }),
        step('b', 'intro', { dueAt: due.toISOString(), status: 'done', doneAt: at(5 * 86_400_000) }),
        // Not done yet: neither on time nor late.
        step('b', 'quiz-a', { dueAt: due.toISOString(), status: 'sent' }),
      ],
    );
    expect(r).toMatchObject({ stepsDone: 4, stepsDoneOnTime: 2, onTimePercent: 50 });
  });

  it('counts steps recognised by test apart from steps done, and out of the on-time rate', () => {
    const due = '2026-03-10T09:00:00.000Z';
    const late = '2026-03-20T09:00:00.000Z';
    const r = report(
      [enrollment('a'), enrollment('b')],
      [
        step('a', 'intro', { dueAt: due, status: 'done', doneAt: due }),
        step('b', 'intro', { dueAt: due, status: 'done', doneAt: late, recognisedAt: late }),
        step('b', 'quiz-a', { dueAt: due, status: 'done', doneAt: late, recognisedAt: late }),
      ],
    );
    expect(r).toMatchObject({ stepsDone: 1, stepsRecognised: 2, stepsDoneOnTime: 1, onTimePercent: 100 });
  });

  it('averages first-attempt and latest quiz scores over answered quiz steps, as percentages', () => {
    const r = report(
      [enrollment('a'), enrollment('b')],
      [
        step('a', 'quiz-a', { status: 'done', doneAt: daysBefore(19), firstScore: 0.5, lastScore: 1 }),
        step('a', 'quiz-b', { status: 'sent', attempts: 1, firstScore: 0, lastScore: 0 }),
        step('b', 'quiz-a', { status: 'done', doneAt: daysBefore(19), firstScore: 1, lastScore: 1 }),
        step('b', 'quiz-b', { status: 'scheduled' }),
        step('b', 'intro', { status: 'done', doneAt: daysBefore(19) }),
      ],
    );
    expect(r.quizStepsScored).toBe(3);
    expect(r.quizFirstAttemptPercent).toBe(50);
    expect(r.quizLatestPercent).toBe(66.7);
  });

  it('ignores rows of other programs', () => {
    const r = report(
      [enrollment('a'), enrollment('a', { programId: 'other', status: 'completed' })],
      [step('a', 'quiz-a', { programId: 'other', status: 'done', doneAt: daysBefore(1), firstScore: 1 })],
    );
    expect(r).toMatchObject({ enrolled: 1, completed: 0, stepsDone: 0, quizStepsScored: 0 });
  });
});

describe('loadEngagementReport', () => {
  const enrollments = [enrollment('a', { status: 'completed' }), enrollment('b')];
  const store = {
    listForProgram: async (t: string, p: string) =>
      t === tenantId && p === 'report-test' ? enrollments : [],
  } as Pick<EnrollmentStore, 'listForProgram'> as EnrollmentStore;
  const steps = {
    listForEnrollment: async (_t: string, userId: string) => [
      step(userId, 'quiz-a', { status: 'done', doneAt: daysBefore(20), firstScore: userId === 'a' ? 1 : 0 }),
    ],
  };
  const deps = {
    clock: { now: () => now },
    catalog: catalogOf([program()]),
    enrollments: store,
    steps: steps as never,
  };

  it('reads every enrollment of the program in the tenant, with its steps', async () => {
    const outcome = await loadEngagementReport(deps, { tenantId, programId: 'report-test' });
    expect(outcome.kind).toBe('report');
    if (outcome.kind !== 'report') return;
    expect(outcome.report).toMatchObject({
      enrolled: 2,
      completed: 1,
      completionPercent: 50,
      stepsDone: 2,
      quizFirstAttemptPercent: 50,
    });
  });

  it('answers unknownProgram for a program not in the catalog', async () => {
    expect(await loadEngagementReport(deps, { tenantId, programId: 'nope' })).toEqual({
      kind: 'unknownProgram',
    });
  });
});
