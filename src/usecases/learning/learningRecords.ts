import type { LearningEvent, LearningRecord } from '../../domain/privacy/learningRecord.ts';
import type { QuizResult } from '../../domain/learning/quizScoring.ts';
import type { LoadedStep } from './stepAction.ts';

/** The answers (./answerStep.ts's StepAnswer) that change what was learned; the rest tell nothing. */
export type AnswerToRecord =
  | { kind: 'done'; loaded: LoadedStep; programCompleted: boolean }
  | {
      kind: 'quizScored';
      loaded: LoadedStep;
      result: Pick<QuizResult, 'score' | 'passed'>;
      attempt: number;
      attemptsLeft: number;
      programCompleted: boolean;
    }
  | {
      kind:
        | 'refused'
        | 'quizIncomplete'
        | 'quizRetry'
        | 'reflectionInvalid'
        | 'reviewAnswered'
        | 'reviewIncomplete'
        | 'selfAssessmentIncomplete';
    };

/**
 * What an answer to a card tells the learning record store: a lesson experienced, a quiz attempt
 * answered (and passed or failed when it finishes the quiz), a session attended, a guideline
 * acknowledged, a program completed. Reflections are not sent: their text stays in Drypp.
 */
export function learningRecordOf(
  answer: AnswerToRecord,
  at: Date,
  language?: string,
): LearningRecord | undefined {
  if (answer.kind !== 'done' && answer.kind !== 'quizScored') return undefined;
  const { enrollment, step, state } = answer.loaded;
  const programId = enrollment.programId;
  const events: LearningEvent[] = [];
  if (answer.kind === 'quizScored') {
    events.push({
      kind: 'quizAnswered',
      programId,
      stepId: step.id,
      attempt: answer.attempt,
      score: answer.result.score,
      passed: answer.result.passed,
      finished: answer.result.passed || answer.attemptsLeft === 0,
    });
  } else if (step.kind === 'lesson') {
    events.push({ kind: 'lessonExperienced', programId, stepId: step.id });
  } else if (step.kind === 'event') {
    events.push({ kind: 'sessionAttended', programId, stepId: step.id });
  } else if (step.kind === 'acknowledge') {
    events.push({ kind: 'guidelineAcknowledged', programId, stepId: step.id, textVersion: step.textVersion });
  }
  if (answer.programCompleted) events.push({ kind: 'programCompleted', programId });
  if (events.length === 0) return undefined;
  return {
    tenantId: enrollment.tenantId,
    personId: state.userId,
    at: at.toISOString(),
    ...(language ? { language } : {}),
    events,
  };
}
