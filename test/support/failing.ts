/**
 * A crash on demand: the store given back throws from `method` for the calls `when` picks, at most
 * `times` times, before anything is written; every other call goes to the real store. It stands for
 * the process dying (or storage failing) at exactly that point of a use case.
 */
export function failing<S extends object>(
  store: S,
  method: keyof S & string,
  when: (...args: never[]) => boolean,
  times = 1,
): S & { failures(): number } {
  let failed = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'failures') return () => failed;
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const real = (value as (...a: unknown[]) => unknown).bind(target);
      if (prop !== method) return real;
      return (...args: unknown[]) => {
        if (failed < times && (when as (...a: unknown[]) => boolean)(...args)) {
          failed++;
          return Promise.reject(new Error(`injected failure in ${method}`));
        }
        return real(...args);
      };
    },
  }) as S & { failures(): number };
}
