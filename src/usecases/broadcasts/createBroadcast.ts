import { canComposeBroadcasts, type Actor } from '../../domain/access/index.ts';
import type { ResolvedAudience } from '../../domain/broadcasts/audience.ts';
import {
  guidelineProblems,
  newBroadcast,
  reminderProblems,
  scheduleSend,
  type Broadcast,
  type GuidelineContent,
  type GuidelineProblem,
  type ReminderSettings,
} from '../../domain/broadcasts/broadcast.ts';
import type { Stored } from '../platform/ports.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';
import {
  checkAudience,
  resolveStoredAudience,
  type AudienceCheck,
  type AudienceRequest,
} from './composeGuideline.ts';

export interface NewBroadcastRequest {
  /** Chosen by the caller (a UUID): a retried request finds the broadcast it made. */
  id: string;
  content: GuidelineContent;
  requiresAcknowledgement: boolean;
  dueDate?: string;
  audience: AudienceRequest;
  reminders?: ReminderSettings;
  /** Absent: a draft. `{}`: now. `{ at }`: scheduled. */
  send?: { at?: Date };
  /** Leave out addresses and terms that match nobody instead of refusing. */
  skipUnmatched?: boolean;
}

export type CreateOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'invalidContent'; problems: GuidelineProblem[] }
  | { kind: 'invalidReminders'; problems: Array<'afterDays' | 'maxReminders'> }
  | Exclude<AudienceCheck, { kind: 'ok' }>
  /** Some addresses or terms match nobody: nothing was stored (unless skipUnmatched). */
  | { kind: 'unmatched'; resolved: ResolvedAudience }
  | { kind: 'emptyAudience'; resolved: ResolvedAudience }
  | { kind: 'badSchedule'; problem: 'tooSoon' | 'tooFar' }
  | { kind: 'created'; broadcast: Broadcast; resolved: ResolvedAudience; existed: boolean };

/**
 * HR writes a guideline and chooses who gets it: everything is checked (content, reminders, the
 * audience's syntax, addresses that match nobody, an empty audience, the time) before anything is
 * stored. Then it is stored as a draft, or to go out now or at a time; the fan-out job sends it.
 */
export async function createBroadcast(
  deps: Pick<BroadcastsDeps, 'clock' | 'broadcasts' | 'directory'>,
  actor: Actor,
  request: NewBroadcastRequest,
): Promise<CreateOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const problems = guidelineProblems(request.content, request.dueDate);
  if (problems.length > 0) return { kind: 'invalidContent', problems };
  const reminders = request.reminders && reminderProblems(request.reminders);
  if (reminders && reminders.length > 0) return { kind: 'invalidReminders', problems: reminders };
  const audience = checkAudience(request.audience);
  if (audience.kind !== 'ok') return audience;

  const resolved = await resolveStoredAudience(deps, actor.tenantId, audience.spec);
  const unmatched = resolved.unmatchedAddresses.length > 0 || resolved.unmatchedTerms.length > 0;
  if (unmatched && !request.skipUnmatched) return { kind: 'unmatched', resolved };
  if (resolved.people.length === 0) return { kind: 'emptyAudience', resolved };

  const now = deps.clock.now();
  let broadcast = newBroadcast({
    tenantId: actor.tenantId,
    id: request.id,
    createdBy: actor.userId,
    now,
    content: request.content,
    requiresAcknowledgement: request.requiresAcknowledgement,
    dueDate: request.dueDate,
    // Only the addresses that matched someone are kept when HR chose to leave the others out.
    audience: unmatched
      ? {
          ...audience.spec,
          addresses: audience.spec.addresses.filter((a) => !resolved.unmatchedAddresses.includes(a)),
        }
      : audience.spec,
    reminders: request.reminders,
  });
  if (request.send) {
    const scheduled = scheduleSend(broadcast, now, request.send.at);
    if (!scheduled.ok)
      return {
        kind: 'badSchedule',
        problem: scheduled.problem === 'notADraft' ? 'tooSoon' : scheduled.problem,
      };
    broadcast = scheduled.broadcast;
  }
  const created = await deps.broadcasts.create(broadcast);
  if (created === 'exists') {
    const existing = await deps.broadcasts.get(actor.tenantId, request.id);
    return { kind: 'created', broadcast: existing ?? broadcast, resolved, existed: true };
  }
  return { kind: 'created', broadcast, resolved, existed: false };
}

export type SendOutcome =
  | { kind: 'notFound' }
  | { kind: 'notAllowed' }
  | { kind: 'notADraft'; broadcast: Broadcast }
  | { kind: 'badSchedule'; problem: 'tooSoon' | 'tooFar' }
  | { kind: 'scheduled'; broadcast: Broadcast };

/** A draft (or a scheduled broadcast) goes out now, or at another time. */
export async function sendBroadcast(
  deps: Pick<BroadcastsDeps, 'clock' | 'broadcasts'>,
  actor: Actor,
  id: string,
  at?: Date,
): Promise<SendOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  return retryOnConflict('send a broadcast', async () => {
    const b = await deps.broadcasts.get(actor.tenantId, id);
    if (!b) return { kind: 'notFound' };
    const decision = scheduleSend(b, deps.clock.now(), at);
    if (!decision.ok)
      return decision.problem === 'notADraft'
        ? { kind: 'notADraft', broadcast: b }
        : { kind: 'badSchedule', problem: decision.problem };
    const next: Stored<Broadcast> = { ...decision.broadcast, etag: b.etag };
    return orConflict(await deps.broadcasts.update(next), { kind: 'scheduled' as const, broadcast: next });
  });
}

export type RemindersOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'notFound' }
  | { kind: 'invalid'; problems: Array<'afterDays' | 'maxReminders'> }
  | { kind: 'notNow'; broadcast: Broadcast }
  | { kind: 'saved'; broadcast: Broadcast };

/** Reminder settings of a guideline that asks for acknowledgement and is not recalled. */
export async function setReminders(
  deps: Pick<BroadcastsDeps, 'broadcasts'>,
  actor: Actor,
  id: string,
  reminders: ReminderSettings,
): Promise<RemindersOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const problems = reminderProblems(reminders);
  if (problems.length > 0) return { kind: 'invalid', problems };
  return retryOnConflict('set reminders', async () => {
    const b = await deps.broadcasts.get(actor.tenantId, id);
    if (!b) return { kind: 'notFound' as const };
    if (!b.requiresAcknowledgement || b.status === 'recalled')
      return { kind: 'notNow' as const, broadcast: b };
    const next = { ...b, reminders };
    return orConflict(await deps.broadcasts.update(next), { kind: 'saved' as const, broadcast: next });
  });
}
