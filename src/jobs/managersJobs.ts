import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import type { LearningTimePresenter } from '../usecases/managers/learningTime/learningTimeCards.ts';
import { followUpLearningTime } from '../usecases/managers/learningTime/followUpLearningTime.ts';
import type { ManagersDeps } from '../usecases/managers/managersDeps.ts';
import type { LeaseStore } from '../usecases/platform/ports.ts';
import type { Job } from './worker.ts';

const LEASE_TTL_MS = 60_000;

/**
 * Learning-time follow-up: the managers' cards, the learners' answers and the calendar bookings,
 * found in storage each round (requests flagged for follow-up), one lease holder per tenant.
 * Everything it does is safe to repeat, so an overlapping lease or a crash repeats nothing.
 */
export function followUpLearningTimeJob(
  deps: ManagersDeps & { leases: LeaseStore },
  presenter: LearningTimePresenter,
  log: Logger,
  options: { intervalMs: number },
): Job {
  const holder = randomUUID();
  return {
    name: 'followUpLearningTime',
    intervalMs: options.intervalMs,
    async runOnce() {
      for (const tenantId of await deps.people.tenants()) {
        const lease = `followUpLearningTime|${tenantId}`;
        if (!(await deps.leases.acquire(lease, holder, deps.clock.now(), LEASE_TTL_MS))) continue;
        try {
          const report = await followUpLearningTime(deps, presenter, tenantId);
          if (report.cards + report.booked + report.retried + report.failed > 0)
            log.info({ tenantId, ...report }, 'learning-time follow-up');
        } finally {
          await deps.leases.release(lease, holder);
        }
      }
    },
  };
}
