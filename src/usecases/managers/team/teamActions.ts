import { can } from '../../../domain/access/index.ts';
import { personLanguage } from '../../../domain/platform/language.ts';
import {
  isoWeek,
  nextIsoWeekStart,
  nudgeKey,
  recognitionKey,
  completedSubject,
  recognitionMessage,
  type RecognitionSubject,
} from '../../../domain/managers/teamActions.ts';
import type { ManagersDeps } from '../managersDeps.ts';
import { actorFor, personResource, reportingLine, type Caller } from './reportingLine.ts';
import {
  NUDGE_KIND,
  RECOGNITION_KIND,
  type NudgeRef,
  type RecognitionRef,
  type TeamCardPresenter,
} from './teamCardKinds.ts';

export type { TeamCardPresenter };

/** `sent`: accepted for sending on the outbound pipeline (in the interactive lane: within seconds). */
export type NudgeOutcome =
  | { kind: 'sent'; sentAt: Date; nextAllowedAt: Date }
  | { kind: 'alreadyNudgedThisWeek'; week: string; nextAllowedAt: Date }
  | { kind: 'notAllowed' };

/**
 * A friendly nudge to one of the manager's people: at most one per person per ISO week (in the
 * person's time zone), whoever sends it; the pipeline's key enforces it on the server. A nudge that
 * could not be delivered (the person blocked the bot, say) may be sent again the same week.
 */
export async function nudgePerson(
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'outbound'>,
  caller: Caller,
  personId: string,
  defaultTimeZone: string,
): Promise<NudgeOutcome> {
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, personId));
  if (!can(actor, 'nudge', personResource(caller.tenantId, personId))) return { kind: 'notAllowed' };
  const person = await deps.people.get(actor.tenantId, personId);
  const now = deps.clock.now();
  const timeZone = person?.timeZone ?? defaultTimeZone;
  const week = isoWeek(now, timeZone);
  const nextAllowedAt = nextIsoWeekStart(now, timeZone);
  const ref: NudgeRef = { managerId: actor.userId };
  const report = await deps.outbound.enqueue(
    [
      {
        tenantId: actor.tenantId,
        userId: personId,
        key: nudgeKey(personId, week),
        kind: NUDGE_KIND,
        ref,
        lane: 'interactive',
      },
    ],
    { retryFailed: true },
  );
  if (report.queued > 0) return { kind: 'sent', sentAt: now, nextAllowedAt };
  return { kind: 'alreadyNudgedThisWeek', week, nextAllowedAt };
}

/** `sent`: accepted for sending on the outbound pipeline (in the interactive lane: within seconds). */
export type RecognizeOutcome =
  | { kind: 'sent'; sentAt: Date }
  | { kind: 'alreadySent' }
  | { kind: 'invalid'; problem: 'empty' | 'tooLong' | 'unknownSuggestion' | 'notCompleted' }
  | { kind: 'notAllowed' };

/**
 * A short thank-you when one of the manager's people has completed something (a program, or a step
 * of it): a line the manager wrote (at most 280 characters) or a suggestion from the catalogue.
 * Without a subject it thanks for the latest thing the person completed.
 * One card per manager, person and thing completed.
 */
export async function recognizePerson(
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'conversations' | 'outbound' | 'progress' | 'catalog'>,
  cards: TeamCardPresenter,
  caller: Caller,
  request: { personId: string; subject?: RecognitionSubject; text?: string; suggestion?: number },
): Promise<RecognizeOutcome> {
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, request.personId));
  if (!can(actor, 'recognize', personResource(caller.tenantId, request.personId)))
    return { kind: 'notAllowed' };
  const [manager, managerChat, progress] = await Promise.all([
    deps.people.get(caller.tenantId, caller.userId),
    deps.conversations.find(caller.tenantId, caller.userId),
    deps.progress.loadPerson(caller.tenantId, request.personId),
  ]);
  // Check-ins are the manager's own answers: nothing to thank the person for.
  const counts = (programId: string, stepId: string) =>
    deps.catalog.find(programId)?.steps.find((s) => s.id === stepId)?.kind !== 'checkin';
  const subject = completedSubject(progress, request.subject, counts);
  if (!subject) return { kind: 'invalid', problem: 'notCompleted' };
  const managerLanguage = personLanguage(manager?.preferredLanguage, managerChat?.locale);
  const message = recognitionMessage(request, cards.recognitionSuggestions(managerLanguage));
  if (!message.ok) return { kind: 'invalid', problem: message.problem };

  const ref: RecognitionRef = {
    managerId: caller.userId,
    text: message.text,
    programId: subject.programId,
    stepId: subject.stepId ?? null,
  };
  const report = await deps.outbound.enqueue(
    [
      {
        tenantId: caller.tenantId,
        userId: request.personId,
        key: recognitionKey(caller.userId, request.personId, subject),
        kind: RECOGNITION_KIND,
        ref,
        lane: 'interactive',
      },
    ],
    { retryFailed: true },
  );
  if (report.queued > 0) return { kind: 'sent', sentAt: deps.clock.now() };
  return { kind: 'alreadySent' };
}
