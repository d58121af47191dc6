import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import type { BroadcastsDeps } from '../usecases/broadcasts/broadcastsDeps.ts';
import { fanOutBroadcasts } from '../usecases/broadcasts/fanOutBroadcasts.ts';
import { sendBroadcastReminders } from '../usecases/broadcasts/sendReminders.ts';
import type { Job } from './worker.ts';

/**
 * Broadcasts' background work, found in storage each round: the fan-out of every broadcast whose
 * time has come (one lease holder per tenant), then reminders (at most every few minutes per tenant,
 * whichever worker gets there). Both are safe to repeat; the cards go out through the outbound
 * pipeline's own job.
 */
export function broadcastsJob(deps: BroadcastsDeps, log: Logger, options: { intervalMs: number }): Job {
  const holder = randomUUID();
  return {
    name: 'broadcasts',
    intervalMs: options.intervalMs,
    runAtStart: true,
    async runOnce() {
      const fanOut = await fanOutBroadcasts(deps, holder);
      if (fanOut.broadcasts > 0) log.info(fanOut, 'broadcasts fanned out');
      const reminders = await sendBroadcastReminders(deps, holder);
      if (reminders > 0) log.info({ reminders }, 'broadcast reminders queued');
    },
  };
}
