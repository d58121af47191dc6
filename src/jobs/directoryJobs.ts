import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import type { MessageQueue } from '../usecases/platform/ports.ts';
import type { LeaseStore } from '../usecases/platform/ports.ts';
import { keepSubscription, type SubscriptionTarget } from '../usecases/directory/keepSubscription.ts';
import { reachNewHires } from '../usecases/directory/reachNewHires.ts';
import { learnTimeZones, type LearnTimeZonesDeps } from '../usecases/directory/learnTimeZones.ts';
import type { DirectoryHint } from '../domain/directory/subscription.ts';
import type { SubscriptionApi, SubscriptionStore } from '../usecases/directory/subscriptionPorts.ts';
import { syncDirectory, type SyncDeps } from '../usecases/directory/syncDirectory.ts';
import type { AppInstaller, ReachabilityStore } from '../usecases/directory/ports.ts';
import type { Clock } from '../domain/platform/clock.ts';
import type { Job } from './worker.ts';

export interface DirectoryJobDeps {
  tenants: string[];
  leases: LeaseStore;
  sync: SyncDeps;
  hints: MessageQueue<DirectoryHint>;
  clock: Clock;
  reachability: ReachabilityStore;
  installer: AppInstaller;
  subscriptions?: { api: SubscriptionApi; store: SubscriptionStore; target: SubscriptionTarget };
  /** Reading people's mailbox time zones; absent, the tenant's default zone applies to everyone. */
  timeZones?: LearnTimeZonesDeps;
  log: Logger;
}

const LEASE_TTL_MS = 5 * 60_000;

/** The lease a tenant's directory round holds; erasure takes it too, so the two never overlap. */
export function directorySyncLease(tenantId: string): string {
  return `directorySync|${tenantId}`;
}

/**
 * Runs `work` for a tenant only while holding its lease, so no two rounds (of two workers, or of two
 * jobs in one worker) sync one tenant at once. Each call is its own holder for that reason.
 */
async function withLease(deps: DirectoryJobDeps, name: string, work: () => Promise<void>) {
  const holder = randomUUID();
  if (!(await deps.leases.acquire(name, holder, new Date(), LEASE_TTL_MS))) return false;
  try {
    await work();
  } finally {
    await deps.leases.release(name, holder);
  }
  return true;
}

/**
 * Directory work as jobs: a delta round on a schedule (the source of truth), a round at once when
 * a change notification arrives (a hint), app installs for new hires, and the subscription kept alive.
 */
export function directoryJobs(
  deps: DirectoryJobDeps,
  options: { syncIntervalMs: number; hintVisibilitySeconds?: number },
): Job[] {
  const syncTenant = async (tenantId: string) =>
    withLease(deps, directorySyncLease(tenantId), async () => {
      const report = await syncDirectory(deps.sync, tenantId);
      if (report.newHires + report.roleChanges + report.removed > 0 || report.resynced) {
        deps.log.info({ tenantId, ...report }, 'directory round');
      }
    });

  return [
    {
      name: 'directorySync',
      intervalMs: options.syncIntervalMs,
      runAtStart: true,
      async runOnce() {
        for (const tenantId of deps.tenants) await syncTenant(tenantId);
      },
    },
    {
      name: 'directoryHints',
      intervalMs: 500,
      async runOnce() {
        // A hint whose round fails comes back after its visibility timeout; after the queue's
        // maximum of attempts it is set aside (the scheduled delta round still catches up).
        const messages = await deps.hints.receive(32, options.hintVisibilitySeconds ?? 10);
        if (messages.length === 0) return;
        const byTenant = new Map<string, DirectoryHint[]>();
        for (const m of messages)
          byTenant.set(m.body.tenantId, [...(byTenant.get(m.body.tenantId) ?? []), m.body]);
        for (const [tenantId, hints] of byTenant) {
          if (!deps.tenants.includes(tenantId)) continue;
          const reasons = new Set(hints.map((h) => h.reason));
          if (
            deps.subscriptions &&
            (reasons.has('reauthorizationRequired') || reasons.has('subscriptionRemoved'))
          ) {
            const result = await keepSubscription(
              { clock: deps.clock, ...deps.subscriptions },
              tenantId,
              deps.subscriptions.target,
              {
                forceRenew: reasons.has('reauthorizationRequired'),
                recreate: reasons.has('subscriptionRemoved'),
              },
            );
            deps.log.info({ tenantId, result, reasons: [...reasons] }, 'change subscription');
          }
          // Whatever the hint, a delta round catches up: notifications are hints, delta is the truth.
          // While another round holds the tenant, the hints stay queued: the message comes back after
          // its visibility timeout, so a change that round may have missed is not dropped.
          const ran = await syncTenant(tenantId);
          if (ran)
            await Promise.all(messages.filter((m) => m.body.tenantId === tenantId).map((m) => m.ack()));
        }
        await Promise.all(
          messages.filter((m) => !deps.tenants.includes(m.body.tenantId)).map((m) => m.ack()),
        );
      },
    },
    {
      name: 'reachNewHires',
      intervalMs: 1000,
      async runOnce() {
        for (const tenantId of deps.tenants) {
          await withLease(deps, `reachNewHires|${tenantId}`, async () => {
            const report = await reachNewHires(deps, tenantId);
            if (report.installed + report.retried + report.gaveUp > 0)
              deps.log.info({ tenantId, ...report }, 'reachability round');
          });
        }
      },
    },
    ...(deps.timeZones
      ? [
          {
            name: 'learnTimeZones',
            intervalMs: 2000,
            async runOnce() {
              for (const tenantId of deps.tenants) {
                await withLease(deps, `learnTimeZones|${tenantId}`, async () => {
                  const report = await learnTimeZones(deps.timeZones!, tenantId);
                  if (report.found + report.gaveUp > 0) deps.log.info({ tenantId, ...report }, 'time zones');
                });
              }
            },
          },
        ]
      : []),
    ...(deps.subscriptions
      ? [
          {
            name: 'keepSubscriptions',
            intervalMs: 60 * 60_000,
            runAtStart: true,
            async runOnce() {
              for (const tenantId of deps.tenants) {
                const result = await keepSubscription(
                  { clock: deps.clock, ...deps.subscriptions! },
                  tenantId,
                  deps.subscriptions!.target,
                );
                if (result !== 'kept') deps.log.info({ tenantId, result }, 'change subscription');
              }
            },
          },
        ]
      : []),
  ];
}
