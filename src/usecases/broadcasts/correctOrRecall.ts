import { canComposeBroadcasts, type Actor } from '../../domain/access/index.ts';
import {
  broadcastCardKey,
  correctBroadcast,
  guidelineProblems,
  recallBroadcast,
  reminderCardKey,
  type Broadcast,
  type GuidelineContent,
  type GuidelineProblem,
} from '../../domain/broadcasts/broadcast.ts';
import type { CorrectionReport, OutboundTarget } from '../delivery/outboundPorts.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';

type Deps = Pick<BroadcastsDeps, 'clock' | 'broadcasts' | 'recipients' | 'outbound'>;

export type CorrectOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'notFound' }
  | { kind: 'invalidContent'; problems: GuidelineProblem[] }
  | { kind: 'refused'; problem: 'notSent' | 'changeNoteMissing' | 'changeNoteTooLong' | 'unchanged' }
  | { kind: 'corrected'; broadcast: Broadcast; report: CorrectionReport };

/**
 * A correction: a new version of the guideline, stored first (so every card rendered from now on is
 * the new one, including those still queued), then every card already in a chat is updated in place
 * (the original and its reminders). Where acknowledgement is required, the new version must be
 * acknowledged again; the card says what changed.
 */
export async function correctGuideline(
  deps: Deps,
  actor: Actor,
  id: string,
  content: GuidelineContent,
  changeNote: string,
): Promise<CorrectOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const problems = guidelineProblems(content);
  if (problems.length > 0) return { kind: 'invalidContent', problems };
  const stored = await retryOnConflict('correct a broadcast', async () => {
    const b = await deps.broadcasts.get(actor.tenantId, id);
    if (!b) return { kind: 'notFound' as const };
    const decision = correctBroadcast(b, content, changeNote, actor.userId, deps.clock.now());
    if (!decision.ok) return { kind: 'refused' as const, problem: decision.problem };
    return orConflict(await deps.broadcasts.update({ ...decision.broadcast, etag: b.etag }), {
      kind: 'stored' as const,
      broadcast: decision.broadcast,
    });
  });
  if (stored.kind !== 'stored') return stored;
  const report = await deps.outbound.updateSent(await sentCards(deps, stored.broadcast));
  return { kind: 'corrected', broadcast: stored.broadcast, report };
}

export type RecallOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'notFound' }
  | { kind: 'notRecallable'; broadcast: Broadcast }
  | { kind: 'recalled'; broadcast: Broadcast; report: CorrectionReport };

/**
 * A recall: the broadcast is marked recalled first (so nothing still queued goes out: the renderer
 * skips it), then every card already in a chat is deleted. Acknowledgements stay recorded.
 */
export async function recallGuideline(deps: Deps, actor: Actor, id: string): Promise<RecallOutcome> {
  if (!canComposeBroadcasts(actor)) return { kind: 'notAllowed' };
  const stored = await retryOnConflict('recall a broadcast', async () => {
    const b = await deps.broadcasts.get(actor.tenantId, id);
    if (!b) return { kind: 'notFound' as const };
    const decision = recallBroadcast(b, deps.clock.now());
    if (!decision.ok) return { kind: 'notRecallable' as const, broadcast: b as Broadcast };
    return orConflict(await deps.broadcasts.update({ ...decision.broadcast, etag: b.etag }), {
      kind: 'stored' as const,
      broadcast: decision.broadcast,
    });
  });
  if (stored.kind !== 'stored') return stored;
  const report = await deps.outbound.deleteSent(await sentCards(deps, stored.broadcast));
  return { kind: 'recalled', broadcast: stored.broadcast, report };
}

/** Every card of a broadcast that may be in a chat: each recipient's own, and their reminders. */
async function sentCards(deps: Pick<Deps, 'recipients'>, b: Broadcast): Promise<OutboundTarget[]> {
  const targets: OutboundTarget[] = [];
  for (const r of await deps.recipients.list(b.tenantId, b.id)) {
    targets.push({ tenantId: b.tenantId, key: broadcastCardKey(b.id, r.userId), batchId: b.id });
    for (let n = 1; n <= r.remindersSent; n++)
      targets.push({
        tenantId: b.tenantId,
        key: reminderCardKey(b.id, r.userId, n),
        batchId: reminderBatch(b.id),
      });
  }
  return targets;
}

/** Reminders and nudges have a batch of their own, so the broadcast's counts are one per person. */
export function reminderBatch(broadcastId: string): string {
  return `${broadcastId}|reminders`;
}
