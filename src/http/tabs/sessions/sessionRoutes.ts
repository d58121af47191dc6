import type { Router } from 'express';
import { z } from 'zod';
import { textFor } from '../../../domain/learning/program.ts';
import { languageFromLocale } from '../../../domain/platform/language.ts';
import { sessionInterval } from '../../../domain/sessions/sessionBooking.ts';
import { markAttendance } from '../../../usecases/sessions/markAttendance.ts';
import { sessionRosters, type SessionRoster } from '../../../usecases/sessions/sessionRosters.ts';
import type { SessionsDeps } from '../../../usecases/sessions/sessionsDeps.ts';
import type { TabRouteMount } from '../router.ts';
import { PersonIdParam } from '../schemas.ts';
import { bodyOf, parseOr400, sendTabError, tabCaller } from '../tabHttp.ts';
import type {
  MarkAttendanceBody,
  MarkAttendanceResponse,
  RosterPersonView,
  SessionRostersResponse,
  SessionRosterView,
} from './contract.ts';

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an id')
  .max(64);
const MarkAttendanceSchema = z.strictObject({
  programId: Slug,
  stepId: Slug,
  sessionId: Slug,
  learnerId: PersonIdParam,
  attended: z.boolean({ error: 'must be true or false' }),
});
MarkAttendanceSchema.parse satisfies (input: unknown) => MarkAttendanceBody;

/**
 * Attendance in the tab: the rosters of the sessions the caller instructs or their people booked,
 * and marking one person attended or not. Each handler: parse → use case (which loads and decides
 * through the session policy, from content and the directory) → present. Nothing in the request
 * says who may mark: the same 403 for anyone the policy refuses, whether the booking exists or not.
 */
export function sessionRoutes(deps: SessionsDeps): TabRouteMount {
  const rosterView = (roster: SessionRoster, language: string): SessionRosterView => {
    const lang = languageFromLocale(language);
    const program = deps.catalog.find(roster.programId);
    const { start } = sessionInterval(roster.step, roster.session, deps.policy.timeZone);
    return {
      programId: roster.programId,
      stepId: roster.step.id,
      sessionId: roster.session.id,
      title: textFor(roster.step.title, lang),
      programTitle: program ? textFor(program.title, lang) : roster.programId,
      startsAt: start.toISOString(),
      ...(roster.session.where ? { where: textFor(roster.session.where, lang) } : {}),
      online: roster.session.where === undefined,
      started: roster.started,
      people: roster.people.map((p) => ({
        learnerId: p.learnerId,
        displayName: p.name,
        status: p.status === 'cancelled' ? 'booked' : p.status,
        actions: p.canMark ? ['markAttendance'] : [],
      })),
    };
  };

  return (router: Router) => {
    router.get('/sessions', async (_req, res) => {
      const caller = tabCaller(res);
      const rosters = await sessionRosters(deps, caller);
      const body: SessionRostersResponse = {
        sessions: rosters.map((r) => rosterView(r, caller.locale ?? 'en')),
      };
      res.json(body);
    });

    router.post('/sessions/attendance', async (req, res) => {
      const caller = tabCaller(res);
      const input = parseOr400(res, MarkAttendanceSchema, bodyOf(req));
      if (!input) return;
      const { attended, ...ref } = input;
      const outcome = await markAttendance(deps, caller, ref, attended);
      if (outcome.kind === 'notAllowed')
        return sendTabError(res, 'forbidden', 'only the instructor or the person’s manager marks attendance');
      if (outcome.kind === 'outdated') return sendTabError(res, 'notFound', 'no such session in the content');
      const person = await deps.people.get(caller.tenantId, ref.learnerId);
      const row = (status: RosterPersonView['status'], canMark: boolean): RosterPersonView => ({
        learnerId: ref.learnerId,
        displayName: person?.displayName ?? '',
        status,
        actions: canMark ? ['markAttendance'] : [],
      });
      const body: MarkAttendanceResponse =
        outcome.kind === 'marked'
          ? { outcome: 'marked', person: row(outcome.attended ? 'attended' : 'absent', true) }
          : outcome.kind === 'alreadyAttended'
            ? { outcome: 'alreadyAttended', person: row('attended', true) }
            : outcome.kind === 'notStarted'
              ? { outcome: 'notStarted', person: row('booked', false) }
              : { outcome: 'notBooked' };
      res.json(body);
    });
  };
}
