import type { Logger } from '../log/logger.ts';

/**
 * A background job: found from storage, safe to run twice, one step per tick. Jobs are a typed list;
 * the scheduler, directory sync and senders arrive with their issues and register here.
 */
export interface Job {
  name: string;
  intervalMs: number;
  runOnce(): Promise<void>;
}

/** Runs each job on its own interval until stopped. A failing round is logged and tried next tick. */
export function startWorker(jobs: Job[], log: Logger): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      const round = job
        .runOnce()
        .catch((error: unknown) => log.error({ err: error, job: job.name }, 'job round failed'))
        .finally(() => running.delete(round));
      running.add(round);
    }, job.intervalMs),
  );
  log.info({ jobs: jobs.map((j) => j.name) }, 'worker started');
  return {
    async stop() {
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}
