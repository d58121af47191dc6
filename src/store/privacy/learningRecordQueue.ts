import type { LearningRecord } from '../../domain/privacy/learningRecord.ts';
import type { LearningRecordQueue } from '../../usecases/privacy/ports.ts';
import type { WorkQueue } from '../platform/workQueue.ts';

/** Learning records on their Storage queue (`drypp-xapi-records`), one message per answer. */
export class StorageLearningRecordQueue implements LearningRecordQueue {
  constructor(private readonly queue: WorkQueue<LearningRecord>) {}

  async add(record: LearningRecord): Promise<void> {
    await this.queue.send(record);
  }
}
