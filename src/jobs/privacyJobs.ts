import type { Logger } from '../log/logger.ts';
import {
  sendLearningRecords,
  type SendLearningRecordsDeps,
  type SendOptions,
} from '../usecases/privacy/sendLearningRecords.ts';
import type { Job } from './worker.ts';

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
