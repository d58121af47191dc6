import { can } from '../../../domain/access/index.ts';
import { personLanguage, type Language } from '../../../domain/platform/language.ts';
import {
  isoWeek,
  nextIsoWeekStart,
  nudgeKey,
  recognitionKey,
  completedSubject,
  recognitionMessage,
  type RecognitionSubject,
} from '../../../domain/managers/teamActions.ts';
import { textFor } from '../../../domain/learning/program.ts';
import { sendCardOnce } from '../../delivery/sendCardOnce.ts';
import type { ManagersDeps } from '../managersDeps.ts';
import { actorFor, personResource, reportingLine, type Caller } from './reportingLine.ts';

/** The nudge and thank-you cards, built by src/cards/managers in the person's language. */
export interface TeamCardPresenter {
  nudgeCard(view: { managerName: string; language: Language }): object;
  recognitionCard(view: {
    managerName: string;
    text: string;
    subjectTitle?: string;
    language: Language;
  }): object;
  /** The catalogue's suggested thank-you lines, in the manager's language. */
  recognitionSuggestions(language: Language): readonly string[];
}

export type NudgeOutcome =
  | { kind: 'sent'; sentAt: Date; nextAllowedAt: Date }
  | { kind: 'alreadyNudgedThisWeek'; week: string; nextAllowedAt: Date }
  | { kind: 'unreachable' }
  | { kind: 'notAllowed' };

/**
 * A friendly nudge to one of the manager's people: at most one per person per ISO week (in the
 * person's time zone), whoever sends it; the delivery record's key enforces it on the server.
 */
export async function nudgePerson(
  deps: Pick<ManagersDeps, 'clock' | 'people' | 'conversations' | 'deliveries' | 'sender'>,
  cards: TeamCardPresenter,
  caller: Caller,
  personId: string,
  defaultTimeZone: string,
): Promise<NudgeOutcome> {
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, personId));
  if (!can(actor, 'nudge', personResource(caller.tenantId, personId))) return { kind: 'notAllowed' };
  const [person, manager, conversation] = await Promise.all([
    deps.people.get(actor.tenantId, personId),
    deps.people.get(actor.tenantId, actor.userId),
    deps.conversations.find(actor.tenantId, personId),
  ]);
  const now = deps.clock.now();
  const timeZone = person?.timeZone ?? defaultTimeZone;
  const week = isoWeek(now, timeZone);
  const nextAllowedAt = nextIsoWeekStart(now, timeZone);
  const card = cards.nudgeCard({
    managerName: manager?.displayName ?? '',
    language: personLanguage(person?.preferredLanguage, conversation?.locale),
  });
  const sent = await sendCardOnce(deps, {
    tenantId: actor.tenantId,
    userId: personId,
    key: nudgeKey(personId, week),
    card,
  });
  if (sent.outcome === 'sent') return { kind: 'sent', sentAt: now, nextAllowedAt };
  if (sent.outcome === 'failed') return { kind: 'unreachable' };
  return { kind: 'alreadyNudgedThisWeek', week, nextAllowedAt };
}

export type RecognizeOutcome =
  | { kind: 'sent'; sentAt: Date }
  | { kind: 'alreadySent' }
  | { kind: 'invalid'; problem: 'empty' | 'tooLong' | 'unknownSuggestion' | 'notCompleted' }
  | { kind: 'unreachable' }
  | { kind: 'notAllowed' };

/**
 * A short thank-you when one of the manager's people has completed something (a program, or a step
 * of it): a line the manager wrote (at most 280 characters) or a suggestion from the catalogue.
 * Without a subject it thanks for the latest thing the person completed.
 * One card per manager, person and thing completed.
 */
export async function recognizePerson(
  deps: Pick<
    ManagersDeps,
    'clock' | 'people' | 'conversations' | 'deliveries' | 'sender' | 'progress' | 'catalog'
  >,
  cards: TeamCardPresenter,
  caller: Caller,
  request: { personId: string; subject?: RecognitionSubject; text?: string; suggestion?: number },
): Promise<RecognizeOutcome> {
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, request.personId));
  if (!can(actor, 'recognize', personResource(caller.tenantId, request.personId)))
    return { kind: 'notAllowed' };
  const [person, manager, personChat, managerChat, progress] = await Promise.all([
    deps.people.get(caller.tenantId, request.personId),
    deps.people.get(caller.tenantId, caller.userId),
    deps.conversations.find(caller.tenantId, request.personId),
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

  const language = personLanguage(person?.preferredLanguage, personChat?.locale);
  const program = deps.catalog.find(subject.programId);
  const step = subject.stepId ? program?.steps.find((s) => s.id === subject.stepId) : undefined;
  const title = step?.title ?? program?.title;
  const card = cards.recognitionCard({
    managerName: manager?.displayName ?? '',
    text: message.text,
    subjectTitle: title ? textFor(title, language) : undefined,
    language,
  });
  const sent = await sendCardOnce(deps, {
    tenantId: caller.tenantId,
    userId: request.personId,
    key: recognitionKey(caller.userId, request.personId, subject),
    card,
  });
  if (sent.outcome === 'sent') return { kind: 'sent', sentAt: deps.clock.now() };
  if (sent.outcome === 'failed') return { kind: 'unreachable' };
  return { kind: 'alreadySent' };
}
