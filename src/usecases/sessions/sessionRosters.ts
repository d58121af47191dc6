import { can } from '../../domain/access/index.ts';
import type { EventSession, EventStep } from '../../domain/learning/program.ts';
import { sessionInterval, type BookingStatus } from '../../domain/sessions/sessionBooking.ts';
import type { Caller } from '../managers/team/reportingLine.ts';
import { bookingResource } from './markAttendance.ts';
import type { SessionsDeps } from './sessionsDeps.ts';

export interface SessionRoster {
  programId: string;
  step: EventStep;
  session: EventSession;
  started: boolean;
  people: Array<{ learnerId: string; name: string; status: BookingStatus; canMark: boolean }>;
}

/**
 * The sessions a person can mark attendance for, with who booked each: every session they are the
 * instructor of, and the sessions their own people (any level below them) booked. Each person listed
 * passed the access policy; nobody else's booking is shown.
 */
export async function sessionRosters(deps: SessionsDeps, caller: Caller): Promise<SessionRoster[]> {
  const me = await deps.people.get(caller.tenantId, caller.userId);
  const myUpn = me?.userPrincipalName.toLowerCase();
  const rosters: SessionRoster[] = [];
  for (const program of deps.catalog.all()) {
    for (const step of program.steps) {
      if (step.kind !== 'event' || !step.sessions) continue;
      const bookings = (
        await deps.sessions.bookings.bookingsOf({
          tenantId: caller.tenantId,
          programId: program.id,
          stepId: step.id,
        })
      ).filter((b) => b.status !== 'cancelled');
      for (const session of step.sessions) {
        const instructs = myUpn !== undefined && session.instructor === myUpn;
        const people: SessionRoster['people'] = [];
        for (const booking of bookings.filter((b) => b.sessionId === session.id)) {
          const { actor, resource } = await bookingResource(deps, caller, { step, session }, booking);
          if (!can(actor, 'viewRoster', resource)) continue;
          const person = await deps.people.get(caller.tenantId, booking.userId);
          people.push({
            learnerId: booking.userId,
            name: person?.displayName ?? '',
            status: booking.status,
            canMark: can(actor, 'markAttendance', resource),
          });
        }
        if (!instructs && people.length === 0) continue;
        const started =
          sessionInterval(step, session, deps.policy.timeZone).start.getTime() <= deps.clock.now().getTime();
        rosters.push({ programId: program.id, step, session, started, people });
      }
    }
  }
  return rosters;
}
