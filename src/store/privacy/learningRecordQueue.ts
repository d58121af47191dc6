import {
  MAX_RECORDS_PER_MESSAGE,
  type LearningRecord,
  type LearningRecordBatch,
} from '../../domain/privacy/learningRecord.ts';
import type { LearningRecordQueue } from '../../usecases/privacy/ports.ts';
import type { WorkQueue } from '../platform/workQueue.ts';

/**
 * Learning records on their Storage queue (`drypp-xapi-records`): one message per answer, or up to
 * 16 records a message for a bulk producer (a message is at most 64 KB; 16 records are a few KB).
 */
export class StorageLearningRecordQueue implements LearningRecordQueue {
  constructor(private readonly queue: WorkQueue<LearningRecordBatch>) {}

  async add(record: LearningRecord): Promise<void> {
    await this.queue.send({ records: [record] });
  }

  async addMany(records: readonly LearningRecord[]): Promise<void> {
    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < records.length; i += MAX_RECORDS_PER_MESSAGE)
      sends.push(this.queue.send({ records: records.slice(i, i + MAX_RECORDS_PER_MESSAGE) }));
    await Promise.all(sends);
  }
}
