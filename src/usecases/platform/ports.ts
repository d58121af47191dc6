/**
 * Ports shared by every capability. Adapters in src/store, src/graph and src/teams implement the
 * ports of each capability folder; only the composition root (src/compose*.ts, src/main.ts) wires them.
 */

export interface HealthProbe {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

/** A lease on a named job per tenant: only its holder works, until it expires. */
export interface LeaseStore {
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/**
 * A row as it was read from storage, with the ETag it had then. Updates take only this type, so a
 * write is always guarded by what its caller read (an update never silently overwrites with `*`).
 */
export type Stored<T> = T & { etag: string };

/** A message taken from a queue: handled, it is acknowledged; otherwise it comes back later. */
export interface ReceivedMessage<T> {
  body: T;
  dequeueCount: number;
  ack(): Promise<void>;
  /** Moves it to the poison queue, for an operator: it can never be handled as it is. */
  setAside(): Promise<void>;
}

/** A queue of work items, delivered at least once (src/store/platform/workQueue.ts). */
export interface MessageQueue<T> {
  send(body: T, options?: { delaySeconds?: number }): Promise<void>;
  receive(max: number, visibilitySeconds?: number): Promise<ReceivedMessage<T>[]>;
}
