import { deliveryKey, type DueKind, type DueWork } from '../../../domain/delivery/dueWork.ts';
import type { OutboundItem, OutboundRef } from '../../../domain/delivery/outbound.ts';

/** The outbound pipeline's kind for the scheduler's cards: a step, its reminders, its reviews, a check-in. */
export const DRIP_KIND = 'drip';

/** What a drip item carries: the due work's identity (never the card), and the learner it is about. */
export interface DripRef extends OutboundRef {
  learnerId: string;
  programId: string;
  stepId: string;
  work: DueKind;
  n: number;
  questionId: string | null;
  round: number | null;
  /** The learner's local day the card counted against their daily cap. */
  day: string;
}

/** The pipeline key of a piece of due work: the same work, the same key, in every round and worker. */
export function dripKey(work: Parameters<typeof deliveryKey>[0]): string {
  return `${DRIP_KIND}|${deliveryKey(work)}`;
}

/**
 * The item for one piece of due work, to `recipientId` (the learner, or their manager for a
 * check-in). Scheduled cards go in the bulk lane: a click's answer never waits behind them.
 */
export function dripItem(work: DueWork, recipientId: string, day: string): OutboundItem {
  const ref: DripRef = {
    learnerId: work.userId,
    programId: work.programId,
    stepId: work.stepId,
    work: work.kind,
    n: work.n,
    questionId: work.questionId ?? null,
    round: work.round ?? null,
    day,
  };
  return {
    tenantId: work.tenantId,
    userId: recipientId,
    key: dripKey(work),
    kind: DRIP_KIND,
    ref,
    lane: 'bulk',
  };
}

/** The due work an item was made from (its `at` is not kept: the schedule is looked up by key). */
export function workOf(item: OutboundItem): Omit<DueWork, 'at'> {
  const ref = item.ref as DripRef;
  return {
    tenantId: item.tenantId,
    userId: ref.learnerId,
    programId: ref.programId,
    stepId: ref.stepId,
    kind: ref.work,
    n: ref.n,
    ...(ref.questionId ? { questionId: ref.questionId } : {}),
    ...(ref.round !== null && ref.round !== undefined ? { round: ref.round } : {}),
  };
}
