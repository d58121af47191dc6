import type { Clock } from '../../domain/platform/clock.ts';
import type { TenantSendRate } from '../delivery/ports.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';
import type { AppInstaller, InstallResult, ReachabilityStore } from './ports.ts';

/**
 * The one way Drypp installs itself for a person through Graph, shared by the directory's new-hire
 * job and the outbound pipeline (a card for someone without a known chat): every install waits for
 * the tenant's Graph install budget that all worker processes share (Graph allows 30/s per app and
 * tenant), and a person whose reachability already says the app is installed is not installed
 * again, so a burst of new hires costs one install each, not one per path that wants to reach them.
 */
export function installWithinBudget(deps: {
  installer: AppInstaller;
  /** The shared Graph install budget (composeOutbound's `graphInstalls` rate). */
  rate: TenantSendRate;
  reachability: ReachabilityStore;
  clock: Clock;
}): AppInstaller {
  const installedAlready = async (tenantId: string, userId: string) => {
    const r = await deps.reachability.get(tenantId, userId);
    return r !== undefined && r.stage !== 'detected' && r.stage !== 'notReachable';
  };
  const install = async (tenantId: string, userId: string): Promise<InstallResult> => {
    if (await installedAlready(tenantId, userId)) return { kind: 'alreadyInstalled' };
    await deps.rate.take(tenantId);
    // Asked again after the wait for the budget: the other path may have installed meanwhile.
    if (await installedAlready(tenantId, userId)) return { kind: 'alreadyInstalled' };
    const result = await deps.installer.installForUser(tenantId, userId);
    if (result.kind === 'installed' || result.kind === 'alreadyInstalled')
      await recordInstalled(deps, tenantId, userId);
    return result;
  };
  // Both paths usually ask for a new hire at the same moment (the directory's job and their first
  // card, in the same worker process): the second waits for the first one's install instead of
  // taking a place in the budget of its own only to find, after the wait, that it is done.
  const inFlight = new Map<string, Promise<InstallResult>>();
  return {
    installForUser(tenantId, userId): Promise<InstallResult> {
      const key = `${tenantId}|${userId}`;
      const running = inFlight.get(key);
      if (running) return running.then((r) => (r.kind === 'installed' ? { kind: 'alreadyInstalled' } : r));
      const started = install(tenantId, userId).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
  };
}

/** detected → appInstalled, so the directory's job does not install this person again. */
async function recordInstalled(
  deps: { reachability: ReachabilityStore; clock: Clock },
  tenantId: string,
  userId: string,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await retryOnConflict('record an app install', async () => {
    const r = await deps.reachability.get(tenantId, userId);
    if (!r || r.stage !== 'detected') return 'unchanged';
    const updated = await deps.reachability.update({
      ...r,
      stage: 'appInstalled',
      appInstalledAt: at,
      nextAttemptAt: undefined,
      lastProblem: undefined,
    });
    return orConflict(updated, 'recorded');
  });
}
