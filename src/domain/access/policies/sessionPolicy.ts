import type { BookingStatus } from '../../sessions/sessionBooking.ts';
import type { StepStatus } from '../../learning/stepState.ts';
import { isSelf, manages, sameTenant, type Actor } from '../actor.ts';

/**
 * Live sessions and practical exercises: who may say that someone took part. Never the learner
 * about themselves; the ids compared here come from content and the directory, never from a card.
 */
export type SessionAction = 'markAttendance' | 'viewRoster';

export interface SessionBookingResource {
  type: 'sessionBooking';
  tenantId: string;
  learnerId: string;
  /** The learner's manager in the directory. */
  managerId?: string;
  /** The session's instructor named in content, resolved through the directory. */
  instructorId?: string;
  status: BookingStatus;
  /** Attendance is marked once the session has begun. */
  started: boolean;
}

export function sessionActions(actor: Actor, booking: SessionBookingResource): SessionAction[] {
  if (!sameTenant(actor, booking.tenantId) || isSelf(actor, booking.learnerId)) return [];
  const instructs = booking.instructorId !== undefined && actor.userId === booking.instructorId;
  const isManager = actor.userId === booking.managerId || manages(actor, booking.learnerId);
  if (!instructs && !isManager) return [];
  const markable = booking.started && booking.status !== 'cancelled';
  return ['viewRoster', ...(markable ? (['markAttendance'] as const) : [])];
}

export type ExerciseAction = 'signOffExercise';

export interface ExerciseResource {
  type: 'exercise';
  tenantId: string;
  learnerId: string;
  /** The assessor named in content, resolved through the directory. */
  assessorId?: string;
  status: StepStatus;
  enrollmentActive: boolean;
}

/** Only the named assessor signs off, on an exercise that is waiting, and never their own. */
export function exerciseActions(actor: Actor, exercise: ExerciseResource): ExerciseAction[] {
  if (!sameTenant(actor, exercise.tenantId) || isSelf(actor, exercise.learnerId)) return [];
  if (exercise.assessorId === undefined || actor.userId !== exercise.assessorId) return [];
  return exercise.enrollmentActive && exercise.status === 'sent' ? ['signOffExercise'] : [];
}
