import type { Logger } from '../log/logger.ts';
import {
  sendLearningRecords,
  type SendLearningRecordsDeps,
  type SendOptions,
} from '../usecases/privacy/sendLearningRecords.ts';
import type { Job } from './worker.ts';
import { randomUUID } from 'node:crypto';
import { applyRetention, type RetentionDeps } from '../usecases/privacy/applyRetention.ts';
import type { LeaseStore } from '../usecases/platform/ports.ts';

/**
 * Learning records to the learning record store. The queue is shared by every worker (no lease):
 * each takes its own messages. A round sends until the queue is empty, the LRS stops answering, or
 * `roundBatches` batches went out, and logs its counts (never a person).
 */
export function sendLearningRecordsJob(
  deps: SendLearningRecordsDeps,
  log: Logger,
  options: { intervalMs: number } & SendOptions,
): Job {
  return {
    name: 'sendLearningRecords',
    intervalMs: options.intervalMs,
    runAtStart: true,
    async runOnce() {
      const round = await sendLearningRecords(deps, { lanes: 4, maxBatches: 50, ...options });
      if (round.records + round.refused + round.dropped > 0 || round.lrsUnavailable)
        log.info({ ...round }, 'learning records sent');
      if (round.refused > 0)
        log.warn({ refused: round.refused }, 'learning record store refused records; set aside');
    },
  };
}

/**
 * Retention, once a day per tenant and at start: under the tenant's lease, so two workers never
 * run one tenant at once (a second run the same day finds nothing more to remove). Logs counts.
 */
export function retentionJob(
  deps: RetentionDeps & { leases: LeaseStore; tenants: () => Promise<string[]> },
  log: Logger,
): Job {
  return {
    name: 'retention',
    intervalMs: 24 * 3600_000,
    runAtStart: true,
    async runOnce() {
      for (const tenantId of await deps.tenants()) {
        const holder = randomUUID();
        const lease = `retention|${tenantId}`;
        if (!(await deps.leases.acquire(lease, holder, new Date(), 30 * 60_000))) continue;
        try {
          const report = await applyRetention(deps, tenantId);
          if (report.learningRecordsRemoved + report.removedEntirely > 0)
            log.info({ tenantId, ...report }, 'retention');
        } finally {
          await deps.leases.release(lease, holder);
        }
      }
    },
  };
}
