import type { CalendarWrite, SessionCalendar, SessionCalendarEvent } from '../usecases/sessions/ports.ts';
import type { GraphClients } from './graphClients.ts';

/**
 * A session's invitation in the learner's calendar: `POST /users/{id}/events` (with the booking's
 * `transactionId`, so a retry after a lost answer never books twice), `PATCH …/events/{id}` when the
 * learner changes session, `DELETE …/events/{id}` when they cancel. Application permission
 * Calendars.ReadWrite. The Graph client's middleware already retries 429/503/504 with Retry-After.
 */
export class GraphSessionCalendar implements SessionCalendar {
  constructor(private readonly clients: GraphClients) {}

  async create(tenantId: string, userId: string, event: SessionCalendarEvent): Promise<CalendarWrite> {
    return this.call(async () => {
      const created = (await this.clients
        .forTenant(tenantId)
        .api(`/users/${encodeURIComponent(userId)}/events`)
        .post({ ...eventBody(event), transactionId: event.transactionId })) as { id?: string };
      if (!created?.id)
        return { kind: 'retry', afterMs: 60_000, reason: 'Graph answered without an event id' };
      return { kind: 'done', eventId: created.id };
    });
  }

  async update(
    tenantId: string,
    userId: string,
    eventId: string,
    event: SessionCalendarEvent,
  ): Promise<CalendarWrite> {
    return this.call(async () => {
      await this.clients
        .forTenant(tenantId)
        .api(`/users/${encodeURIComponent(userId)}/events/${encodeURIComponent(eventId)}`)
        .patch(eventBody(event));
      return { kind: 'done', eventId };
    });
  }

  async remove(tenantId: string, userId: string, eventId: string): Promise<CalendarWrite> {
    return this.call(
      async () => {
        await this.clients
          .forTenant(tenantId)
          .api(`/users/${encodeURIComponent(userId)}/events/${encodeURIComponent(eventId)}`)
          .delete();
        return { kind: 'done' };
      },
      // Deleted already (by an earlier round, or by the person): what we wanted.
      { goneIsDone: true },
    );
  }

  private async call(
    run: () => Promise<CalendarWrite>,
    options: { goneIsDone?: boolean } = {},
  ): Promise<CalendarWrite> {
    try {
      return await run();
    } catch (error) {
      const e = error as { statusCode?: number; headers?: Headers };
      const status = e.statusCode ?? 0;
      if (status === 404 && options.goneIsDone) return { kind: 'done' };
      const retryAfter = Number(e.headers?.get?.('retry-after'));
      // 0: no answer; 429/5xx: throttled or down. A 404 for a new account's mailbox may clear within a day.
      if ([0, 404, 429].includes(status) || status >= 500)
        return {
          kind: 'retry',
          afterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 60_000,
          reason: `Graph answered ${status || 'nothing'}`,
        };
      return { kind: 'failed', reason: `Graph answered ${status}` };
    }
  }
}

function eventBody(event: SessionCalendarEvent) {
  return {
    subject: event.subject,
    body: { contentType: 'text', content: event.body },
    start: { dateTime: event.start, timeZone: event.timeZone },
    end: { dateTime: event.end, timeZone: event.timeZone },
    location: { displayName: event.location, ...(event.meetingUrl ? { locationUri: event.meetingUrl } : {}) },
    showAs: 'busy',
    categories: ['Drypp'],
    isReminderOn: true,
  };
}
