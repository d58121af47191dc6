import { textFor, type QuizStep } from '../../../../domain/learning/program.ts';
import {
  executeButton,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../../platform/adaptiveCard.ts';
import { stepCardVerbs } from '../../../platform/cardVerbs.ts';
import { questionInput, questionOutcome, type QuestionOutcome } from './quizParts.ts';
import { inlineError, stepActionData, stepCard, type StepCardContext } from '../stepCardContext.ts';

export interface QuizCardOptions {
  attempt: number;
  /** Shown above the button when the answer could not be accepted, e.g. a question left unanswered. */
  error?: string;
  /** Option indexes per question id, so what the person chose is kept when the card comes back. */
  selected?: Record<string, number[]>;
}

/** The questions, answered in the card. */
export function quizCard(
  ctx: StepCardContext,
  step: QuizStep,
  options: QuizCardOptions = { attempt: 1 },
): AdaptiveCard {
  const { t, language } = ctx;
  const total = step.questions.length;
  return stepCard(
    ctx,
    textFor(step.title, language),
    [
      ...(options.attempt > 1
        ? [paragraph(t.step.quiz.attempt(options.attempt, step.allowedAttempts), { weight: 'Bolder' })]
        : []),
      paragraph(t.step.quiz.passMark(Math.round(step.passMark * 100)), { isSubtle: true, spacing: 'Small' }),
      ...step.questions.map((q, index) =>
        questionInput(t, language, q, { index, total }, options.selected?.[q.id]),
      ),
      ...inlineError(options.error),
    ],
    [
      executeButton(t.step.quiz.submit, stepCardVerbs.answerQuiz, {
        ...stepActionData(ctx),
        attempt: options.attempt,
      }),
    ],
  );
}

export interface QuizResultView {
  /** Questions answered right. */
  score: number;
  passed: boolean;
  /** The attempt just answered, from 1. */
  attempt: number;
  attemptsLeft: number;
  perQuestion: Array<{ questionId: string } & QuestionOutcome>;
  /** Whether wrongly answered questions come back later (spaced repetition). */
  reviewLater: boolean;
}

/** Replaces the quiz card once answered: inputs gone, ✓/✗ and feedback per question, the score. */
export function quizResultCard(ctx: StepCardContext, step: QuizStep, result: QuizResultView): AdaptiveCard {
  const { t, language } = ctx;
  const total = step.questions.length;
  const percent = total > 0 ? Math.round((result.score / total) * 100) : 0;
  const canRetry = !result.passed && result.attemptsLeft > 0;
  const anyWrong = result.perQuestion.some((q) => !q.correct);
  const outcomes = result.perQuestion.flatMap((outcome) => {
    const question = step.questions.find((q) => q.id === outcome.questionId);
    return question ? [questionOutcome(t, language, question, outcome)] : [];
  });
  const closing: CardElement[] = [
    ...(result.passed
      ? []
      : [paragraph(canRetry ? t.step.quiz.attemptsLeft(result.attemptsLeft) : t.step.quiz.noAttemptsLeft)]),
    ...(result.reviewLater && anyWrong ? [paragraph(t.step.quiz.reviewLater, { isSubtle: true })] : []),
  ];
  return stepCard(
    ctx,
    textFor(step.title, language),
    [
      paragraph(t.step.quiz.scored(result.score, total, percent, result.passed), {
        weight: 'Bolder',
        size: 'Medium',
        color: result.passed ? 'Good' : 'Attention',
      }),
      ...(result.attempt > 1
        ? [
            paragraph(t.step.quiz.attempt(result.attempt, step.allowedAttempts), {
              isSubtle: true,
              spacing: 'Small',
            }),
          ]
        : []),
      ...outcomes,
      ...closing,
    ],
    canRetry
      ? [
          executeButton(t.step.quiz.tryAgain, stepCardVerbs.retryQuiz, {
            ...stepActionData(ctx),
            attempt: result.attempt + 1,
          }),
        ]
      : [],
  );
}
