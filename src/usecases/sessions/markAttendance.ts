import { can, type SessionBookingResource } from '../../domain/access/index.ts';
import type { EventSession, EventStep, Program } from '../../domain/learning/program.ts';
import { sessionInterval, type SessionBooking } from '../../domain/sessions/sessionBooking.ts';
import { CONFLICT, orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { Stored } from '../platform/ports.ts';
import { saveStepWithProgress } from '../learning/stepAction.ts';
import { actorFor, reportingLine, type Caller } from '../managers/team/reportingLine.ts';
import type { SessionsDeps } from './sessionsDeps.ts';

export interface AttendanceRef {
  learnerId: string;
  programId: string;
  stepId: string;
  sessionId: string;
}

export type MarkAttendanceOutcome =
  | { kind: 'marked'; attended: boolean; programCompleted: boolean }
  | { kind: 'alreadyAttended' }
  | { kind: 'notBooked' }
  | { kind: 'notStarted' }
  | { kind: 'notAllowed' }
  | { kind: 'outdated' };

/** The event step and session a card or the tab names, as content has them now. */
export function findSession(
  deps: Pick<SessionsDeps, 'catalog'>,
  programId: string,
  stepId: string,
  sessionId: string,
): { program: Program; step: EventStep; session: EventSession } | undefined {
  const program = deps.catalog.find(programId);
  const step = program?.steps.find((s) => s.id === stepId);
  const session = step?.kind === 'event' ? step.sessions?.find((s) => s.id === sessionId) : undefined;
  return program && step?.kind === 'event' && session ? { program, step, session } : undefined;
}

/** The booking as the access policy sees it: the instructor and the manager from content and the directory. */
export async function bookingResource(
  deps: SessionsDeps,
  caller: Caller,
  found: { step: EventStep; session: EventSession },
  booking: Pick<SessionBooking, 'userId' | 'status'>,
) {
  const [line, instructor] = await Promise.all([
    reportingLine(deps, caller.tenantId, booking.userId),
    deps.people.findByUpn(caller.tenantId, found.session.instructor),
  ]);
  const started =
    sessionInterval(found.step, found.session, deps.policy.timeZone).start.getTime() <=
    deps.clock.now().getTime();
  const resource: SessionBookingResource = {
    type: 'sessionBooking',
    tenantId: caller.tenantId,
    learnerId: booking.userId,
    managerId: line.managerIds[0],
    instructorId: instructor?.id,
    status: booking.status,
    started,
  };
  return { actor: actorFor(caller, line), resource };
}

/**
 * The instructor named in content, or the learner's manager, marks whether the learner attended.
 * Attended completes the learner's event step (with their enrollment's progress, so a program and
 * its certificate can complete); did not attend leaves it open for another session. Who may mark
 * is decided here from content and the directory, never from the card or the request.
 */
export async function markAttendance(
  deps: SessionsDeps,
  caller: Caller,
  ref: AttendanceRef,
  attended: boolean,
): Promise<MarkAttendanceOutcome> {
  const found = findSession(deps, ref.programId, ref.stepId, ref.sessionId);
  if (!found) return { kind: 'outdated' };
  const key = {
    tenantId: caller.tenantId,
    programId: ref.programId,
    stepId: ref.stepId,
    userId: ref.learnerId,
  };
  const booking = await deps.sessions.bookings.getBooking(key);
  if (!booking) return { kind: 'notAllowed' };
  if (booking.sessionId !== ref.sessionId || booking.status === 'cancelled') {
    // Not theirs to know who booked what: only someone who may see the person's actual booking
    // (its session's instructor, the person's manager) hears that they have no place here.
    const theirs = findSession(deps, ref.programId, ref.stepId, booking.sessionId);
    if (!theirs) return { kind: 'notAllowed' };
    const seen = await bookingResource(deps, caller, theirs, booking);
    return { kind: can(seen.actor, 'viewRoster', seen.resource) ? 'notBooked' : 'notAllowed' };
  }
  const { actor, resource } = await bookingResource(deps, caller, found, booking);
  if (!can(actor, 'markAttendance', resource))
    return { kind: can(actor, 'viewRoster', resource) ? 'notStarted' : 'notAllowed' };
  if (booking.status === 'attended' && !attended) return { kind: 'alreadyAttended' };

  const now = deps.clock.now();
  const marked = await retryOnConflict('mark attendance', async (n) => {
    const current = n === 1 ? booking : await deps.sessions.bookings.getBooking(key);
    if (!current || current.sessionId !== ref.sessionId || current.status === 'cancelled') return 'notBooked';
    if (current.status === 'attended') return 'marked';
    const next: Stored<SessionBooking> = {
      ...current,
      status: attended ? 'attended' : 'absent',
      markedBy: caller.userId,
      markedAt: now.toISOString(),
    };
    return orConflict(await deps.sessions.bookings.updateBooking(next), 'marked');
  });
  if (marked === 'notBooked') return { kind: 'notBooked' };
  // The booking is marked before the step: a mark that stopped in between is finished by marking again.
  const programCompleted = attended ? await completeEventStep(deps, caller.tenantId, ref, now) : false;
  return { kind: 'marked', attended, programCompleted };
}

async function completeEventStep(
  deps: SessionsDeps,
  tenantId: string,
  ref: AttendanceRef,
  now: Date,
): Promise<boolean> {
  const program = deps.catalog.find(ref.programId);
  const step = program?.steps.find((s) => s.id === ref.stepId);
  if (!program || !step) return false;
  return retryOnConflict('complete an attended session', async () => {
    const { enrollment, steps: states } = await deps.progress.load(tenantId, ref.learnerId, ref.programId);
    const state = states.find((s) => s.stepId === ref.stepId);
    if (!enrollment || !state || state.status === 'done' || enrollment.status !== 'active') return false;
    if (enrollment.programVersion !== program.version) return false;
    const saved = await saveStepWithProgress(
      deps,
      { program, step, enrollment, state, states },
      {
        ...state,
        status: 'done',
        doneAt: now.toISOString(),
        answer: JSON.stringify({ attendedSession: ref.sessionId }),
      },
      now,
    );
    return saved.saved ? saved.programCompleted : CONFLICT;
  });
}
