import type { AdaptiveCard } from '../src/cards/platform/adaptiveCard.ts';
import { stepCardVerbs, type StepCardVerb } from '../src/cards/platform/cardVerbs.ts';
import { acknowledgedCard } from '../src/cards/learning/steps/acknowledgeCard.ts';
import { programCompletedCard, stepDoneCard } from '../src/cards/learning/steps/completionCards.ts';
import { attendanceConfirmedCard } from '../src/cards/learning/steps/eventCard.ts';
import { outdatedCard } from '../src/cards/learning/steps/outdatedCard.ts';
import { quizCard, quizResultCard } from '../src/cards/learning/steps/quizCard.ts';
import { reflectionCard, reflectionSavedCard } from '../src/cards/learning/steps/reflectionCard.ts';
import { reviewQuestionCard, reviewResultCard } from '../src/cards/learning/steps/reviewCards.ts';
import { readQuizAnswers, stepActionSchemas } from '../src/cards/learning/steps/stepActionSchemas.ts';
import { scoreQuestion } from '../src/domain/learning/quizScoring.ts';
import { textFor } from '../src/domain/learning/program.ts';
import {
  answerQuiz,
  answerReview,
  completeStep,
  retryQuiz,
  submitReflection,
  type StepAnswer,
} from '../src/usecases/learning/answerStep.ts';
import type { LearningDeps } from '../src/usecases/learning/learningDeps.ts';
import { stepCardContext } from '../src/usecases/learning/stepCardContext.ts';
import type { StepActionRequest } from '../src/usecases/learning/stepAction.ts';
import type { ChatContext } from './chatContext.ts';
import type { CardActionResult } from './cardActions.ts';

/**
 * Step card actions: parse the verb's data, call the use case, and turn its outcome into the card
 * that replaces the one clicked. Anything refused changes nothing and says why.
 */
export async function runStepAction(
  deps: LearningDeps,
  chat: ChatContext,
  verb: StepCardVerb,
  rawData: unknown,
): Promise<CardActionResult> {
  const parsed = stepActionSchemas[verb].safeParse(rawData ?? {});
  if (!parsed.success || !chat.tenantId || !chat.userId)
    return { kind: 'card', card: outdatedCard(chat.t, 'unknown') };
  const data = parsed.data as Record<string, unknown> & StepActionRequest;
  const request: StepActionRequest = {
    tenantId: chat.tenantId,
    actorId: chat.userId,
    programId: data.programId,
    programVersion: data.programVersion,
    stepId: data.stepId,
    learnerId: data.learnerId,
  };

  let answer: StepAnswer;
  switch (verb) {
    case stepCardVerbs.completeStep:
    case stepCardVerbs.confirmAttendance:
      answer = await completeStep(deps, request);
      break;
    case stepCardVerbs.acknowledge:
      answer = await completeStep(deps, request, { textVersion: data.textVersion });
      break;
    case stepCardVerbs.answerQuiz: {
      const program = deps.catalog.find(request.programId);
      const step = program?.steps.find((s) => s.id === request.stepId);
      const questions = step?.kind === 'quiz' ? step.questions : [];
      answer = await answerQuiz(deps, {
        ...request,
        attempt: Number(data.attempt),
        selected: readQuizAnswers(data, questions),
      });
      break;
    }
    case stepCardVerbs.retryQuiz:
      answer = await retryQuiz(deps, { ...request, attempt: Number(data.attempt) });
      break;
    case stepCardVerbs.submitReflection:
      answer = await submitReflection(deps, {
        ...request,
        text: String(data.reflection ?? ''),
        share: Boolean(data.shareWithManager),
      });
      break;
    case stepCardVerbs.answerReview: {
      const program = deps.catalog.find(request.programId);
      const step = program?.steps.find((s) => s.id === request.stepId);
      const question = step?.kind === 'quiz' ? step.questions.filter((q) => q.id === data.questionId) : [];
      const selected = readQuizAnswers(data, question)[String(data.questionId)] ?? [];
      answer = await answerReview(deps, {
        ...request,
        questionId: String(data.questionId),
        reviewNumber: Number(data.reviewNumber),
        selected,
      });
      break;
    }
  }
  if (answer.kind === 'refused') {
    // A double click or someone else's click leaves the card as it is and says why in a note under it;
    // a card from an old version or a finished program is replaced by an explanation.
    const { refusal } = answer;
    if (refusal === 'alreadyDone' || refusal === 'notYours') {
      return { kind: 'note', text: `${chat.t.outdated[refusal].body} ${chat.t.outdated.nothingChanged}` };
    }
    return { kind: 'card', card: outdatedCard(chat.t, refusal) };
  }
  return { kind: 'card', card: await present(deps, chat, answer) };
}

async function present(
  deps: LearningDeps,
  chat: ChatContext,
  answer: Exclude<StepAnswer, { kind: 'refused' }>,
): Promise<AdaptiveCard> {
  const { program, step, enrollment, state } = answer.loaded;
  const learner = { userId: enrollment.userId, language: chat.language, timeZone: enrollment.timeZone };
  const ctx = stepCardContext(program, step, learner, state.dueAt);
  const t = chat.t;
  const programCompleted = 'programCompleted' in answer && answer.programCompleted;
  if (programCompleted) await chat.sendCard(programCompletedCard(t, ctx.programTitle));

  switch (answer.kind) {
    case 'done':
      if (step.kind === 'reflection') {
        const saved = answer.answer as { text: string; shared: boolean };
        return reflectionSavedCard(ctx, step, saved.text, saved.shared);
      }
      if (step.kind === 'acknowledge') {
        const at = new Intl.DateTimeFormat(t.step.dateLocale, {
          dateStyle: 'long',
          timeZone: enrollment.timeZone ?? 'UTC',
        }).format(deps.clock.now());
        return acknowledgedCard(ctx, step, at);
      }
      if (step.kind === 'event') return attendanceConfirmedCard(ctx, step);
      return stepDoneCard(ctx, textFor(step.title, chat.language));
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
      const perQuestion = step.questions.map((q) => {
        const chosen = answer.selected[q.id] ?? [];
        const scored = scoreQuestion(q, chosen);
        const feedback = scored.feedback.flatMap((f) => (f.text ? [textFor(f.text, chat.language)] : []));
        return { questionId: q.id, correct: scored.correct, chosen, feedback };
      });
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
      const feedback = scoreQuestion(question, answer.selected).feedback.flatMap((f) =>
        f.text ? [textFor(f.text, chat.language)] : [],
      );
      return reviewResultCard(ctx, question, answer.correct, feedback, answer.comesBackAgain);
    }
  }
  return outdatedCard(t, 'unknown');
}
