import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import { deliverDueCards, type RenderDueCard } from '../usecases/delivery/deliverDueCards.ts';
import type { LearningDeps } from '../usecases/learning/learningDeps.ts';
import type { Job } from './worker.ts';

const LEASE_TTL_MS = 60_000;

/**
 * The scheduler: each round, for each tenant whose lease this worker gets, sends the cards that are
 * due. Due work is found in storage, never held in memory, so a restart or a second worker loses and
 * repeats nothing.
 */
export function deliverDueCardsJob(
  deps: LearningDeps,
  render: RenderDueCard,
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
          const report = await deliverDueCards(deps, render, tenantId, { holder });
          if (report.sent + report.failed > 0) log.info({ tenantId, ...report }, 'delivery round');
        } finally {
          await deps.leases.release(lease, holder);
        }
      }
    },
  };
}
