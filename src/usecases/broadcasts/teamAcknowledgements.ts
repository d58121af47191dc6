import { can, type Actor } from '../../domain/access/index.ts';
import {
  BROADCAST_KIND,
  broadcastCardKey,
  localDay,
  nextLocalMidnight,
  nudgeCardKey,
  type Broadcast,
} from '../../domain/broadcasts/broadcast.ts';
import { hasAcknowledged, type BroadcastRecipient } from '../../domain/broadcasts/recipient.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import { actorFor, reportingLine, type Caller } from '../managers/team/reportingLine.ts';
import { reportingTreeOf } from '../managers/team/reportingTree.ts';
import type { BroadcastsDeps } from './broadcastsDeps.ts';
import { reminderBatch } from './correctOrRecall.ts';

/** Guidelines looked at: the newest this many broadcasts of the tenant. */
const RECENT_BROADCASTS = 20;

export interface TeamGuideline {
  broadcast: Broadcast;
  /** The caller's people who got it. */
  recipients: BroadcastRecipient[];
  notAcknowledged: Array<{ recipient: BroadcastRecipient; deliveredAt?: string; canNudge: boolean }>;
}

export type TeamAcknowledgementsOutcome =
  { kind: 'notAllowed' } | { kind: 'shown'; guidelines: TeamGuideline[] };

/**
 * My team's guidelines: each recent guideline that asks for acknowledgement (not recalled) that
 * reached any of the caller's people (direct or indirect), and who of them has not acknowledged
 * its current version. One point read per person per guideline.
 */
export async function showTeamAcknowledgements(
  deps: Pick<BroadcastsDeps, 'broadcasts' | 'recipients' | 'outbound' | 'managerIndex'>,
  caller: Caller,
): Promise<TeamAcknowledgementsOutcome> {
  const tree = await reportingTreeOf(deps, caller.tenantId, caller.userId);
  if (tree.length === 0) return { kind: 'notAllowed' };
  const actor: Actor = {
    ...caller,
    roles: ['learner', 'manager'],
    managedIds: new Set(tree.map((m) => m.id)),
  };
  const broadcasts = (await deps.broadcasts.list(caller.tenantId, RECENT_BROADCASTS)).filter(
    (b) => b.requiresAcknowledgement && b.status === 'sending' && b.fannedOutAt,
  );
  const guidelines: TeamGuideline[] = [];
  for (const b of broadcasts) {
    const rows = await mapLimit(tree, 16, (m) => deps.recipients.get(caller.tenantId, b.id, m.id));
    const recipients = rows.filter((r): r is NonNullable<typeof r> => r !== undefined);
    if (recipients.length === 0) continue;
    const open = recipients.filter((r) => !hasAcknowledged(r, b.version));
    const notAcknowledged = await mapLimit(open, 16, async (r) => {
      const delivery = await deps.outbound.recipient({
        tenantId: b.tenantId,
        key: broadcastCardKey(b.id, r.userId),
        batchId: b.id,
      });
      return {
        recipient: r,
        deliveredAt: delivery?.sentAt,
        canNudge: can(actor, 'nudgeAcknowledgement', {
          type: 'guidelineRecipient',
          tenantId: b.tenantId,
          recipientId: r.userId,
          requiresAcknowledgement: true,
          recalled: false,
          acknowledged: false,
        }),
      };
    });
    guidelines.push({ broadcast: b, recipients, notAcknowledged });
  }
  return { kind: 'shown', guidelines };
}

export type GuidelineNudgeOutcome =
  | { kind: 'notAllowed' }
  | { kind: 'alreadyAcknowledged' }
  | { kind: 'alreadyNudgedToday'; nextAllowedAt: Date }
  | { kind: 'sent'; sentAt: Date; nextAllowedAt: Date };

/**
 * A manager reminds one of their people of a guideline they have not acknowledged: a reminder card
 * from the manager, at most one per person and guideline per day (in the person's zone), whoever
 * sends it; the pipeline's key enforces it. The same 'not allowed' whether the person exists or not.
 */
export async function nudgeAboutGuideline(
  deps: Pick<
    BroadcastsDeps,
    'clock' | 'broadcasts' | 'recipients' | 'outbound' | 'people' | 'defaultTimeZone'
  >,
  caller: Caller,
  broadcastId: string,
  personId: string,
): Promise<GuidelineNudgeOutcome> {
  const actor = actorFor(caller, await reportingLine(deps, caller.tenantId, personId));
  const [b, r] = await Promise.all([
    deps.broadcasts.get(caller.tenantId, broadcastId),
    deps.recipients.get(caller.tenantId, broadcastId, personId),
  ]);
  if (!b || !r) return { kind: 'notAllowed' };
  const acknowledged = hasAcknowledged(r, b.version);
  const resource = {
    type: 'guidelineRecipient' as const,
    tenantId: b.tenantId,
    recipientId: r.userId,
    requiresAcknowledgement: b.requiresAcknowledgement,
    recalled: b.status === 'recalled',
    acknowledged,
  };
  if (acknowledged && can(actor, 'view', resource)) return { kind: 'alreadyAcknowledged' };
  if (!can(actor, 'nudgeAcknowledgement', resource)) return { kind: 'notAllowed' };
  const manager = await deps.people.get(caller.tenantId, caller.userId);
  const now = deps.clock.now();
  const timeZone = r.timeZone ?? deps.defaultTimeZone;
  const nextAllowedAt = nextLocalMidnight(now, timeZone);
  const report = await deps.outbound.enqueue([
    {
      tenantId: b.tenantId,
      userId: r.userId,
      key: nudgeCardKey(b.id, r.userId, localDay(now, timeZone)),
      kind: BROADCAST_KIND,
      ref: { broadcastId: b.id, nudgedBy: manager?.displayName ?? '' },
      batchId: reminderBatch(b.id),
    },
  ]);
  if (report.queued === 0) return { kind: 'alreadyNudgedToday', nextAllowedAt };
  return { kind: 'sent', sentAt: now, nextAllowedAt };
}
