// Test data for the effect figures (tests only).
import { ProgramSchema, type Program, type ProgramInput } from '../../learning/program.ts';
import type { Enrollment } from '../../learning/enrollment.ts';
import type { StepState } from '../../learning/stepState.ts';

const t = (en: string) => ({ en });

export const selfAssessmentInput = (id: string, phase: 'before' | 'after', statements = ['s1', 's2']) => ({
  id,
  kind: 'self-assessment' as const,
  phase,
  minutes: 2,
  due: { offsetDays: phase === 'before' ? 0 : 5 },
  title: t(`How sure are you (${phase})`),
  statements: statements.map((s) => ({ id: s, text: t(`I can ${s}`) })),
});

/** Before → lesson → quiz of two questions → check-in → after. */
export function effectProgram(overrides: Partial<ProgramInput> = {}): Program {
  return ProgramSchema.parse({
    id: 'effect-test',
    version: 1,
    languages: ['en'],
    mandatory: true,
    title: t('Effect test'),
    description: t('For the tests'),
    steps: [
      selfAssessmentInput('before', 'before'),
      { id: 'read', kind: 'lesson', minutes: 3, due: { offsetDays: 1 }, title: t('Read'), body: t('Text') },
      {
        id: 'check',
        kind: 'quiz',
        minutes: 2,
        due: { offsetDays: 2 },
        title: t('Quiz'),
        questions: ['q1', 'q2'].map((id) => ({
          id,
          type: 'single',
          prompt: t(`Question ${id}`),
          options: [
            { text: t('Right'), correct: true, feedback: t('Yes') },
            { text: t('Wrong'), feedback: t('No') },
          ],
        })),
      },
      {
        id: 'how',
        kind: 'checkin',
        minutes: 1,
        due: { offsetDays: 3 },
        title: t('How is it going'),
        question: t('How is {name} doing?'),
        options: [t('Well'), t('Not well')],
      },
      selfAssessmentInput('after', 'after'),
    ],
    ...overrides,
  });
}

export const TENANT = 'tenant-1';

export function enrollment(userId: string, overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    tenantId: TENANT,
    userId,
    programId: 'effect-test',
    programVersion: 1,
    status: 'active',
    enrolledAt: '2026-11-02T08:00:00.000Z',
    completedSteps: 0,
    totalSteps: 4,
    ...overrides,
  };
}

export function step(userId: string, stepId: string, overrides: Partial<StepState> = {}): StepState {
  return {
    tenantId: TENANT,
    userId,
    programId: 'effect-test',
    stepId,
    programVersion: 1,
    dueAt: '2026-11-02T08:00:00.000Z',
    status: 'sent',
    remindersSent: 0,
    attempts: 0,
    ...overrides,
  };
}
