import { can, type Actor } from '../../domain/access/index.ts';
import { guidelineView, type GuidelineCardView } from '../../domain/broadcasts/guidelineView.ts';
import {
  decideAcknowledgement,
  hasAcknowledged,
  type BroadcastRecipient,
} from '../../domain/broadcasts/recipient.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';

export type AcknowledgeOutcome =
  /** No such broadcast in the actor's tenant, or it was not sent to them. */
  | { kind: 'notYours' }
  | { kind: 'recalled' }
  /** The card showed another version than the server's: nothing recorded; the current card. */
  | { kind: 'outdated'; card: GuidelineCardView }
  | { kind: 'alreadyAcknowledged'; card: GuidelineCardView }
  | { kind: 'acknowledged'; card: GuidelineCardView }
  | { kind: 'notRequired'; card: GuidelineCardView };

/**
 * "I have read and understood", from the card (Action.Execute). Load → authorize → act: the
 * broadcast and the actor's own recipient row, the policy (same tenant, only the recipient), then
 * the decision on the server's current version, written with the row's ETag. Idempotent: a second
 * click answers with the first acknowledgement's time.
 */
export async function acknowledgeGuideline(
  deps: Pick<BroadcastsDeps, 'clock' | 'broadcasts' | 'recipients' | 'defaultTimeZone'>,
  actor: Actor,
  request: { broadcastId: string; version: number },
): Promise<AcknowledgeOutcome> {
  return retryOnConflict('acknowledge a guideline', async () => {
    const [b, r] = await Promise.all([
      deps.broadcasts.get(actor.tenantId, request.broadcastId),
      deps.recipients.get(actor.tenantId, request.broadcastId, actor.userId),
    ]);
    if (!b || !r) return { kind: 'notYours' as const };
    const resource = {
      type: 'guidelineRecipient' as const,
      tenantId: b.tenantId,
      recipientId: r.userId,
      requiresAcknowledgement: b.requiresAcknowledgement,
      recalled: b.status === 'recalled',
      acknowledged: hasAcknowledged(r, b.version),
    };
    if (b.status === 'recalled') return { kind: 'recalled' as const };
    const view = (rec: BroadcastRecipient = r) =>
      guidelineView(b, rec, { defaultTimeZone: deps.defaultTimeZone });
    if (!b.requiresAcknowledgement) return { kind: 'notRequired' as const, card: view() };
    if (!can(actor, 'acknowledge', resource)) return { kind: 'notYours' as const };
    const decision = decideAcknowledgement(b, r, request.version, deps.clock.now());
    switch (decision.kind) {
      case 'recalled':
        return { kind: 'recalled' as const };
      case 'notRequired':
      case 'outdated':
      case 'alreadyAcknowledged':
        return { kind: decision.kind, card: view() };
      case 'acknowledge':
        return orConflict(
          await deps.recipients.update(
            { ...decision.recipient, etag: r.etag },
            { version: decision.recipient.acknowledgements.at(-1)!.version },
          ),
          {
            kind: 'acknowledged' as const,
            card: view(decision.recipient),
          },
        );
    }
  });
}
