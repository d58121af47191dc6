import type {
  EnrollmentStatusView,
  LearningTimeProblem,
  LearningTimeRequestView,
  ReachabilityStageView,
  RequirementStatusView,
  StepKindView,
} from '../../../src/http/tabs/contract.ts';
import type { Messages } from '../messages/index.ts';

/** Contract codes to the person's words. */

export const statusLabel = (t: Messages, s: EnrollmentStatusView): string =>
  ({
    active: t.statusActive,
    completed: t.statusCompleted,
    withdrawn: t.statusWithdrawn,
    expired: t.statusExpired,
  })[s];

export const kindLabel = (t: Messages, k: StepKindView): string =>
  ({
    lesson: t.kindLesson,
    quiz: t.kindQuiz,
    reflection: t.kindReflection,
    acknowledge: t.kindAcknowledge,
    event: t.kindEvent,
    checkin: t.kindCheckin,
    'self-assessment': t.kindSelfAssessment,
    practical: t.kindPractical,
  })[k];

export const reachLabel = (t: Messages, r: ReachabilityStageView | undefined): string =>
  r === undefined
    ? t.reachOk
    : {
        detected: t.reachDetected,
        appInstalled: t.reachAppInstalled,
        chatKnown: t.reachChatKnown,
        firstCardDelivered: t.reachFirstCard,
        notReachable: t.reachNotReachable,
      }[r];

export const requestStatusLabel = (t: Messages, r: LearningTimeRequestView): string => {
  if (r.status === 'pending') return t.requestStatusPending;
  if (r.status === 'denied') return t.requestStatusDenied;
  if (r.status === 'cancelled') return t.requestStatusCancelled;
  const calendar =
    r.calendar === 'booked'
      ? t.calendarBooked
      : r.calendar === 'failed'
        ? t.calendarFailed
        : r.calendar === 'booking'
          ? t.calendarBooking
          : undefined;
  return calendar ? `${t.requestStatusApproved} · ${calendar}` : t.requestStatusApproved;
};

/** The learning-time limits the server checks (src/domain/managers/learningTimeRequest.ts). */
export const LEARNING_TIME_FORM = { minMinutes: 15, maxMinutes: 480, purposeMaxLength: 200 } as const;

export const problemLabel = (t: Messages, p: LearningTimeProblem): string =>
  ({
    dateMissing: t.problemDateMissing,
    dateInvalid: t.problemDateInvalid,
    dateInPast: t.problemDateInPast,
    dateTooFar: t.problemDateTooFar,
    minutesInvalid: t.problemMinutesInvalid,
    minutesOutOfRange: t.problemMinutesOutOfRange(
      LEARNING_TIME_FORM.minMinutes,
      LEARNING_TIME_FORM.maxMinutes,
    ),
    purposeMissing: t.problemPurposeMissing,
    purposeTooLong: t.problemPurposeTooLong(LEARNING_TIME_FORM.purposeMaxLength),
    programNotYours: t.problemProgramNotYours,
  })[p];

export const requestPurpose = (r: LearningTimeRequestView): string => r.programTitle ?? r.purpose ?? '';

export const requirementLabel = (t: Messages, s: RequirementStatusView): string =>
  ({
    required: t.requirementRequired,
    due: t.requirementDue,
    overdue: t.requirementOverdue,
    done: t.requirementDone,
    expiring: t.requirementExpiring,
    expired: t.requirementExpired,
  })[s];
