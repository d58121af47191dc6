import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import type { CertificatesDeps } from '../usecases/certificates/certificatesDeps.ts';
import { sweepCertifications } from '../usecases/certificates/sweepCertifications.ts';
import type { CertificationUpkeepStore } from '../usecases/certificates/ports.ts';
import { applyChangedRules } from '../usecases/certificates/upkeep/applyChangedRules.ts';
import { recoverMissedCompletions } from '../usecases/certificates/upkeep/recoverMissedCompletions.ts';
import type { LeaseStore } from '../usecases/platform/ports.ts';
import type { Job } from './worker.ts';

const LEASE_TTL_MS = 10 * 60_000;

/**
 * The daily certification sweep, per tenant under a lease. It runs every interval, not once a day:
 * it reads only the checks due by today (keyed by day), so a round with nothing due is one small
 * query, and a day's reminders go out in the first round after the tenant's midnight.
 * With `upkeep`, each round first moves the schedule of a certification whose settings changed to
 * the new rules (from today on), and once a day afterwards looks for completions the certifications
 * never heard of (src/usecases/certificates/upkeep).
 */
export function sweepCertificationsJob(
  deps: CertificatesDeps & { leases: LeaseStore; upkeep?: CertificationUpkeepStore },
  log: Logger,
  options: { intervalMs: number; beforeRound?: () => Promise<void> },
): Job {
  const holder = randomUUID();
  return {
    name: 'sweepCertifications',
    intervalMs: options.intervalMs,
    async runOnce() {
      await options.beforeRound?.();
      for (const tenantId of await deps.people.tenants()) {
        const lease = `sweepCertifications|${tenantId}`;
        if (!(await deps.leases.acquire(lease, holder, deps.clock.now(), LEASE_TTL_MS))) continue;
        try {
          if (deps.upkeep) {
            const rules = await applyChangedRules(deps, deps.upkeep, tenantId);
            if (rules.changed.length > 0) log.info({ tenantId, ...rules }, 'certification rules applied');
          }
          const report = await sweepCertifications(deps, tenantId);
          if (report.checked > 0) log.info({ tenantId, ...report }, 'certification sweep');
          if (deps.upkeep) {
            const recovery = await recoverMissedCompletions(deps, deps.upkeep, tenantId);
            if (recovery.recovered > 0) log.info({ tenantId, ...recovery }, 'missed completions recorded');
          }
        } finally {
          await deps.leases.release(lease, holder);
        }
      }
    },
  };
}
