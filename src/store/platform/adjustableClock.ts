import type { TableClient } from '@azure/data-tables';
import type { Clock } from '../../domain/platform/clock.ts';
import { isStatus } from './errors.ts';

/**
 * A clock that runs from real time plus an offset kept in storage, so `drypp sandbox clock --advance 7d`
 * moves time forward for every process of a sandbox or test at once, instead of anyone sleeping.
 * Wired only outside production (see src/main.ts).
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  constructor(
    private readonly table: TableClient,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Reads the current offset; the worker calls this at the start of every round. */
  async refresh(): Promise<void> {
    try {
      const row = await this.table.getEntity<{ offsetMs: number }>('clock', 'offset');
      this.offsetMs = Number(row.offsetMs) || 0;
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
      this.offsetMs = 0;
    }
  }

  /**
   * Reads the offset again every `intervalMs` until stopped, for processes that run no scheduler round
   * (a web-only process): what the tab shows as due or begun follows `drypp sandbox clock --advance`
   * within seconds, as the worker does. A failed read keeps the last offset and is reported.
   */
  follow(intervalMs: number, onError: (error: unknown) => void): () => void {
    let reading = false;
    const timer = setInterval(() => {
      if (reading) return;
      reading = true;
      this.refresh()
        .catch(onError)
        .finally(() => (reading = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async advance(ms: number): Promise<Date> {
    await this.refresh();
    this.offsetMs += ms;
    await this.table.upsertEntity(
      { partitionKey: 'clock', rowKey: 'offset', offsetMs: this.offsetMs },
      'Replace',
    );
    return this.now();
  }
}
