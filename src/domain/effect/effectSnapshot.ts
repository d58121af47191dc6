import type { ManagerInvolvement } from './managerInvolvement.ts';
import type { ProgramEffect } from './programEffect.ts';

/**
 * The Effect view's read model for one tenant: every program's figures as the aggregation job last
 * computed them, already through the five-person rule, so what is stored holds no figure about fewer
 * than five people. Managers are named by id; their names are looked up when the view is shown.
 */
export interface EffectSnapshot {
  tenantId: string;
  /** When it was computed, ISO. */
  at: string;
  programs: ProgramEffect[];
  /** Tenant-wide manager involvement (nudges name no program); absent in snapshots from before it. */
  involvement?: ManagerInvolvement;
}
