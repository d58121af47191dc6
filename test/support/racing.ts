/**
 * A real race on demand. `racing(store, times, rival)` gives the store back with its `update` preceded,
 * the first `times` calls (for rows `only` picks), by `rival`: another writer's real write to the same row through the real
 * store. The caller's own write then carries a stale ETag and Azurite answers 412, exactly as when two
 * workers interleave, but every time rather than by luck. `write` names another guarded write of
 * the store whose first argument is the row (e.g. the progress store's saveStepAndEnrollment).
 */
export interface Updatable<T> {
  update(row: T): Promise<'updated' | 'conflict'>;
}

export function racing<T, S extends object = Updatable<T>>(
  store: S,
  times: number,
  rival: (row: T) => Promise<void>,
  only: (row: T) => boolean = () => true,
  write: keyof S & string = 'update' as keyof S & string,
): S & { races(): number } {
  let raced = 0;
  const original = (store[write] as (...args: unknown[]) => Promise<unknown>).bind(store);
  const guarded = async (row: T, ...rest: unknown[]) => {
    if (raced < times && only(row)) {
      raced++;
      await rival(row);
    }
    return original(row, ...rest);
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === write) return guarded;
      if (prop === 'races') return () => raced;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as S & { races(): number };
}
