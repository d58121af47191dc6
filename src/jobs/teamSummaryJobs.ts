import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/platform/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { PeopleStore } from '../usecases/directory/ports.ts';
import { rebuildTeamSummaries } from '../usecases/managers/team/rebuildTeamSummaries.ts';
import type { TeamSummaryDeps } from '../usecases/managers/team/refreshTeamSummary.ts';
import type { TeamDirectory } from '../usecases/managers/teamSummaryPorts.ts';
import type { LeaseStore } from '../usecases/platform/ports.ts';
import type { Job } from './worker.ts';

export const REPAIR_TEAM_SUMMARIES_EVERY_MS = 6 * 3_600_000;

/**
 * My team's read model made whole from the sources, per tenant at most once every six hours across
 * all workers: the lease is taken for six hours and kept after a successful rebuild, so a worker that
 * starts (or restarts) rebuilds only when nobody did in that time; a failed rebuild lets it go at once
 * so the next round tries again. Storage written by an earlier version, or a refresh lost to a crash,
 * is caught up at the first start. Live refreshes keep the summaries current in between.
 */
export function repairTeamSummariesJob(
  deps: TeamSummaryDeps & {
    teamDirectory: TeamDirectory;
    people: Pick<PeopleStore, 'tenants'>;
    leases: LeaseStore;
    clock: Clock;
  },
  log: Logger,
  options: { intervalMs: number } = { intervalMs: REPAIR_TEAM_SUMMARIES_EVERY_MS },
): Job {
  const holder = randomUUID();
  return {
    name: 'repairTeamSummaries',
    intervalMs: options.intervalMs,
    runAtStart: true,
    async runOnce() {
      for (const tenantId of await deps.people.tenants()) {
        const lease = `repairTeamSummaries|${tenantId}`;
        if (!(await deps.leases.acquire(lease, holder, deps.clock.now(), options.intervalMs))) continue;
        try {
          const report = await rebuildTeamSummaries(deps, tenantId, deps.clock.now());
          log.info({ tenantId, ...report }, 'team summaries repaired');
        } catch (error) {
          await deps.leases.release(lease, holder);
          throw error;
        }
      }
    },
  };
}
