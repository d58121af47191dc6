// A learner's place at one session of an event step, and the seat counts that keep sessions from
// filling past their capacity. Pure: no I/O, no clock read.
import { DateTime } from 'luxon';
import type { EventSession, EventStep } from '../learning/program.ts';

/**
 * booked → attended | absent (marked by the instructor or the manager); booked → cancelled (by the
 * learner). A cancelled or absent learner may pick a session again.
 */
export type BookingStatus = 'booked' | 'cancelled' | 'attended' | 'absent';

export interface SessionBooking {
  tenantId: string;
  programId: string;
  stepId: string;
  userId: string;
  sessionId: string;
  status: BookingStatus;
  /** Goes up on every pick, change and cancel; the calendar is in step when syncedRevision equals it. */
  revision: number;
  /** The revision the learner's calendar shows (0: nothing booked there yet). */
  syncedRevision: number;
  /** Graph's id of the calendar event, once created. */
  eventId?: string;
  /** Graph drops a create that repeats it: a retried create never books twice. Fixed per booking. */
  transactionId: string;
  /** Why the calendar could not be brought in step, when it gave up. */
  calendarFailure?: string;
  bookedAt: string;
  changedAt: string;
  markedBy?: string;
  markedAt?: string;
}

/** How many places of one session are taken; written with an ETag so two picks cannot both take the last. */
export interface SessionSeats {
  tenantId: string;
  programId: string;
  stepId: string;
  sessionId: string;
  taken: number;
}

/**
 * A booking whose seat is given back when it changes: only a booked one. A marked one's session has
 * begun, so its seat no longer matters to anyone picking.
 */
export function holdsSeat(booking: Pick<SessionBooking, 'status'> | undefined): boolean {
  return booking?.status === 'booked';
}

/** Whether the learner's calendar must still be brought in step with the booking. */
export function calendarPending(booking: Pick<SessionBooking, 'revision' | 'syncedRevision'>): boolean {
  return booking.syncedRevision < booking.revision;
}

/** When a session begins and ends, as instants, from its local start in the step's zone. */
export function sessionInterval(
  step: Pick<EventStep, 'minutes' | 'timeZone'>,
  session: Pick<EventSession, 'start'>,
  defaultZone: string,
): { start: Date; end: Date; timeZone: string } {
  const timeZone = step.timeZone ?? defaultZone;
  const start = DateTime.fromISO(session.start, { zone: timeZone });
  return { start: start.toJSDate(), end: start.plus({ minutes: step.minutes }).toJSDate(), timeZone };
}

/** The calendar block as Graph takes it: local date-times and the zone they are in. */
export function sessionCalendarTimes(
  step: Pick<EventStep, 'minutes' | 'timeZone'>,
  session: Pick<EventSession, 'start'>,
  defaultZone: string,
): { start: string; end: string; timeZone: string } {
  const timeZone = step.timeZone ?? defaultZone;
  const start = DateTime.fromISO(session.start, { zone: timeZone });
  const local = "yyyy-MM-dd'T'HH:mm:ss";
  return {
    start: start.toFormat(local),
    end: start.plus({ minutes: step.minutes }).toFormat(local),
    timeZone,
  };
}

export interface SessionOffer {
  session: EventSession;
  placesLeft: number;
  /** Started already (or over): no longer offered, attendance may be marked. */
  started: boolean;
}

/** Every session of the step with its places left; `open` are those a learner may still pick. */
export function sessionOffers(
  step: EventStep,
  taken: ReadonlyMap<string, number>,
  now: Date,
  defaultZone: string,
): SessionOffer[] {
  return (step.sessions ?? []).map((session) => ({
    session,
    placesLeft: Math.max(session.capacity - (taken.get(session.id) ?? 0), 0),
    started: sessionInterval(step, session, defaultZone).start.getTime() <= now.getTime(),
  }));
}

export function isOpen(offer: SessionOffer): boolean {
  return offer.placesLeft > 0 && !offer.started;
}

/** Why a pick cannot be had, checked on the server whatever the card offered. */
export type PickProblem = 'noSuchSession' | 'full' | 'started' | 'alreadyBooked' | 'attendanceMarked';

export function checkPick(
  offers: readonly SessionOffer[],
  sessionId: string,
  current: SessionBooking | undefined,
): PickProblem | undefined {
  if (current?.status === 'attended') return 'attendanceMarked';
  if (current?.status === 'booked' && current.sessionId === sessionId) return 'alreadyBooked';
  const offer = offers.find((o) => o.session.id === sessionId);
  if (!offer) return 'noSuchSession';
  if (offer.started) return 'started';
  if (offer.placesLeft <= 0) return 'full';
  return undefined;
}
