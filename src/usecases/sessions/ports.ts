import type { SessionBooking, SessionSeats } from '../../domain/sessions/sessionBooking.ts';
import type { Stored } from '../platform/ports.ts';

/** One event step of one program, in one tenant: where its seats and bookings live together. */
export interface EventStepRef {
  tenantId: string;
  programId: string;
  stepId: string;
}

export type BookingRef = EventStepRef & { userId: string };

/** A seat count as read (with its ETag), or one that does not exist yet (nobody took a place). */
export type SeatsRow = Stored<SessionSeats> | (SessionSeats & { etag?: undefined });

export interface SessionStore {
  /** Every session's seat count of the step (sessions nobody booked have no row) and one learner's booking. */
  load(ref: BookingRef): Promise<{ seats: Array<Stored<SessionSeats>>; booking?: Stored<SessionBooking> }>;
  /**
   * Writes a booking and the seat counts it changes in one transaction: all or nothing, and nothing
   * when any of them changed since it was read ('conflict'): two people taking the last seat.
   */
  saveBooking(
    booking: SessionBooking | Stored<SessionBooking>,
    seats: readonly SeatsRow[],
  ): Promise<'saved' | 'conflict'>;
  getBooking(ref: BookingRef): Promise<Stored<SessionBooking> | undefined>;
  updateBooking(booking: Stored<SessionBooking>): Promise<'updated' | 'conflict'>;
  /** Every booking of the step (a roster is one partition read). */
  bookingsOf(ref: EventStepRef): Promise<Array<Stored<SessionBooking>>>;
}

/**
 * Bookings whose calendar must still be brought in step: a row per booking, written before the
 * booking changes, so a crash in between leaves a marker (harmless) and never a forgotten calendar.
 */
export interface CalendarSyncQueue {
  mark(ref: BookingRef): Promise<void>;
  list(tenantId: string, limit: number): Promise<BookingRef[]>;
  clear(ref: BookingRef): Promise<void>;
}

/** A calendar event for a session in the learner's calendar, through Graph. */
export interface SessionCalendarEvent {
  subject: string;
  body: string;
  start: string;
  end: string;
  timeZone: string;
  location: string;
  /** A Teams meeting link, when the session is online. */
  meetingUrl?: string;
  transactionId: string;
}

export type CalendarWrite =
  | { kind: 'done'; eventId?: string }
  | { kind: 'retry'; afterMs: number; reason: string }
  | { kind: 'failed'; reason: string };

export interface SessionCalendar {
  create(tenantId: string, userId: string, event: SessionCalendarEvent): Promise<CalendarWrite>;
  update(
    tenantId: string,
    userId: string,
    eventId: string,
    event: SessionCalendarEvent,
  ): Promise<CalendarWrite>;
  /** Gone already (404) counts as done. */
  remove(tenantId: string, userId: string, eventId: string): Promise<CalendarWrite>;
}
