import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import { deliverDueCards } from '../usecases/delivery/deliverDueCards.ts';
import type { LearningDeps } from '../usecases/learning/learningDeps.ts';
import type { Job } from './worker.ts';

const LEASE_TTL_MS = 60_000;

/**
 * The scheduler: each round, for each tenant whose lease this worker gets, puts the cards that are
 * due on the outbound pipeline. Due work is found in storage, never held in memory, so a restart or a second worker loses and
 * repeats nothing.
 */
export function deliverDueCardsJob(
  deps: LearningDeps,
  log: Logger,
  options: { intervalMs: number; beforeRound?: () => Promise<void> },
): Job {
  const holder = randomUUID();
  return {
    name: 'deliverDueCards',
    intervalMs: options.intervalMs,
    async runOnce() {
      await options.beforeRound?.();
      for (const tenantId of await deps.people.tenants()) {
        const lease = `deliverDueCards|${tenantId}`;
        // The injected clock, like the stale-send window: moving the sandbox's time frees a dead
        // worker's lease and its stale sends together.
        if (!(await deps.leases.acquire(lease, holder, deps.clock.now(), LEASE_TTL_MS))) continue;
        try {
          const report = await deliverDueCards(deps, tenantId, { holder });
          if (report.queued > 0) log.info({ tenantId, ...report }, 'delivery round');
        } finally {
          await deps.leases.release(lease, holder);
        }
      }
    },
  };
}
