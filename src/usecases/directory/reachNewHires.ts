import type { Clock } from '../../domain/platform/clock.ts';
import type { AppInstaller, ReachabilityStore } from './ports.ts';
import type { Reachability } from '../../domain/directory/reachability.ts';
import type { Stored } from '../platform/ports.ts';
import { mapLimit } from '../platform/mapLimit.ts';
import { orConflict, retryOnConflict } from '../platform/retryOnConflict.ts';

/** Retries spread over a day: a new account may exist hours before Teams can reach it. */
const BACKOFF_MS = [1, 2, 5, 10, 30, 60, 120, 240, 480].map((m) => m * 60_000);
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/**
 * Installs under way at once. Graph answers an install in tens of milliseconds to a second, so one at
 * a time reached about 6 a second: a burst of 1,000 new accounts waited 2.5 minutes for their first
 * card. The installer's own token bucket still holds the pace under Graph's 30 a second per tenant.
 */
const INSTALLS_IN_FLIGHT = 16;

export interface ReachReport {
  installed: number;
  retried: number;
  gaveUp: number;
}

/**
 * detected → app installed: installs Drypp for each new hire whose next attempt is due (Graph
 * installedApps, its own throttle). Teams then tells the bot (installationUpdate), which records the
 * chat (chat known) and the scheduler sends the waiting cards (first card delivered).
 */
export async function reachNewHires(
  deps: { clock: Clock; reachability: ReachabilityStore; installer: AppInstaller },
  tenantId: string,
): Promise<ReachReport> {
  const report: ReachReport = { installed: 0, retried: 0, gaveUp: 0 };
  const now = deps.clock.now();
  await mapLimit(await deps.reachability.listDue(tenantId, now), INSTALLS_IN_FLIGHT, async (due) => {
    const result = await deps.installer.installForUser(tenantId, due.userId);
    // The install happened (or not) once; what it means is applied to the row as it is now, since
    // the bot may have recorded the chat meanwhile (Teams announces the install within a second).
    const outcome = await retryOnConflict('record an app install', async (n) => {
      const r = n === 1 ? due : await deps.reachability.get(tenantId, due.userId);
      if (!r || r.stage !== 'detected') return 'movedOn' as const;
      const [next, counted] = afterInstall(r, result, now);
      return orConflict(await deps.reachability.update(next), counted);
    });
    if (outcome !== 'movedOn') report[outcome]++;
  });
  return report;
}

function afterInstall(
  r: Stored<Reachability>,
  result: Awaited<ReturnType<AppInstaller['installForUser']>>,
  now: Date,
): [Stored<Reachability>, keyof ReachReport] {
  if (result.kind === 'installed' || result.kind === 'alreadyInstalled') {
    const next = {
      ...r,
      stage: 'appInstalled' as const,
      appInstalledAt: now.toISOString(),
      nextAttemptAt: undefined,
      lastProblem: undefined,
    };
    return [next, 'installed'];
  }
  if (now.getTime() - Date.parse(r.detectedAt) > GIVE_UP_AFTER_MS || result.kind === 'failed') {
    return [{ ...r, stage: 'notReachable', lastProblem: result.reason, nextAttemptAt: undefined }, 'gaveUp'];
  }
  const wait = Math.max(result.afterMs, BACKOFF_MS[Math.min(r.attempts, BACKOFF_MS.length - 1)]!);
  const next = {
    ...r,
    attempts: r.attempts + 1,
    lastProblem: result.reason,
    nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
  };
  return [next, 'retried'];
}

/** The bot learned the person's chat (installationUpdate): the next stage, if they were on the way. */
export async function markChatKnown(
  deps: { clock: Clock; reachability: ReachabilityStore },
  tenantId: string,
  userId: string,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await retryOnConflict('record a known chat', async () => {
    const r = await deps.reachability.get(tenantId, userId);
    if (!r || r.chatKnownAt) return 'unchanged';
    const updated = await deps.reachability.update({
      ...r,
      stage: r.stage === 'firstCardDelivered' ? r.stage : 'chatKnown',
      chatKnownAt: at,
      appInstalledAt: r.appInstalledAt ?? at,
      nextAttemptAt: undefined,
    });
    return orConflict(updated, 'recorded');
  });
}

/** The scheduler delivered a card to the person: the last stage. */
export async function markFirstCardDelivered(
  deps: { clock: Clock; reachability: ReachabilityStore },
  tenantId: string,
  userId: string,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await retryOnConflict('record a first card', async () => {
    const r = await deps.reachability.get(tenantId, userId);
    if (!r || r.firstCardAt) return 'unchanged';
    const updated = await deps.reachability.update({ ...r, stage: 'firstCardDelivered', firstCardAt: at });
    return orConflict(updated, 'recorded');
  });
}
