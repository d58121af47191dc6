/**
 * A real race on demand. `racing(store, times, rival)` gives the store back with its `update` preceded,
 * the first `times` calls (for rows `only` picks), by `rival`: another writer's real write to the same row through the real
 * store. The caller's own write then carries a stale ETag and Azurite answers 412, exactly as when two
 * workers interleave, but every time rather than by luck.
 */
export interface Updatable<T> {
  update(row: T): Promise<'updated' | 'conflict'>;
}

export function racing<T, S extends Updatable<T>>(
  store: S,
  times: number,
  rival: (row: T) => Promise<void>,
  only: (row: T) => boolean = () => true,
): S & { races(): number } {
  let raced = 0;
  const update = async (row: T) => {
    if (raced < times && only(row)) {
      raced++;
      await rival(row);
    }
    return store.update(row);
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'update') return update;
      if (prop === 'races') return () => raced;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as S & { races(): number };
}
