import { randomUUID } from 'node:crypto';
import {
  checkPick,
  holdsSeat,
  isOpen,
  sessionOffers,
  type PickProblem,
  type SessionBooking,
  type SessionOffer,
} from '../../domain/sessions/sessionBooking.ts';
import type { EventStep } from '../../domain/learning/program.ts';
import { CONFLICT, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { Stored } from '../platform/ports.ts';
import {
  loadStepForAction,
  type LoadedStep,
  type Refusal,
  type StepActionRequest,
} from '../learning/stepAction.ts';
import type { BookingRef, SeatsRow } from './ports.ts';
import type { SessionsDeps } from './sessionsDeps.ts';

export type SessionAnswer =
  | { kind: 'refused'; refusal: Refusal }
  /** The sessions to choose from now (open ones), and the learner's current booking. */
  | { kind: 'offers'; loaded: LoadedStep; step: EventStep; offers: SessionOffer[]; booking?: SessionBooking }
  | {
      kind: 'notPicked';
      problem: PickProblem | 'noChoice';
      loaded: LoadedStep;
      step: EventStep;
      offers: SessionOffer[];
      booking?: SessionBooking;
    }
  | { kind: 'booked'; loaded: LoadedStep; step: EventStep; booking: SessionBooking; changed: boolean }
  | {
      kind: 'cancelled';
      loaded: LoadedStep;
      step: EventStep;
      offers: SessionOffer[];
      booking: SessionBooking;
    };

type Loaded =
  { ok: true; loaded: LoadedStep; step: EventStep; ref: BookingRef } | { ok: false; refusal: Refusal };

async function loadEvent(
  deps: SessionsDeps,
  r: StepActionRequest,
  action: 'pickSession' | 'cancelSession',
): Promise<Loaded> {
  const found = await loadStepForAction(deps, r, action);
  if (!found.ok) return found;
  const step = found.loaded.step;
  if (step.kind !== 'event' || !step.sessions) return { ok: false, refusal: 'oldVersion' };
  return {
    ok: true,
    loaded: found.loaded,
    step,
    ref: { tenantId: r.tenantId, programId: r.programId, stepId: r.stepId, userId: r.learnerId },
  };
}

async function offersNow(deps: SessionsDeps, step: EventStep, ref: BookingRef) {
  const { seats, booking } = await deps.sessions.bookings.load(ref);
  const taken = new Map(seats.map((s) => [s.sessionId, s.taken]));
  return { seats, booking, offers: sessionOffers(step, taken, deps.clock.now(), deps.policy.timeZone) };
}

/** "Choose a session": the sessions open now (not full, not begun), read when asked, never from the card. */
export async function showSessions(deps: SessionsDeps, r: StepActionRequest): Promise<SessionAnswer> {
  const found = await loadEvent(deps, r, 'pickSession');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { offers, booking } = await offersNow(deps, found.step, found.ref);
  return { kind: 'offers', loaded: found.loaded, step: found.step, offers: offers.filter(isOpen), booking };
}

/**
 * The learner takes a place at a session, or moves to another. The booking and the seat counts it
 * changes are written together under their ETags, so two people taking the last place cannot both
 * get it: the loser's attempt runs again on what is stored now and finds the session full. The
 * calendar is brought in step by a job (syncSessionCalendars), marked here before the booking.
 */
export async function pickSession(
  deps: SessionsDeps,
  r: StepActionRequest & { sessionId: string | undefined },
): Promise<SessionAnswer> {
  const found = await loadEvent(deps, r, 'pickSession');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { loaded, step, ref } = found;
  return retryOnConflict(
    'book a session',
    async () => {
      const { seats, booking, offers } = await offersNow(deps, step, ref);
      const open = offers.filter(isOpen);
      if (!r.sessionId)
        return { kind: 'notPicked', problem: 'noChoice', loaded, step, offers: open, booking };
      const problem = checkPick(offers, r.sessionId, booking);
      if (problem) return { kind: 'notPicked', problem, loaded, step, offers: open, booking };

      const now = deps.clock.now().toISOString();
      const seatOf = (sessionId: string): SeatsRow =>
        seats.find((s) => s.sessionId === sessionId) ?? { ...ref, sessionId, taken: 0 };
      const target = seatOf(r.sessionId);
      const changes: SeatsRow[] = [{ ...target, taken: target.taken + 1 }];
      const changed = holdsSeat(booking) && booking!.sessionId !== r.sessionId;
      if (changed) {
        const old = seatOf(booking!.sessionId);
        changes.push({ ...old, taken: Math.max(old.taken - 1, 0) });
      }
      const next: SessionBooking | Stored<SessionBooking> = booking
        ? {
            ...booking,
            sessionId: r.sessionId,
            status: 'booked',
            revision: booking.revision + 1,
            changedAt: now,
            markedBy: undefined,
            markedAt: undefined,
            calendarFailure: undefined,
            // A calendar with nothing of this booking left gets a new event under a new id.
            transactionId:
              !booking.eventId && booking.syncedRevision === booking.revision
                ? newTransactionId()
                : booking.transactionId,
          }
        : {
            ...ref,
            sessionId: r.sessionId,
            status: 'booked',
            revision: 1,
            syncedRevision: 0,
            transactionId: newTransactionId(),
            bookedAt: now,
            changedAt: now,
          };
      await deps.sessions.calendarSync.mark(ref);
      if ((await deps.sessions.bookings.saveBooking(next, changes)) === 'conflict') return CONFLICT;
      return { kind: 'booked', loaded, step, booking: next, changed };
    },
    BOOKING_ATTEMPTS,
  );
}

/** "Cancel my place": the seat is given back and the calendar event removed (by the job). */
export async function cancelSession(deps: SessionsDeps, r: StepActionRequest): Promise<SessionAnswer> {
  const found = await loadEvent(deps, r, 'cancelSession');
  if (!found.ok) return { kind: 'refused', refusal: found.refusal };
  const { loaded, step, ref } = found;
  return retryOnConflict(
    'cancel a session',
    async () => {
      const { seats, booking, offers } = await offersNow(deps, step, ref);
      if (!booking || !holdsSeat(booking)) {
        return { kind: 'offers', loaded, step, offers: offers.filter(isOpen), booking };
      }
      const seat = seats.find((s) => s.sessionId === booking.sessionId);
      const changes: SeatsRow[] = seat ? [{ ...seat, taken: Math.max(seat.taken - 1, 0) }] : [];
      const next: Stored<SessionBooking> = {
        ...booking,
        status: 'cancelled',
        revision: booking.revision + 1,
        changedAt: deps.clock.now().toISOString(),
      };
      await deps.sessions.calendarSync.mark(ref);
      if ((await deps.sessions.bookings.saveBooking(next, changes)) === 'conflict') return CONFLICT;
      const freed = offers.map((o) =>
        o.session.id === booking.sessionId ? { ...o, placesLeft: o.placesLeft + 1 } : o,
      );
      return { kind: 'cancelled', loaded, step, offers: freed.filter(isOpen), booking: next };
    },
    BOOKING_ATTEMPTS,
  );
}

/**
 * Everyone booking a session writes its one seat row, and each round of a race has one winner: when
 * a session opens and a whole crew picks it at once, the last of n people needs n attempts. Cheap
 * (a partition read each), so enough for a full session's worth of simultaneous picks.
 */
const BOOKING_ATTEMPTS = 32;

function newTransactionId(): string {
  return `drypp-session-${randomUUID()}`;
}
