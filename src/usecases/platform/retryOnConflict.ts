/**
 * Optimistic concurrency, in one place. Every guarded write in Drypp is a read-modify-write: read a
 * row with its ETag, decide, write only if nobody changed the row since (412 otherwise). When the
 * write loses, the whole attempt (read, decide, write) runs again, so the decision is always taken on
 * what is stored now. Pure: no storage, no clock, no waiting; the attempt does the I/O.
 */

/** What an attempt returns when its guarded write lost a race (the row changed since it was read). */
export const CONFLICT = Symbol('conflict');
export type Conflict = typeof CONFLICT;

/** The row kept changing for every attempt: unexpected, so it is thrown and logged, never a result. */
export class KeptChangingError extends Error {
  constructor(what: string, attempts: number) {
    super(`${what}: the row changed under every one of ${attempts} attempts`);
    this.name = 'KeptChangingError';
  }
}

export const DEFAULT_ATTEMPTS = 8;

/**
 * Runs `attempt` until it returns something other than CONFLICT, at most `attempts` times. An
 * attempt that finds nothing to do returns its own value for that (e.g. 'alreadyDone' read from
 * storage); a lost race is never turned into such a value here: after the last attempt this throws.
 */
export async function retryOnConflict<R>(
  what: string,
  attempt: (n: number) => Promise<R | Conflict>,
  attempts = DEFAULT_ATTEMPTS,
): Promise<R> {
  for (let n = 1; n <= attempts; n++) {
    const result = await attempt(n);
    if (result !== CONFLICT) return result;
  }
  throw new KeptChangingError(what, attempts);
}

/** Maps a store's 'updated' | 'conflict' answer onto an attempt's result. */
export function orConflict<R>(outcome: 'updated' | 'conflict', value: R): R | Conflict {
  return outcome === 'conflict' ? CONFLICT : value;
}
