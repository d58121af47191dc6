import { stepCardVerbs, type StepCardVerb } from '../src/cards/platform/cardVerbs.ts';
import type { CardActionResult } from '../src/cards/platform/cardActionResult.ts';
import { presentStepAnswer } from '../src/cards/learning/presenters/stepAnswerPresenter.ts';
import { outdatedCard } from '../src/cards/learning/steps/outdatedCard.ts';
import {
  readQuizAnswers,
  stepActionSchemas,
  type StepActionDataOf,
} from '../src/cards/learning/steps/stepActionSchemas.ts';
import type { Actor } from '../src/domain/access/index.ts';
import {
  acknowledgeGuideline,
  answerQuiz,
  answerReview,
  completeLesson,
  confirmAttendance,
  retryQuiz,
  submitReflection,
  type StepAnswer,
} from '../src/usecases/learning/answerStep.ts';
import type { LearningDeps } from '../src/usecases/learning/learningDeps.ts';
import type { StepActionRequest } from '../src/usecases/learning/stepAction.ts';
import type { ChatContext } from './chatContext.ts';
import { answerSelfAssessment } from '../src/usecases/learning/answerSelfAssessment.ts';
import { answerPulse } from '../src/usecases/learning/answerPulse.ts';
import { presentPulseAnswer } from '../src/cards/learning/presenters/pulsePresenter.ts';
import { oneAtATime } from '../src/usecases/platform/oneAtATime.ts';

/** A person's answers to one program, taken one at a time in this process (see oneAtATime). */
const answersToOneProgram = oneAtATime();

/**
 * Step card actions: parse the verb's data (types and limits: stepActionSchemas.ts), call the one use
 * case of that verb with the parsed data and the actor of this turn, and hand its outcome to the
 * presenter (src/cards/learning/presenters/stepAnswerPresenter.ts), whose card replaces the one clicked.
 */
export async function runStepAction(
  deps: LearningDeps,
  chat: ChatContext,
  verb: StepCardVerb,
  rawData: unknown,
): Promise<CardActionResult> {
  const actor = chat.actor;
  const parsed = stepActionSchemas[verb].safeParse(rawData ?? {});
  if (!parsed.success || !actor) {
    chat.log.warn({ verb, problems: parsed.error?.issues.length ?? 0 }, 'card action data refused');
    return { kind: 'card', card: outdatedCard(chat.t, 'unknown') };
  }
  const { programId } = parsed.data as { programId: string };
  return answersToOneProgram(`${actor.tenantId}|${actor.userId}|${programId}`, () =>
    runParsedStepAction(deps, chat, verb, actor, parsed.data),
  );
}

async function runParsedStepAction(
  deps: LearningDeps,
  chat: ChatContext,
  verb: StepCardVerb,
  actor: Actor,
  data: StepActionDataOf<StepCardVerb>,
): Promise<CardActionResult> {
  if (verb === stepCardVerbs.answerPulse) {
    // "Useful?" answers with a note under the card: the item's own result stays as it is.
    const d = data as StepActionDataOf<'answerPulse'>;
    const outcome = await answerPulse(deps, {
      ...requestOf(actor, d, chat.language),
      useful: d.useful,
      comment: d.pulseComment,
    });
    return presentPulseAnswer(outcome, chat);
  }
  const answer = await answerFor(deps, actor, verb, data, chat.language);
  const presentation = presentStepAnswer(answer, chat, deps.clock.now());
  for (const card of presentation.postFirst) await chat.sendCard(card);
  return presentation.result;
}

/** Each verb calls exactly one use case: the verb table of step cards. */
async function answerFor(
  deps: LearningDeps,
  actor: Actor,
  verb: StepCardVerb,
  data: StepActionDataOf<StepCardVerb>,
  language: string,
): Promise<StepAnswer> {
  const request = requestOf(actor, data, language);
  switch (verb) {
    case stepCardVerbs.completeStep:
      return completeLesson(deps, request);
    case stepCardVerbs.confirmAttendance:
      return confirmAttendance(deps, request);
    case stepCardVerbs.acknowledge: {
      const d = data as StepActionDataOf<'acknowledge'>;
      return acknowledgeGuideline(deps, { ...request, textVersion: d.textVersion });
    }
    case stepCardVerbs.answerQuiz: {
      const d = data as StepActionDataOf<'answerQuiz'>;
      return answerQuiz(deps, {
        ...request,
        attempt: d.attempt,
        selected: readQuizAnswers(d.choices, questionsOf(deps, request)),
      });
    }
    case stepCardVerbs.retryQuiz: {
      const d = data as StepActionDataOf<'retryQuiz'>;
      return retryQuiz(deps, { ...request, attempt: d.attempt });
    }
    case stepCardVerbs.submitReflection: {
      const d = data as StepActionDataOf<'submitReflection'>;
      return submitReflection(deps, { ...request, text: d.reflection, share: d.shareWithManager });
    }
    case stepCardVerbs.answerSelfAssessment: {
      const d = data as StepActionDataOf<'answerSelfAssessment'>;
      return answerSelfAssessment(deps, { ...request, ratings: d.ratings });
    }
    case stepCardVerbs.answerPulse:
      // Handled above: a pulse is not a step answer.
      return { kind: 'refused', refusal: 'unknown' };
    case stepCardVerbs.answerReview: {
      const d = data as StepActionDataOf<'answerReview'>;
      const question = questionsOf(deps, request).filter((q) => q.id === d.questionId);
      return answerReview(deps, {
        ...request,
        questionId: d.questionId,
        reviewNumber: d.reviewNumber,
        selected: readQuizAnswers(d.choices, question)[d.questionId] ?? [],
      });
    }
  }
}

function requestOf(
  actor: Actor,
  data: Pick<StepActionRequest, 'programId' | 'programVersion' | 'stepId' | 'learnerId'>,
  language?: string,
): StepActionRequest {
  return {
    language,
    actor,
    tenantId: actor.tenantId,
    programId: data.programId,
    programVersion: data.programVersion,
    stepId: data.stepId,
    learnerId: data.learnerId,
  };
}

/** The questions of the quiz the card names (none for any other step): only their answers are read. */
function questionsOf(deps: LearningDeps, r: StepActionRequest) {
  const step = deps.catalog.find(r.programId)?.steps.find((s) => s.id === r.stepId);
  return step?.kind === 'quiz' ? step.questions : [];
}
