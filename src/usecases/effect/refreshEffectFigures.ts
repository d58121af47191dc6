import { managerInvolvement, requestFigures } from '../../domain/effect/managerInvolvement.ts';
import { programEffect, type EffectPerson } from '../../domain/effect/programEffect.ts';
import type { EffectSnapshot } from '../../domain/effect/effectSnapshot.ts';
import type { Clock } from '../../domain/platform/clock.ts';
import type { Program } from '../../domain/learning/program.ts';
import type { TeamDirectory } from '../managers/teamSummaryPorts.ts';
import type {
  EffectFiguresStore,
  TenantLearningTimeReader,
  TenantManagerCardsReader,
  TenantProgressReader,
} from './ports.ts';

export interface EffectDeps {
  clock: Clock;
  /** The programs in content/, as loaded at start. */
  programs: readonly Program[];
  tenantProgress: TenantProgressReader;
  /** Learning-time requests and the nudges and thanks managers sent: manager involvement. */
  tenantLearningTime: TenantLearningTimeReader;
  tenantManagerCards: TenantManagerCardsReader;
  teamDirectory: Pick<TeamDirectory, 'list' | 'get'>;
  effectFigures: EffectFiguresStore;
}

/**
 * Computes every program's effect figures for one tenant from the sources (its learning rows and the
 * directory's departments and managers, its learning-time requests and the nudges and thanks its
 * managers sent) and stores them as the Effect view's snapshot. It reads the
 * tenant once per run, so the view itself is one row read however large the tenant; the worker runs
 * it every 15 minutes (src/jobs/effectJobs.ts) and HR can ask for it now. Safe to run twice at once.
 */
export async function refreshEffectFigures(deps: EffectDeps, tenantId: string): Promise<EffectSnapshot> {
  const [{ enrollments, steps }, directory, requests, cards] = await Promise.all([
    deps.tenantProgress.readTenant(tenantId),
    deps.teamDirectory.list(tenantId),
    deps.tenantLearningTime.readTenant(tenantId),
    deps.tenantManagerCards.readTenant(tenantId),
  ]);
  const people = new Map<string, EffectPerson>(
    directory.map((p) => [p.id, { id: p.id, department: p.department, managerId: p.managerId }]),
  );
  const now = deps.clock.now();
  const snapshot: EffectSnapshot = {
    tenantId,
    at: now.toISOString(),
    programs: deps.programs.map((program) => ({
      ...programEffect({ program, enrollments, steps, people, now }),
      // A request that names the program counts under it too.
      learningTime: requestFigures(requests.filter((r) => r.programId === program.id)),
    })),
    involvement: managerInvolvement({ requests, cards, programs: deps.programs, steps, people }),
  };
  await deps.effectFigures.save(snapshot);
  return snapshot;
}
