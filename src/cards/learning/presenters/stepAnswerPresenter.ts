import type { AdaptiveCard } from '../../platform/adaptiveCard.ts';
import type { CardActionResult } from '../../platform/cardActionResult.ts';
import { acknowledgedCard } from '../steps/acknowledgeCard.ts';
import { programCompletedCard, stepDoneCard } from '../steps/completionCards.ts';
import { attendanceConfirmedCard } from '../steps/eventCard.ts';
import { outdatedCard } from '../steps/outdatedCard.ts';
import { quizCard, quizResultCard } from '../steps/quiz/quizCard.ts';
import { reflectionCard, reflectionSavedCard } from '../steps/reflectionCard.ts';
import { reviewQuestionCard, reviewResultCard } from '../steps/quiz/reviewCards.ts';
import type { OptionFeedback } from '../../../domain/learning/quizScoring.ts';
import { textFor } from '../../../domain/learning/program.ts';
import type { Language } from '../../../domain/platform/language.ts';
import type { Messages } from '../../../messages/catalog.ts';
import type { StepAnswer } from '../../../usecases/learning/answerStep.ts';
import { stepCardContext } from './stepView.ts';
import { selfAssessmentCard, selfAssessmentSavedCard } from '../steps/selfAssessmentCard.ts';
import { pulseElement } from '../steps/pulseParts.ts';
import { dateFormat } from '../../platform/dateFormats.ts';

/** Who is looking at the answer: the clicker's language and catalogue. */
export interface Viewer {
  language: Language;
  t: Messages;
}

/**
 * The answer to a step card action: what replaces the card clicked, and cards to post first as new
 * messages (the "program completed" card).
 */
export interface StepAnswerPresentation {
  result: CardActionResult;
  postFirst: AdaptiveCard[];
}

/** Turns a step use case's outcome into cards. Anything refused changes nothing and says why. */
export function presentStepAnswer(answer: StepAnswer, viewer: Viewer, now: Date): StepAnswerPresentation {
  const { t } = viewer;
  if (answer.kind === 'refused') {
    // A double click or someone else's click leaves the card as it is and says why in a note under it;
    // a card from an old version or a finished program is replaced by an explanation.
    const { refusal } = answer;
    if (refusal === 'alreadyDone' || refusal === 'notYours') {
      return {
        result: { kind: 'note', text: `${t.outdated[refusal].body} ${t.outdated.nothingChanged}` },
        postFirst: [],
      };
    }
    return { result: { kind: 'card', card: outdatedCard(t, refusal) }, postFirst: [] };
  }
  const { program, step, enrollment, state } = answer.loaded;
  const learner = { userId: enrollment.userId, language: viewer.language, timeZone: enrollment.timeZone };
  const ctx = stepCardContext(program, step, learner, state.dueAt);
  const programCompleted = 'programCompleted' in answer && answer.programCompleted;
  const replacement = replacementCard(answer, viewer, ctx, now);
  return {
    result: { kind: 'card', card: asksForPulse(answer) ? withPulse(replacement, ctx) : replacement },
    postFirst: programCompleted ? [programCompletedCard(t, ctx.programTitle)] : [],
  };
}

/** A finished item people learn from (not a self-assessment, itself a measurement) asks "useful?". */
function asksForPulse(answer: Exclude<StepAnswer, { kind: 'refused' }>): boolean {
  const kind = answer.loaded.step.kind;
  if (kind === 'self-assessment' || kind === 'checkin') return false;
  if (answer.kind === 'done') return true;
  return answer.kind === 'quizScored' && (answer.result.passed || answer.attemptsLeft === 0);
}

function withPulse(card: AdaptiveCard, ctx: ReturnType<typeof stepCardContext>): AdaptiveCard {
  return { ...card, body: [...card.body, pulseElement(ctx)] };
}

function replacementCard(
  answer: Exclude<StepAnswer, { kind: 'refused' }>,
  viewer: Viewer,
  ctx: ReturnType<typeof stepCardContext>,
  now: Date,
): AdaptiveCard {
  const { step, enrollment } = answer.loaded;
  const { t, language } = viewer;
  switch (answer.kind) {
    case 'done':
      if (step.kind === 'reflection') {
        const saved = answer.answer as { text: string; shared: boolean };
        return reflectionSavedCard(ctx, step, saved.text, saved.shared);
      }
      if (step.kind === 'acknowledge') {
        const at = dateFormat(t.step.dateLocale, {
          dateStyle: 'long',
          timeZone: enrollment.timeZone ?? 'UTC',
        }).format(now);
        return acknowledgedCard(ctx, step, at);
      }
      if (step.kind === 'event') return attendanceConfirmedCard(ctx, step);
      if (step.kind === 'self-assessment') {
        const saved = answer.answer as { ratings: Record<string, number> };
        return selfAssessmentSavedCard(ctx, step, saved.ratings);
      }
      return stepDoneCard(ctx, textFor(step.title, language));
    case 'quizIncomplete':
      if (step.kind !== 'quiz') break;
      return quizCard(ctx, step, {
        attempt: answer.attempt,
        error: t.step.quiz.chooseAnswer,
        selected: answer.selected,
      });
    case 'quizRetry':
      if (step.kind !== 'quiz') break;
      return quizCard(ctx, step, { attempt: answer.attempt });
    case 'quizScored': {
      if (step.kind !== 'quiz') break;
      // Scored by the use case; the card only shows it.
      const perQuestion = answer.perQuestion.map(({ questionId, chosen, scored }) => ({
        questionId,
        correct: scored.correct,
        chosen,
        feedback: feedbackTexts(scored.feedback, language),
      }));
      return quizResultCard(ctx, step, {
        score: perQuestion.filter((q) => q.correct).length,
        passed: answer.result.passed,
        attempt: answer.attempt,
        attemptsLeft: answer.attemptsLeft,
        perQuestion,
        reviewLater: answer.reviewLater,
      });
    }
    case 'reflectionInvalid': {
      if (step.kind !== 'reflection') break;
      const error =
        answer.reason === 'empty'
          ? t.step.reflection.empty
          : t.step.reflection.tooLong([...answer.text.trim()].length, step.maxLength);
      return reflectionCard(ctx, step, { error, text: answer.text, share: answer.share });
    }
    case 'selfAssessmentIncomplete':
      if (step.kind !== 'self-assessment') break;
      return selfAssessmentCard(ctx, step, {
        error: t.effect.selfAssessment.missing(answer.missing.length),
        kept: answer.kept,
        missing: answer.missing,
      });
    case 'reviewIncomplete': {
      const question =
        step.kind === 'quiz' ? step.questions.find((q) => q.id === answer.questionId) : undefined;
      if (!question) break;
      return reviewQuestionCard(ctx, question, answer.reviewNumber, { error: t.step.quiz.chooseAnswer });
    }
    case 'reviewAnswered': {
      const question =
        step.kind === 'quiz' ? step.questions.find((q) => q.id === answer.questionId) : undefined;
      if (!question) break;
      const feedback = feedbackTexts(answer.feedback, language);
      return reviewResultCard(ctx, question, answer.correct, feedback, answer.comesBackAgain);
    }
  }
  return outdatedCard(t, 'unknown');
}

/** The chosen options' feedback in the viewer's language (options without feedback say nothing). */
function feedbackTexts(feedback: OptionFeedback[], language: string): string[] {
  return feedback.flatMap((f) => (f.text ? [textFor(f.text, language)] : []));
}
