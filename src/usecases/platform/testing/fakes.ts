// In-memory fakes of the platform ports, for use-case tests beside the use cases. Only tests import
// testing/ folders (a dependency rule says so). Each fake keeps rows the way the real store does
// (insert-only creates, ETag-guarded updates), and failures can be injected into any method.
import type { Clock } from '../../../domain/platform/clock.ts';
import type { LeaseStore, Stored } from '../ports.ts';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date | string): void {
    this.at = new Date(at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

/** A failure planned for the next call(s) of one method: throw, or answer with a given value. */
type Plan =
  | { kind: 'throw'; error: Error }
  | { kind: 'answer'; value: unknown }
  | { kind: 'before'; effect: () => void | Promise<void> };

/**
 * Failures to inject into a fake: `faults.throwOn('steps.update')` makes the next call throw,
 * `faults.answer('steps.update', 'conflict')` makes it answer a lost race without writing. A plan
 * can also wait for a condition (`when`), e.g. "the third person's enrollment". `faults.before(m, f)`
 * runs `f` just before the real call: someone else's write landing between a read and a write.
 */
export class Faults {
  private readonly plans = new Map<string, Array<{ plan: Plan; when: (args: unknown[]) => boolean }>>();
  /** Every call of every method, in order, for tests that count. */
  readonly calls: Array<{ method: string; args: unknown[] }> = [];

  throwOn(method: string, error = new Error(`injected failure in ${method}`), options: Options = {}): this {
    return this.add(method, { kind: 'throw', error }, options);
  }

  answer(method: string, value: unknown, options: Options = {}): this {
    return this.add(method, { kind: 'answer', value }, options);
  }

  before(method: string, effect: () => void | Promise<void>, options: Options = {}): this {
    return this.add(method, { kind: 'before', effect }, options);
  }

  /** Runs `real` unless a plan for `method` matches these arguments. */
  async run<R>(method: string, args: unknown[], real: () => R | Promise<R>): Promise<R> {
    this.calls.push({ method, args });
    const plans = this.plans.get(method) ?? [];
    const index = plans.findIndex((p) => p.when(args));
    if (index >= 0) {
      const plan = plans.splice(index, 1)[0]!.plan;
      if (plan.kind === 'throw') throw plan.error;
      if (plan.kind === 'answer') return plan.value as R;
      await plan.effect();
    }
    return real();
  }

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private add(method: string, plan: Plan, { times = 1, when = () => true }: Options): this {
    const plans = this.plans.get(method) ?? [];
    for (let i = 0; i < times; i++) plans.push({ plan, when });
    this.plans.set(method, plans);
    return this;
  }
}

interface Options {
  times?: number;
  when?: (args: unknown[]) => boolean;
}

/** Rows under a key with an ETag each, like a table: create is insert-only, update checks the ETag. */
export class EtagRows<T extends object> {
  private readonly rows = new Map<string, Stored<T>>();
  private version = 0;

  constructor(private readonly keyOf: (row: T) => string) {}

  get(key: string): Stored<T> | undefined {
    const row = this.rows.get(key);
    return row ? structuredClone(row) : undefined;
  }

  all(): Array<Stored<T>> {
    return [...this.rows.values()].map((row) => structuredClone(row));
  }

  create(row: T): 'created' | 'exists' {
    const key = this.keyOf(row);
    if (this.rows.has(key)) return 'exists';
    this.rows.set(key, this.stamp(row));
    return 'created';
  }

  /** Writes only if the row still has the ETag it was read with. */
  update(row: Stored<T>): 'updated' | 'conflict' {
    const current = this.rows.get(this.keyOf(row));
    if (!current || current.etag !== row.etag) return 'conflict';
    this.rows.set(this.keyOf(row), this.stamp(row));
    return 'updated';
  }

  /** Insert or replace, as an unconditional upsert. */
  put(row: T): Stored<T> {
    const stored = this.stamp(row);
    this.rows.set(this.keyOf(row), stored);
    return structuredClone(stored);
  }

  delete(key: string): void {
    this.rows.delete(key);
  }

  /** Someone else wrote the row (a new ETag): the next update with the old one loses its race. */
  touch(key: string): void {
    const row = this.rows.get(key);
    if (row) this.rows.set(key, this.stamp(row));
  }

  private stamp(row: T): Stored<T> {
    return { ...structuredClone(row), etag: `W/"${++this.version}"` };
  }
}

export class FakeLeaseStore implements LeaseStore {
  private readonly holders = new Map<string, { holder: string; until: number }>();
  constructor(readonly faults = new Faults()) {}

  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    return this.faults.run('leases.acquire', [name, holder], () => {
      const current = this.holders.get(name);
      if (current && current.holder !== holder && current.until > now.getTime()) return false;
      this.holders.set(name, { holder, until: now.getTime() + ttlMs });
      return true;
    });
  }

  release(name: string, holder: string): Promise<void> {
    return this.faults.run('leases.release', [name, holder], () => {
      if (this.holders.get(name)?.holder === holder) this.holders.delete(name);
    });
  }
}
