import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import type { LeaseStore } from '../usecases/platform/ports.ts';
import type { SessionCalendarDeps } from '../usecases/sessions/sessionsDeps.ts';
import { syncSessionCalendars, type SessionCalendarText } from '../usecases/sessions/syncSessionCalendars.ts';
import type { Job } from './worker.ts';

const LEASE_TTL_MS = 60_000;

/**
 * Session invitations: each round brings the calendars of the bookings marked as behind in step with
 * them (create, move, delete through Graph), one lease holder per tenant. Safe to repeat: a create
 * carries the booking's transactionId, and the booking records the revision its calendar shows.
 */
export function syncSessionCalendarsJob(
  deps: SessionCalendarDeps & { leases: LeaseStore },
  text: SessionCalendarText,
  log: Logger,
  options: { intervalMs: number },
): Job {
  const holder = randomUUID();
  return {
    name: 'syncSessionCalendars',
    intervalMs: options.intervalMs,
    async runOnce() {
      for (const tenantId of await deps.people.tenants()) {
        const lease = `syncSessionCalendars|${tenantId}`;
        if (!(await deps.leases.acquire(lease, holder, deps.clock.now(), LEASE_TTL_MS))) continue;
        try {
          const report = await syncSessionCalendars(deps, text, tenantId);
          if (Object.values(report).some((n) => n > 0))
            log.info({ tenantId, ...report }, 'session calendars');
        } finally {
          await deps.leases.release(lease, holder);
        }
      }
    },
  };
}
