import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/platform/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { PeopleStore } from '../usecases/directory/ports.ts';
import { refreshEffectFigures, type EffectDeps } from '../usecases/effect/refreshEffectFigures.ts';
import type { LeaseStore } from '../usecases/platform/ports.ts';
import type { Job } from './worker.ts';

export const REFRESH_EFFECT_EVERY_MS = 15 * 60_000;
const LOOK_EVERY_MS = 60_000;

/**
 * The Effect view's read model, recomputed per tenant at most once every 15 minutes across all
 * workers (the lease is kept after it is taken, so a restart does not recompute early). A run reads
 * the tenant's learning rows and directory once; the view then reads one partition.
 */
export function refreshEffectFiguresJob(
  deps: EffectDeps & { people: Pick<PeopleStore, 'tenants'>; leases: LeaseStore; clock: Clock },
  log: Logger,
  options: { everyMs: number } = { everyMs: REFRESH_EFFECT_EVERY_MS },
): Job {
  const holder = randomUUID();
  return {
    name: 'refreshEffectFigures',
    intervalMs: Math.min(LOOK_EVERY_MS, options.everyMs),
    runAtStart: true,
    async runOnce() {
      for (const tenantId of await deps.people.tenants()) {
        const lease = `effectFigures|${tenantId}`;
        if (!(await deps.leases.acquire(lease, holder, deps.clock.now(), options.everyMs))) continue;
        const started = Date.now();
        const snapshot = await refreshEffectFigures(deps, tenantId);
        log.info(
          { tenantId, programs: snapshot.programs.length, ms: Date.now() - started },
          'effect figures refreshed',
        );
      }
    },
  };
}
