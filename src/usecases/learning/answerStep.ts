import { afterReviewAnswer, startReview } from '../../domain/learning/spacedRepetition.ts';
import {
  scoreQuestion,
  scoreQuiz,
  type QuestionResult,
  type QuizResult,
} from '../../domain/learning/quizScoring.ts';
import { validateReflection } from '../../domain/learning/reflection.ts';
import type { QuizStep } from '../../domain/learning/program.ts';
import type { ReviewState } from '../../domain/learning/stepState.ts';
import type { LearningDeps } from './learningDeps.ts';
import { CONFLICT, retryOnConflict, type Conflict } from '../platform/retryOnConflict.ts';
import { learningRecordOf } from './learningRecords.ts';
import {
  loadStepForAction,
  saveStep,
  recordFirst,
  saveStepWithProgress,
  type LoadedStep,
  type Refusal,
  type StepActionRequest,
} from './stepAction.ts';

export type StepAnswer =
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'done'; loaded: LoadedStep; programCompleted: boolean; answer?: unknown }
  | {
      kind: 'quizIncomplete';
      loaded: LoadedStep;
      missing: string[];
      selected: Record<string, number[]>;
      attempt: number;
    }
  | {
      kind: 'quizScored';
      loaded: LoadedStep;
      result: QuizResult;
      /** Each question as scored, in the quiz's order: the presenter shows it, never scores again. */
      perQuestion: Array<{ questionId: string; chosen: number[]; scored: QuestionResult }>;
      attempt: number;
      attemptsLeft: number;
      reviewLater: boolean;
      programCompleted: boolean;
      selected: Record<string, number[]>;
    }
  | { kind: 'quizRetry'; loaded: LoadedStep; attempt: number }
  | {
      kind: 'reflectionInvalid';
      loaded: LoadedStep;
      reason: 'empty' | 'tooLong';
      text: string;
      share: boolean;
    }
  | {
      kind: 'reviewAnswered';
      loaded: LoadedStep;
      questionId: string;
      correct: boolean;
      /** The chosen options' feedback, as scored. */
      feedback: QuestionResult['feedback'];
      comesBackAgain: boolean;
      selected: number[];
    }
  | { kind: 'reviewIncomplete'; loaded: LoadedStep; questionId: string; reviewNumber: number }
  | {
      kind: 'selfAssessmentIncomplete';
      loaded: LoadedStep;
      /** Statements without a valid 1–5 rating, and the valid ones kept for the card. */
      missing: string[];
      kept: Record<string, number>;
    };

export type Deps = Pick<
  LearningDeps,
  'catalog' | 'progress' | 'steps' | 'dueWork' | 'clock' | 'learningRecords'
>;

/**
 * Lesson read, guideline acknowledged, attendance confirmed: the step is simply done. Each is its own
 * action, so a verb completes only its own kind of step; what is recorded comes from the server.
 */
async function completeStepOnce(
  deps: Deps,
  r: StepActionRequest,
  action: 'completeLesson' | 'acknowledge' | 'confirmAttendance',
  cardTextVersion?: string,
): Promise<Attempt> {
  const found = await loadStepForAction(deps, r, action);
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { loaded } = found;
  let answer: { textVersion: string } | undefined;
  if (loaded.step.kind === 'acknowledge') {
    // The text the person read must be the text the server holds now: a card showing an earlier
    // version is out of date, and what is recorded is the server's version, never the card's.
    if (cardTextVersion !== loaded.step.textVersion) return { kind: 'refused', refusal: 'oldVersion' };
    answer = { textVersion: loaded.step.textVersion };
  }
  const now = deps.clock.now();
  const saved = await saveStepWithProgress(
    deps,
    loaded,
    {
      ...loaded.state,
      status: 'done',
      doneAt: now.toISOString(),
      answer: answer === undefined ? undefined : JSON.stringify(answer),
    },
    now,
    (programCompleted) => learningRecordOf({ kind: 'done', loaded, programCompleted }, now, r.language),
  );
  if (!saved.saved) return CONFLICT;
  return { kind: 'done', loaded, programCompleted: saved.programCompleted, answer };
}

async function answerQuizOnce(
  deps: Deps,
  r: StepActionRequest & { attempt: number; selected: Record<string, number[]> },
): Promise<Attempt> {
  const found = await loadStepForAction(deps, r, 'answerQuiz');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { loaded } = found;
  const step = loaded.step as QuizStep;
  if (loaded.step.kind !== 'quiz') return { kind: 'refused', refusal: 'oldVersion' };
  // A replayed submit of an attempt already scored changes nothing.
  if (r.attempt !== loaded.state.attempts + 1) return { kind: 'refused', refusal: 'alreadyDone' };
  const missing = step.questions.filter((q) => !r.selected[q.id]?.length).map((q) => q.id);
  if (missing.length > 0)
    return { kind: 'quizIncomplete', loaded, missing, selected: r.selected, attempt: r.attempt };

  const now = deps.clock.now();
  const result = scoreQuiz(step, r.selected);
  const perQuestion = step.questions.map((q) => {
    const chosen = r.selected[q.id] ?? [];
    return { questionId: q.id, chosen, scored: scoreQuestion(q, chosen) };
  });
  const attemptsLeft = Math.max(step.allowedAttempts - r.attempt, 0);
  const finished = result.passed || attemptsLeft === 0;
  const reviewLater = finished && loaded.program.spacedRepetition && result.wrongQuestionIds.length > 0;
  const reviews: ReviewState[] = reviewLater
    ? result.wrongQuestionIds.map((id) => {
        const review = startReview(id, now);
        return { questionId: id, timesWrong: review.timesWrong, dueAt: review.dueAt.toISOString() };
      })
    : [];
  // Which questions were right: at the first attempt (what people knew) and now (what they learned).
  const right = JSON.stringify(perQuestion.filter((q) => q.scored.correct).map((q) => q.questionId));
  const next = {
    ...loaded.state,
    attempts: r.attempt,
    firstRight: loaded.state.firstRight ?? right,
    lastRight: right,
    firstScore: loaded.state.firstScore ?? result.score,
    lastScore: result.score,
    answer: JSON.stringify(r.selected),
    ...(finished
      ? { status: 'done' as const, doneAt: now.toISOString(), reviews: JSON.stringify(reviews) }
      : {}),
  };
  // A finished quiz counts as progress, written with it; an attempt with attempts left only changes the step.
  const recordOf = (programCompleted: boolean) =>
    learningRecordOf(
      { kind: 'quizScored', loaded, result, attempt: r.attempt, attemptsLeft, programCompleted },
      now,
      r.language,
    );
  const saved = finished
    ? await saveStepWithProgress(deps, loaded, next, now, recordOf)
    : await recordFirst(deps, recordOf(false)).then(async () => ({
        saved: await saveStep(deps, next),
        programCompleted: false,
      }));
  if (!saved.saved) return CONFLICT;
  for (const review of reviews) {
    await deps.dueWork.add({
      tenantId: r.tenantId,
      at: review.dueAt,
      userId: r.learnerId,
      programId: r.programId,
      stepId: r.stepId,
      kind: 'review',
      n: 1,
      questionId: review.questionId,
      round: loaded.enrollment.round,
    });
  }
  return {
    kind: 'quizScored',
    loaded,
    result,
    perQuestion,
    attempt: r.attempt,
    attemptsLeft,
    reviewLater,
    programCompleted: saved.programCompleted,
    selected: r.selected,
  };
}

/** "Try again" on a quiz result: the next attempt's card, if attempts are left. */
export async function retryQuiz(deps: Deps, r: StepActionRequest & { attempt: number }): Promise<StepAnswer> {
  const found = await loadStepForAction(deps, r, 'retryQuiz');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const step = found.loaded.step;
  if (
    step.kind !== 'quiz' ||
    r.attempt !== found.loaded.state.attempts + 1 ||
    r.attempt > step.allowedAttempts
  ) {
    return { kind: 'refused', refusal: 'alreadyDone' };
  }
  return { kind: 'quizRetry', loaded: found.loaded, attempt: r.attempt };
}

async function submitReflectionOnce(
  deps: Deps,
  r: StepActionRequest & { text: string; share: boolean },
): Promise<Attempt> {
  const found = await loadStepForAction(deps, r, 'submitReflection');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { loaded } = found;
  if (loaded.step.kind !== 'reflection') return { kind: 'refused', refusal: 'oldVersion' };
  const check = validateReflection(r.text, loaded.step.maxLength);
  if (!check.ok)
    return { kind: 'reflectionInvalid', loaded, reason: check.reason, text: r.text, share: r.share };
  const share = loaded.step.shareWithManager && r.share;
  const now = deps.clock.now();
  const saved = await saveStepWithProgress(
    deps,
    loaded,
    {
      ...loaded.state,
      status: 'done',
      doneAt: now.toISOString(),
      answer: JSON.stringify({ text: check.text }),
      sharedWithManager: share,
    },
    now,
    (programCompleted) => learningRecordOf({ kind: 'done', loaded, programCompleted }, now, r.language),
  );
  if (!saved.saved) return CONFLICT;
  return {
    kind: 'done',
    loaded,
    programCompleted: saved.programCompleted,
    answer: { text: check.text, shared: share },
  };
}

/** A question that came back (spaced repetition): right ends it, wrong brings it back later again. */
async function answerReviewOnce(
  deps: Deps,
  r: StepActionRequest & { questionId: string; reviewNumber: number; selected: number[] },
): Promise<Attempt> {
  const found = await loadStepForAction(deps, r, 'answerReview');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { loaded } = found;
  const question =
    loaded.step.kind === 'quiz' ? loaded.step.questions.find((q) => q.id === r.questionId) : undefined;
  const reviews: ReviewState[] = JSON.parse(loaded.state.reviews ?? '[]');
  const review = reviews.find((x) => x.questionId === r.questionId);
  // Answered already (right, or this round was answered): nothing changes.
  if (!question || !review || review.timesWrong !== r.reviewNumber)
    return { kind: 'refused', refusal: 'alreadyDone' };
  if (r.selected.length === 0)
    return { kind: 'reviewIncomplete', loaded, questionId: r.questionId, reviewNumber: r.reviewNumber };

  const now = deps.clock.now();
  const scored = scoreQuestion(question, r.selected);
  const correct = scored.correct;
  const outcome = afterReviewAnswer({ ...review, dueAt: new Date(review.dueAt) }, correct, now);
  const rest = reviews.filter((x) => x.questionId !== r.questionId);
  const next = outcome.done
    ? rest
    : [
        ...rest,
        { questionId: r.questionId, timesWrong: outcome.timesWrong, dueAt: outcome.dueAt.toISOString() },
      ];
  const saved = await saveStepWithProgress(
    deps,
    loaded,
    { ...loaded.state, reviews: JSON.stringify(next) },
    now,
  );
  if (!saved.saved) return CONFLICT;
  if (!outcome.done) {
    await deps.dueWork.add({
      tenantId: r.tenantId,
      at: outcome.dueAt.toISOString(),
      userId: r.learnerId,
      programId: r.programId,
      stepId: r.stepId,
      kind: 'review',
      n: outcome.timesWrong,
      questionId: r.questionId,
      round: loaded.enrollment.round,
    });
  }
  return {
    kind: 'reviewAnswered',
    loaded,
    questionId: r.questionId,
    correct,
    feedback: scored.feedback,
    comesBackAgain: !outcome.done,
    selected: r.selected,
  };
}

/**
 * The step row changed between reading and writing it. Usually the scheduler recording that it sent
 * the card, a moment before the person clicked; a double click also lands here. The whole action
 * runs again on what is stored now: a step that is now done is refused as "already done" because it
 * is, anything else is simply tried again. A race lost every time is an error, never "already done".
 */
export type Attempt = StepAnswer | Conflict;

export function retryOnChange<A extends unknown[]>(
  what: string,
  once: (deps: Deps, ...args: A) => Promise<Attempt>,
): (deps: Deps, ...args: A) => Promise<StepAnswer> {
  return async (deps, ...args) => {
    // The learning record store hears of an answer through a queue (xAPI), put there just before
    // the answer is saved (stepAction.ts, recordFirst).
    return retryOnConflict(what, () => once(deps, ...args));
  };
}

const completeOnce =
  (action: 'completeLesson' | 'confirmAttendance') =>
  (deps: Deps, r: StepActionRequest): Promise<Attempt> =>
    completeStepOnce(deps, r, action);

/** "Mark as done" on a lesson. */
export const completeLesson = retryOnChange('complete a lesson', completeOnce('completeLesson'));
/** "I attended" on an event the learner confirms themselves. */
export const confirmAttendance = retryOnChange('confirm attendance', completeOnce('confirmAttendance'));
/** "I have read and understood" on a guideline; `textVersion` is the version the card showed. */
export const acknowledgeGuideline = retryOnChange(
  'acknowledge a guideline',
  (deps: Deps, r: StepActionRequest & { textVersion: string }) =>
    completeStepOnce(deps, r, 'acknowledge', r.textVersion),
);
export const answerQuiz = retryOnChange('answer a quiz', answerQuizOnce);
export const submitReflection = retryOnChange('submit a reflection', submitReflectionOnce);
export const answerReview = retryOnChange('answer a review question', answerReviewOnce);
