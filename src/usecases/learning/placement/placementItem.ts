import type { OutboundItem, OutboundRef } from '../../../domain/delivery/outbound.ts';

/** The outbound pipeline's kind for placement quiz cards ("Already know CPR? Take a short test"). */
export const PLACEMENT_KIND = 'placement';

/** What a placement item carries: which part of which enrollment (never the card, never answers). */
export interface PlacementRef extends OutboundRef {
  programId: string;
  partId: string;
  round: number | null;
}

export interface PlacementTarget {
  tenantId: string;
  userId: string;
  programId: string;
  partId: string;
  round?: number;
}

/** One placement card per person, part and round: the same key in every round and worker. */
export function placementKey(t: Omit<PlacementTarget, 'tenantId'>): string {
  const key = [PLACEMENT_KIND, t.userId, t.programId, t.partId];
  if (t.round !== undefined && t.round > 0) key.push(`r${t.round}`);
  return key.join('|');
}

/** The item for one placement card, to the learner; in the bulk lane with the scheduler's cards. */
export function placementItem(t: PlacementTarget): OutboundItem {
  const ref: PlacementRef = { programId: t.programId, partId: t.partId, round: t.round ?? null };
  return {
    tenantId: t.tenantId,
    userId: t.userId,
    key: placementKey(t),
    kind: PLACEMENT_KIND,
    ref,
    lane: 'bulk',
  };
}

export function placementOf(item: OutboundItem): PlacementTarget {
  const ref = item.ref as PlacementRef;
  return {
    tenantId: item.tenantId,
    userId: item.userId,
    programId: ref.programId,
    partId: ref.partId,
    ...(ref.round !== null && ref.round !== undefined ? { round: ref.round } : {}),
  };
}
