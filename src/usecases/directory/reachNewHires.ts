import type { Clock } from '../../domain/platform/clock.ts';
import type { AppInstaller, ReachabilityStore } from './ports.ts';
import type { Reachability } from '../../domain/directory/reachability.ts';

/** Retries spread over a day: a new account may exist hours before Teams can reach it. */
const BACKOFF_MS = [1, 2, 5, 10, 30, 60, 120, 240, 480].map((m) => m * 60_000);
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

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
  for (const r of await deps.reachability.listDue(tenantId, now)) {
    const result = await deps.installer.installForUser(tenantId, r.userId);
    let next: Reachability;
    if (result.kind === 'installed' || result.kind === 'alreadyInstalled') {
      next = {
        ...r,
        stage: 'appInstalled',
        appInstalledAt: now.toISOString(),
        nextAttemptAt: undefined,
        lastProblem: undefined,
      };
      report.installed++;
    } else if (now.getTime() - Date.parse(r.detectedAt) > GIVE_UP_AFTER_MS || result.kind === 'failed') {
      next = { ...r, stage: 'notReachable', lastProblem: result.reason, nextAttemptAt: undefined };
      report.gaveUp++;
    } else {
      const wait = Math.max(result.afterMs, BACKOFF_MS[Math.min(r.attempts, BACKOFF_MS.length - 1)]!);
      next = {
        ...r,
        attempts: r.attempts + 1,
        lastProblem: result.reason,
        nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
      };
      report.retried++;
    }
    await deps.reachability.update(next); // a conflict means another worker recorded it first: fine
  }
  return report;
}

/** The bot learned the person's chat (installationUpdate): the next stage, if they were on the way. */
export async function markChatKnown(
  deps: { clock: Clock; reachability: ReachabilityStore },
  tenantId: string,
  userId: string,
) {
  const r = await deps.reachability.get(tenantId, userId);
  if (!r || r.chatKnownAt) return;
  await deps.reachability.update({
    ...r,
    stage: r.stage === 'firstCardDelivered' ? r.stage : 'chatKnown',
    chatKnownAt: deps.clock.now().toISOString(),
    appInstalledAt: r.appInstalledAt ?? deps.clock.now().toISOString(),
    nextAttemptAt: undefined,
  });
}

/** The scheduler delivered a card to the person: the last stage. */
export async function markFirstCardDelivered(
  deps: { clock: Clock; reachability: ReachabilityStore },
  tenantId: string,
  userId: string,
) {
  const r = await deps.reachability.get(tenantId, userId);
  if (!r || r.firstCardAt) return;
  await deps.reachability.update({
    ...r,
    stage: 'firstCardDelivered',
    firstCardAt: deps.clock.now().toISOString(),
  });
}
