// Spaced repetition: a quiz question answered wrongly comes back after growing intervals until it
// is answered right. Pure: the moment of the answer is passed in.

/** Days until a wrongly answered question returns: after the 1st, 2nd and 3rd or later wrong answer. */
export const DEFAULT_INTERVALS_DAYS: readonly number[] = [2, 7, 16];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a question answered wrongly for the `timesWrong`-th time comes back: 1 → the first interval,
 * 2 → the second, and so on; past the end, the last interval again. Whole 24-hour days: the
 * delivery policy (`nextDeliverySlot`) then places the card in the person's working hours.
 */
export function nextReviewAt(
  answeredWrongAt: Date,
  timesWrong: number,
  intervalsDays: readonly number[] = DEFAULT_INTERVALS_DAYS,
): Date {
  if (intervalsDays.length === 0) throw new RangeError('spaced repetition needs at least one interval');
  const index = Math.min(Math.max(Math.floor(timesWrong), 1), intervalsDays.length) - 1;
  return new Date(answeredWrongAt.getTime() + intervalsDays[index]! * DAY_MS);
}

/** A question waiting to be asked again. */
export interface ReviewState {
  questionId: string;
  /** How many times it has been answered wrongly, the first quiz attempt included. */
  timesWrong: number;
  dueAt: Date;
}

export type ReviewOutcome = { done: true } | { done: false; dueAt: Date; timesWrong: number };

/** The review that starts when a quiz question is answered wrongly for the first time. */
export function startReview(
  questionId: string,
  answeredWrongAt: Date,
  intervalsDays: readonly number[] = DEFAULT_INTERVALS_DAYS,
): ReviewState {
  return { questionId, timesWrong: 1, dueAt: nextReviewAt(answeredWrongAt, 1, intervalsDays) };
}

/** Right: the question is done. Wrong again: it comes back after the next, longer interval. */
export function afterReviewAnswer(
  state: ReviewState,
  correct: boolean,
  at: Date,
  intervalsDays: readonly number[] = DEFAULT_INTERVALS_DAYS,
): ReviewOutcome {
  if (correct) return { done: true };
  const timesWrong = state.timesWrong + 1;
  return { done: false, timesWrong, dueAt: nextReviewAt(at, timesWrong, intervalsDays) };
}

/** The reviews due at `now`, earliest first. */
export function dueReviews(states: readonly ReviewState[], now: Date): ReviewState[] {
  return states.filter((s) => s.dueAt <= now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
