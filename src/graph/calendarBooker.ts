import type { BookingResult, CalendarBooker, CalendarEvent } from '../usecases/managers/ports.ts';
import type { GraphClients } from './graphClients.ts';

/**
 * Books approved learning time in a person's calendar: `POST /users/{id}/events` with the
 * application permission Calendars.ReadWrite. The request's `transactionId` makes Graph drop a
 * retried duplicate, so a retry after a lost answer never books twice. No attendees: nobody gets
 * an invitation mail. The Graph client's middleware already retries 429/503/504 with Retry-After.
 */
export class GraphCalendarBooker implements CalendarBooker {
  constructor(private readonly clients: GraphClients) {}

  async createEvent(tenantId: string, userId: string, event: CalendarEvent): Promise<BookingResult> {
    try {
      const created = (await this.clients
        .forTenant(tenantId)
        .api(`/users/${encodeURIComponent(userId)}/events`)
        .post({
          subject: event.subject,
          body: { contentType: 'text', content: event.body },
          start: { dateTime: event.start, timeZone: event.timeZone },
          end: { dateTime: event.end, timeZone: event.timeZone },
          showAs: 'busy',
          categories: ['Drypp'],
          isReminderOn: true,
          transactionId: event.transactionId,
        })) as { id?: string };
      if (!created?.id)
        return { kind: 'retry', afterMs: 60_000, reason: 'Graph answered without an event id' };
      return { kind: 'booked', eventId: created.id };
    } catch (error) {
      const e = error as { statusCode?: number; headers?: Headers };
      const status = e.statusCode ?? 0;
      const retryAfter = Number(e.headers?.get?.('retry-after'));
      // 404: the mailbox may not exist yet for a new account (up to 24 h); 429/5xx: throttled or down.
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
