import type { QuizQuestion } from '../../../../domain/learning/program.ts';
import { executeButton, paragraph, type AdaptiveCard } from '../../../platform/adaptiveCard.ts';
import { stepCardVerbs } from '../../../platform/cardVerbs.ts';
import { questionInput, questionOutcome } from './quizParts.ts';
import { inlineError, stepActionData, stepCard, type StepCardContext } from '../stepCardContext.ts';

/**
 * A quiz question answered wrongly, back for another try (spaced repetition). `ctx.stepId` is the quiz
 * step; `reviewNumber` counts the returns of this question, so a replayed answer is recognised.
 */
export function reviewQuestionCard(
  ctx: StepCardContext,
  question: QuizQuestion,
  reviewNumber: number,
  options: { error?: string; selected?: number[] } = {},
): AdaptiveCard {
  const { t, language } = ctx;
  return stepCard(
    ctx,
    t.step.review.title,
    [
      paragraph(t.step.review.intro),
      questionInput(t, language, question, { index: 0, total: 1 }, options.selected),
      ...inlineError(options.error),
    ],
    [
      executeButton(t.step.review.submit, stepCardVerbs.answerReview, {
        ...stepActionData(ctx),
        questionId: question.id,
        reviewNumber,
      }),
    ],
    { kicker: t.step.review.kicker },
  );
}

/** Replaces the review card once answered: right or not, the feedback, and whether it comes back again. */
export function reviewResultCard(
  ctx: StepCardContext,
  question: QuizQuestion,
  correct: boolean,
  feedback: string[],
  comesBackAgain: boolean,
): AdaptiveCard {
  const { t, language } = ctx;
  return stepCard(
    ctx,
    t.step.review.title,
    [
      paragraph(correct ? t.step.review.correct : t.step.review.wrong, {
        weight: 'Bolder',
        color: correct ? 'Good' : 'Attention',
      }),
      questionOutcome(t, language, question, { correct, chosen: [], feedback }, { showChosen: false }),
      paragraph(comesBackAgain ? t.step.review.comesBackAgain : t.step.review.learned, { isSubtle: true }),
    ],
    [],
    { kicker: t.step.review.kicker },
  );
}
