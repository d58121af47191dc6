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
const LOOK_FOR_REQUESTS_EVERY_MS = 60_000;
const REBUILD_LEASE_MS = 30 * 60_000;

/**
 * My team's read model rebuilt from the sources, per tenant: when a large directory change asked for
 * it (looked for every minute), and otherwise at most once every six hours across all workers, to
 * repair what a refresh lost to a crash. The six-hour lease is kept after it is taken, so a worker that
 * starts (or restarts) rebuilds only when nobody did in that time; storage written by an earlier
 * version is caught up at the first start. One rebuild per tenant at a time (a second lease).
 */
export function repairTeamSummariesJob(
  deps: TeamSummaryDeps & {
    teamDirectory: TeamDirectory;
    people: Pick<PeopleStore, 'tenants'>;
    leases: LeaseStore;
    clock: Clock;
  },
  log: Logger,
  options: { repairEveryMs: number; lookEveryMs: number } = {
    repairEveryMs: REPAIR_TEAM_SUMMARIES_EVERY_MS,
    lookEveryMs: LOOK_FOR_REQUESTS_EVERY_MS,
  },
): Job {
  const holder = randomUUID();
  return {
    name: 'repairTeamSummaries',
    intervalMs: options.lookEveryMs,
    runAtStart: true,
    async runOnce() {
      for (const tenantId of await deps.people.tenants()) {
        const request = await deps.teamSummaries.rebuildRequest(tenantId);
        const periodic = `teamSummariesRepaired|${tenantId}`;
        const due =
          request ?? (await deps.leases.acquire(periodic, holder, deps.clock.now(), options.repairEveryMs));
        if (!due) continue;
        const running = `teamSummariesRebuilding|${tenantId}`;
        if (!(await deps.leases.acquire(running, holder, deps.clock.now(), REBUILD_LEASE_MS))) continue;
        try {
          const report = await rebuildTeamSummaries(deps, tenantId, deps.clock.now());
          if (request) await deps.teamSummaries.clearRebuildRequest(tenantId, request.etag);
          log.info({ tenantId, requested: Boolean(request), ...report }, 'team summaries rebuilt');
        } finally {
          await deps.leases.release(running, holder);
        }
      }
    },
  };
}
