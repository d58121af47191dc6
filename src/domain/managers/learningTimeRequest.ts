// A learning-time request: a learner asks their manager for time set aside to learn. Pure: the
// state machine, the validation of what was typed, and the calendar block an approval books.
import { DateTime } from 'luxon';

export type LearningTimeStatus = 'pending' | 'approved' | 'denied' | 'cancelled';
export type LearningTimeDecision = 'approve' | 'deny';

/** What the time is for: one of the learner's programs, or a line of their own. */
export type LearningPurpose = { kind: 'program'; programId: string } | { kind: 'text'; text: string };

/** Whether the approved time is in the learner's calendar yet (a job books it, see the use cases). */
export type BookingStatus = 'waiting' | 'booked' | 'failed';

export interface LearningTimeRequest {
  tenantId: string;
  id: string;
  learnerId: string;
  /** The learner's manager when they asked: the one who gets the card. */
  managerId: string;
  /** The local day the time is for (YYYY-MM-DD, learner's time zone). */
  date: string;
  minutes: number;
  purpose: LearningPurpose;
  status: LearningTimeStatus;
  createdAt: string;
  timeZone: string;
  decidedAt?: string;
  decidedBy?: string;
  /** Where it was decided: the card in chat or the tab. */
  decidedIn?: 'card' | 'tab';
  comment?: string;
  booking?: BookingStatus;
  eventId?: string;
  bookingFailure?: string;
  /** Follow-up still to do (cards, booking); the follow-up job clears it when all is done. */
  followUp: boolean;
  /** Not before this (after a failed round), and how often it failed, with the last reason. */
  followUpAfter?: string;
  followUpAttempts?: number;
  followUpFailure?: string;
  managerCardSent?: boolean;
  learnerCardSent?: boolean;
  etag?: string;
}

export const LEARNING_TIME_LIMITS = {
  minMinutes: 15,
  maxMinutes: 480,
  purposeMaxLength: 200,
  commentMaxLength: 500,
  /** How far ahead one may ask. */
  maxDaysAhead: 365,
} as const;

/** The learning block starts at this local time on the day asked for. */
export const LEARNING_BLOCK_START = '09:00';

export type LearningTimeInputProblem =
  | 'dateMissing'
  | 'dateInvalid'
  | 'dateInPast'
  | 'dateTooFar'
  | 'minutesInvalid'
  | 'minutesOutOfRange'
  | 'purposeMissing'
  | 'purposeTooLong'
  | 'programNotYours';

export interface LearningTimeInput {
  date?: string;
  minutes?: string | number;
  /** A program id of the learner's, or '' / 'other' for free text. */
  programId?: string;
  text?: string;
}

export interface ValidLearningTimeInput {
  date: string;
  minutes: number;
  purpose: LearningPurpose;
}

export type LearningTimeValidation =
  | { ok: true; value: ValidLearningTimeInput }
  | { ok: false; problems: Partial<Record<'date' | 'minutes' | 'purpose', LearningTimeInputProblem>> };

/**
 * Checks what the learner typed: a day from today (in their zone) up to a year ahead, 15 to 480
 * minutes, and either one of their own programs or a short line of text. Every problem at once.
 */
export function validateLearningTimeInput(
  input: LearningTimeInput,
  context: { today: string; programIds: readonly string[] },
): LearningTimeValidation {
  const problems: Partial<Record<'date' | 'minutes' | 'purpose', LearningTimeInputProblem>> = {};
  const dateText = (input.date ?? '').trim();
  const day = DateTime.fromISO(dateText, { zone: 'UTC' });
  const today = DateTime.fromISO(context.today, { zone: 'UTC' });
  if (dateText === '') problems.date = 'dateMissing';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText) || !day.isValid) problems.date = 'dateInvalid';
  else if (day < today) problems.date = 'dateInPast';
  else if (day.diff(today, 'days').days > LEARNING_TIME_LIMITS.maxDaysAhead) problems.date = 'dateTooFar';

  const minutesText = String(input.minutes ?? '').trim();
  const minutes = Number(minutesText);
  if (minutesText === '' || !Number.isInteger(minutes)) problems.minutes = 'minutesInvalid';
  else if (minutes < LEARNING_TIME_LIMITS.minMinutes || minutes > LEARNING_TIME_LIMITS.maxMinutes)
    problems.minutes = 'minutesOutOfRange';

  const programId = (input.programId ?? '').trim();
  const text = (input.text ?? '').trim();
  let purpose: LearningPurpose | undefined;
  if (programId !== '' && programId !== OTHER_PURPOSE) {
    if (context.programIds.includes(programId)) purpose = { kind: 'program', programId };
    else problems.purpose = 'programNotYours';
  } else if (text === '') problems.purpose = 'purposeMissing';
  else if ([...text].length > LEARNING_TIME_LIMITS.purposeMaxLength) problems.purpose = 'purposeTooLong';
  else purpose = { kind: 'text', text };

  if (Object.keys(problems).length > 0 || !purpose) return { ok: false, problems };
  return { ok: true, value: { date: day.toISODate()!, minutes, purpose } };
}

/** The choice in the "what for" list that means "something else, I will write it". */
export const OTHER_PURPOSE = 'other';

export type DecideOutcome =
  | { kind: 'decided'; request: LearningTimeRequest }
  | { kind: 'alreadyDecided'; request: LearningTimeRequest };

/**
 * pending → approved | denied. The first decision wins: a request that is no longer pending is
 * returned as it is, so the second surface shows what the first one decided.
 */
export function decideRequest(
  request: LearningTimeRequest,
  decision: { verdict: LearningTimeDecision; by: string; comment?: string; in: 'card' | 'tab' },
  now: Date,
): DecideOutcome {
  if (request.status !== 'pending') return { kind: 'alreadyDecided', request };
  const approved = decision.verdict === 'approve';
  const comment = decision.comment?.trim();
  return {
    kind: 'decided',
    request: {
      ...request,
      status: approved ? 'approved' : 'denied',
      decidedAt: now.toISOString(),
      decidedBy: decision.by,
      decidedIn: decision.in,
      ...(comment ? { comment } : {}),
      ...(approved ? { booking: 'waiting' as const } : {}),
      followUp: true,
    },
  };
}

/** pending → cancelled, by the learner; anything decided stays as it is. */
export function cancelRequest(
  request: LearningTimeRequest,
  now: Date,
):
  | { kind: 'cancelled'; request: LearningTimeRequest }
  | { kind: 'alreadyDecided'; request: LearningTimeRequest } {
  if (request.status !== 'pending') return { kind: 'alreadyDecided', request };
  return {
    kind: 'cancelled',
    request: { ...request, status: 'cancelled', decidedAt: now.toISOString(), followUp: true },
  };
}

/** What the follow-up job still has to do for a request, in order. */
export type FollowUpTask = 'sendManagerCard' | 'sendLearnerCard' | 'book';

export function followUpTasks(request: LearningTimeRequest): FollowUpTask[] {
  const tasks: FollowUpTask[] = [];
  // A request cancelled or decided before its card went out needs no card to the manager any more:
  // the card would only say it is settled.
  if (!request.managerCardSent && request.status === 'pending') tasks.push('sendManagerCard');
  if (request.status === 'approved' && request.booking === 'waiting') tasks.push('book');
  if ((request.status === 'approved' || request.status === 'denied') && !request.learnerCardSent)
    tasks.push('sendLearnerCard');
  return tasks;
}

/**
 * The calendar block of an approved request: the day asked for, from 09:00 local for the minutes
 * approved, as Graph wants it (local date-time and the zone). The transaction id is the request's
 * own, so a retried POST is dropped by Graph as a duplicate.
 */
export function calendarBlock(request: LearningTimeRequest): {
  start: string;
  end: string;
  timeZone: string;
  transactionId: string;
} {
  const [hour, minute] = LEARNING_BLOCK_START.split(':').map(Number);
  const start = DateTime.fromISO(request.date, { zone: 'UTC' }).set({ hour, minute });
  const end = start.plus({ minutes: request.minutes });
  const local = "yyyy-MM-dd'T'HH:mm:ss";
  return {
    start: start.toFormat(local),
    end: end.toFormat(local),
    timeZone: request.timeZone,
    transactionId: learningTimeTransactionId(request),
  };
}

/** Deterministic per request: the same request always books under the same id. */
export function learningTimeTransactionId(request: Pick<LearningTimeRequest, 'tenantId' | 'id'>): string {
  return `drypp-learning-time-${request.id}`;
}
