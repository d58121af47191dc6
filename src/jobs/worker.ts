import type { Logger } from '../log/logger.ts';

/**
 * A background job: found from storage, safe to run twice, one step per tick. Jobs are a typed list;
 * the scheduler, directory sync and senders arrive with their issues and register here.
 */
export interface Job {
  name: string;
  intervalMs: number;
  /** Also run once right away (e.g. creating subscriptions), not only after the first interval. */
  runAtStart?: boolean;
  runOnce(): Promise<void>;
  /** Asks a long round to finish early (a consumer draining a queue): called when the worker stops. */
  stop?(): void;
}

/** Runs each job on its own interval until stopped. A failing round is logged and tried next tick. */
export function startWorker(jobs: Job[], log: Logger): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();
  const tick = (job: Job) => {
    // A round still running when the next tick comes is not started twice.
    if (busy.has(job.name)) return;
    busy.add(job.name);
    const round = job
      .runOnce()
      .catch((error: unknown) => log.error({ err: error, job: job.name }, 'job round failed'))
      .finally(() => {
        running.delete(round);
        busy.delete(job.name);
      });
    running.add(round);
  };
  const timers = jobs.map((job) => setInterval(() => tick(job), job.intervalMs));
  for (const job of jobs) if (job.runAtStart) tick(job);
  log.info({ jobs: jobs.map((j) => j.name) }, 'worker started');
  return {
    async stop() {
      timers.forEach(clearInterval);
      for (const job of jobs) job.stop?.();
      await Promise.allSettled([...running]);
    },
  };
}
