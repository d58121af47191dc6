import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import { baseUrl, caller, graphError, requireRole } from '../http.ts';
import type { SimulatorState } from '../state/state.ts';
import type { EventRecord } from '../state/types.ts';

/**
 * `POST/GET /users/{id}/events`, `PATCH/DELETE /users/{id}/events/{eventId}`: events in a user's calendar. As in Graph: Calendars.ReadWrite to
 * create (Calendars.Read or ReadWrite to list), `subject`/`start`/`end` with `dateTime` and
 * `timeZone`, 201 with the event, 404 MailboxNotEnabledForRESTAPI for an account without a
 * mailbox, and a create that repeats a `transactionId` of that calendar returns the event made the
 * first time instead of a second one. PATCH changes only the properties sent (200 with the event);
 * DELETE answers 204, and 404 ErrorItemNotFound for an event that is not (or no longer) there.
 */

export const calendarRoles = {
  write: ['Calendars.ReadWrite'],
  read: ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadBasic.All'],
} as const;

const dateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) });
const eventSchema = z.object({
  subject: z.string().max(255).optional(),
  body: z.object({ contentType: z.enum(['text', 'html', 'Text', 'HTML']), content: z.string() }).optional(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  showAs: z.string().optional(),
  categories: z.array(z.string()).optional(),
  location: z.object({ displayName: z.string(), locationUri: z.string().optional() }).optional(),
  transactionId: z.string().max(255).optional(),
});
const patchSchema = eventSchema.omit({ transactionId: true }).partial();

export function calendarRouter(state: SimulatorState): Router {
  const router = express.Router();
  const mailboxOf = (req: express.Request, res: express.Response) => {
    const tenant = state.tenant(caller(res).tenantId)!;
    const user = tenant.liveUser(String(req.params.id));
    if (!user) {
      graphError(res, 404, 'ErrorInvalidUser', `The requested user '${String(req.params.id)}' is invalid.`);
      return undefined;
    }
    if (!user.mailbox) {
      graphError(
        res,
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      );
      return undefined;
    }
    return { tenant, user };
  };

  router.post('/users/:id/events', express.json(), (req, res) => {
    if (!requireRole(res, calendarRoles.write, 'ErrorAccessDenied')) return;
    const found = mailboxOf(req, res);
    if (!found) return;
    const parsed = eventSchema.safeParse(req.body);
    if (!parsed.success)
      return graphError(
        res,
        400,
        'ErrorInvalidRequest',
        `The event is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    const body = parsed.data;
    const events = found.tenant.eventsOf(found.user.id);
    const earlier = body.transactionId
      ? events.find((e) => e.transactionId === body.transactionId)
      : undefined;
    if (earlier) return void res.status(201).json(present(req, found.user.id, earlier));
    const event: EventRecord = {
      id: Buffer.from(randomUUID()).toString('base64url'),
      userId: found.user.id,
      subject: body.subject ?? '',
      body: body.body ?? { contentType: 'text', content: '' },
      start: body.start,
      end: body.end,
      showAs: body.showAs ?? 'busy',
      categories: body.categories ?? [],
      ...(body.location ? { location: body.location } : {}),
      transactionId: body.transactionId ?? null,
      createdDateTime: state.now().toISOString(),
    };
    events.push(event);
    state.onDirty();
    res.status(201).json(present(req, found.user.id, event));
  });

  router.get('/users/:id/events', (req, res) => {
    if (!requireRole(res, calendarRoles.read, 'ErrorAccessDenied')) return;
    const found = mailboxOf(req, res);
    if (!found) return;
    res.json({
      '@odata.context': `${baseUrl(req)}/v1.0/$metadata#users('${found.user.id}')/events`,
      value: found.tenant.eventsOf(found.user.id).map((e) => present(req, found.user.id, e)),
    });
  });

  router.patch('/users/:id/events/:eventId', express.json(), (req, res) => {
    if (!requireRole(res, calendarRoles.write, 'ErrorAccessDenied')) return;
    const found = mailboxOf(req, res);
    if (!found) return;
    const event = found.tenant.eventsOf(found.user.id).find((e) => e.id === req.params.eventId);
    if (!event)
      return graphError(res, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const parsed = patchSchema.safeParse(req.body);
    if (!parsed.success)
      return graphError(
        res,
        400,
        'ErrorInvalidRequest',
        `The event is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    Object.assign(event, changes, { lastModifiedDateTime: state.now().toISOString() });
    state.onDirty();
    res.json(present(req, found.user.id, event));
  });

  router.delete('/users/:id/events/:eventId', (req, res) => {
    if (!requireRole(res, calendarRoles.write, 'ErrorAccessDenied')) return;
    const found = mailboxOf(req, res);
    if (!found) return;
    const events = found.tenant.eventsOf(found.user.id);
    const index = events.findIndex((e) => e.id === req.params.eventId);
    if (index < 0)
      return graphError(res, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    events.splice(index, 1);
    state.onDirty();
    res.status(204).end();
  });

  return router;
}

function present(req: express.Request, userId: string, e: EventRecord) {
  const { userId: _u, ...event } = e;
  return { '@odata.context': `${baseUrl(req)}/v1.0/$metadata#users('${userId}')/events/$entity`, ...event };
}
