import { stepCardVerbs, type StepCardVerb } from '../src/cards/platform/cardVerbs.ts';
import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import { presentStepAnswer } from '../src/cards/learning/presenters/stepAnswerPresenter.ts';
import { outdatedCard } from '../src/cards/learning/steps/outdatedCard.ts';
import { readQuizAnswers, stepActionSchemas } from '../src/cards/learning/steps/stepActionSchemas.ts';
import {
  answerQuiz,
  answerReview,
  completeStep,
  retryQuiz,
  submitReflection,
  type StepAnswer,
} from '../src/usecases/learning/answerStep.ts';
import type { LearningDeps } from '../src/usecases/learning/learningDeps.ts';
import type { StepActionRequest } from '../src/usecases/learning/stepAction.ts';
import type { ChatContext } from './chatContext.ts';

/**
 * Step card actions: parse the verb's data, call the use case, and hand its outcome to the presenter
 * (src/cards/learning/presenters/stepAnswerPresenter.ts), whose card replaces the one clicked.
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
  const presentation = presentStepAnswer(answer, chat, deps.clock.now());
  for (const card of presentation.postFirst) await chat.sendCard(card);
  return presentation.result;
}
