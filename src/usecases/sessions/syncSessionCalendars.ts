import { personLanguage, type Language } from '../../domain/platform/language.ts';
import type { EventSession, EventStep } from '../../domain/learning/program.ts';
import {
  calendarPending,
  sessionCalendarTimes,
  type SessionBooking,
} from '../../domain/sessions/sessionBooking.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { Stored } from '../platform/ports.ts';
import type { BookingRef, CalendarWrite } from './ports.ts';
import type { SessionCalendarDeps } from './sessionsDeps.ts';

/** The texts of a session's calendar event, in the learner's language (src/cards/sessions). */
export type SessionCalendarText = (view: {
  step: EventStep;
  session: EventSession;
  language: Language;
  instructorName: string;
}) => { subject: string; body: string; location: string };

export interface CalendarSyncReport {
  created: number;
  updated: number;
  removed: number;
  retried: number;
  failed: number;
}

/**
 * The calendar job's round for one tenant: every booking marked as behind gets its event created
 * (a first pick), moved (a change) or deleted (a cancel) in the learner's calendar through Graph.
 * Safe to run twice: a create carries the booking's transactionId (Graph drops a repeat), an update
 * or delete of the same revision changes nothing more, and the booking records the revision its
 * calendar shows, under its ETag.
 */
export async function syncSessionCalendars(
  deps: SessionCalendarDeps,
  text: SessionCalendarText,
  tenantId: string,
  options: { limit?: number } = {},
): Promise<CalendarSyncReport> {
  const report: CalendarSyncReport = { created: 0, updated: 0, removed: 0, retried: 0, failed: 0 };
  for (const ref of await deps.sessions.calendarSync.list(tenantId, options.limit ?? 100)) {
    const booking = await deps.sessions.bookings.getBooking(ref);
    if (!booking || !calendarPending(booking)) {
      await deps.sessions.calendarSync.clear(ref);
      continue;
    }
    const { write, counts } = await writeCalendar(deps, text, booking);
    if (write.kind === 'retry') {
      report.retried++;
      continue; // the marker stays: the next round tries again
    }
    report[write.kind === 'failed' ? 'failed' : counts]++;
    const settled = await recordSynced(deps, ref, booking, write);
    if (!settled || !calendarPending(settled)) await deps.sessions.calendarSync.clear(ref);
  }
  return report;
}

async function writeCalendar(
  deps: SessionCalendarDeps,
  text: SessionCalendarText,
  booking: SessionBooking,
): Promise<{ write: CalendarWrite; counts: 'created' | 'updated' | 'removed' }> {
  if (!deps.calendar)
    return { write: { kind: 'failed', reason: 'no calendar connection configured' }, counts: 'created' };
  const { tenantId, userId } = booking;
  if (booking.status === 'cancelled') {
    if (!booking.eventId) return { write: { kind: 'done' }, counts: 'removed' };
    return { write: await deps.calendar.remove(tenantId, userId, booking.eventId), counts: 'removed' };
  }
  const step = deps.catalog.find(booking.programId)?.steps.find((s) => s.id === booking.stepId);
  const session = step?.kind === 'event' ? step.sessions?.find((s) => s.id === booking.sessionId) : undefined;
  if (step?.kind !== 'event' || !session)
    return {
      write: { kind: 'failed', reason: 'the session is no longer in the content' },
      counts: 'created',
    };
  const [learner, conversation, instructor] = await Promise.all([
    deps.people.get(tenantId, userId),
    deps.conversations.find(tenantId, userId),
    deps.people.findByUpn(tenantId, session.instructor),
  ]);
  const language = personLanguage(learner?.preferredLanguage, conversation?.locale);
  const event = {
    ...sessionCalendarTimes(step, session, deps.policy.timeZone),
    ...text({ step, session, language, instructorName: instructor?.displayName ?? session.instructor }),
    meetingUrl: session.meetingUrl,
    transactionId: booking.transactionId,
  };
  if (booking.eventId)
    return { write: await deps.calendar.update(tenantId, userId, booking.eventId, event), counts: 'updated' };
  return { write: await deps.calendar.create(tenantId, userId, event), counts: 'created' };
}

/**
 * The booking now shows in the calendar as of the revision written. The learner may have changed it
 * again meanwhile: then the newer revision stays pending (and the event id is kept for it).
 */
async function recordSynced(
  deps: SessionCalendarDeps,
  ref: BookingRef,
  synced: SessionBooking,
  write: CalendarWrite,
): Promise<Stored<SessionBooking> | undefined> {
  return retryOnConflict('record a synced calendar', async () => {
    const current = await deps.sessions.bookings.getBooking(ref);
    if (!current) return undefined;
    const removed = synced.status === 'cancelled' && write.kind === 'done';
    const next: Stored<SessionBooking> = {
      ...current,
      eventId: removed
        ? undefined
        : write.kind === 'done'
          ? (write.eventId ?? current.eventId)
          : current.eventId,
      syncedRevision: Math.max(current.syncedRevision, synced.revision),
      calendarFailure: write.kind === 'failed' ? write.reason : undefined,
    };
    return orConflict(await deps.sessions.bookings.updateBooking(next), next);
  });
}
