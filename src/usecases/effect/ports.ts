import type { LearningTimeFact, ManagerCardFact } from '../../domain/effect/managerInvolvement.ts';
import type { EffectSnapshot } from '../../domain/effect/effectSnapshot.ts';
import type { Enrollment } from '../../domain/learning/enrollment.ts';
import type { StepState } from '../../domain/learning/stepState.ts';

/** The Effect view's read model: one snapshot per tenant (src/store/effect/effectFiguresStore.ts). */
export interface EffectFiguresStore {
  load(tenantId: string): Promise<EffectSnapshot | undefined>;
  /** Replaces the tenant's snapshot; a later one always wins, so two jobs at once do no harm. */
  save(snapshot: EffectSnapshot): Promise<void>;
}

/**
 * Every enrollment and step row of a tenant, read in one pass for the aggregation job (never per
 * page view): the LearnerProgress partitions of the tenant, one range query.
 */
export interface TenantProgressReader {
  readTenant(tenantId: string): Promise<{ enrollments: Enrollment[]; steps: StepState[] }>;
}

/**
 * Every learning-time request of a tenant, as the figures need them: one query of its partition of
 * LearningTimeRequests per run.
 */
export interface TenantLearningTimeReader {
  readTenant(tenantId: string): Promise<LearningTimeFact[]>;
}

/**
 * Every nudge and thank-you card managers sent in a tenant: one range query of its unbatched
 * OutboundStatus partitions per run (the cards are items of the outbound pipeline).
 */
export interface TenantManagerCardsReader {
  readTenant(tenantId: string): Promise<ManagerCardFact[]>;
}
