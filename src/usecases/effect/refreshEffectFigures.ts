import { programEffect, type EffectPerson } from '../../domain/effect/programEffect.ts';
import type { EffectSnapshot } from '../../domain/effect/effectSnapshot.ts';
import type { Clock } from '../../domain/platform/clock.ts';
import type { Program } from '../../domain/learning/program.ts';
import type { TeamDirectory } from '../managers/teamSummaryPorts.ts';
import type { EffectFiguresStore, TenantProgressReader } from './ports.ts';

export interface EffectDeps {
  clock: Clock;
  /** The programs in content/, as loaded at start. */
  programs: readonly Program[];
  tenantProgress: TenantProgressReader;
  teamDirectory: Pick<TeamDirectory, 'list' | 'get'>;
  effectFigures: EffectFiguresStore;
}

/**
 * Computes every program's effect figures for one tenant from the sources (its learning rows and the
 * directory's departments and managers) and stores them as the Effect view's snapshot. It reads the
 * tenant once per run, so the view itself is one row read however large the tenant; the worker runs
 * it every 15 minutes (src/jobs/effectJobs.ts) and HR can ask for it now. Safe to run twice at once.
 */
export async function refreshEffectFigures(deps: EffectDeps, tenantId: string): Promise<EffectSnapshot> {
  const [{ enrollments, steps }, directory] = await Promise.all([
    deps.tenantProgress.readTenant(tenantId),
    deps.teamDirectory.list(tenantId),
  ]);
  const people = new Map<string, EffectPerson>(
    directory.map((p) => [p.id, { id: p.id, department: p.department, managerId: p.managerId }]),
  );
  const now = deps.clock.now();
  const snapshot: EffectSnapshot = {
    tenantId,
    at: now.toISOString(),
    programs: deps.programs.map((program) => programEffect({ program, enrollments, steps, people, now })),
  };
  await deps.effectFigures.save(snapshot);
  return snapshot;
}
