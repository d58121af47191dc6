/**
 * Work that shares a key runs one at a time, in arrival order; other keys are not held up. For
 * answers that would otherwise race each other through storage inside one process: two answers of
 * one person to one program (a double click, two cards answered quickly) both read the enrollment,
 * and the later write loses its ETag race and runs again, a read and a write more, at the moment the
 * process is busiest. Queued, the second answer reads what the first wrote. Across processes the
 * ETags still decide (retryOnConflict); this only spares the retries a process can foresee.
 */
export function oneAtATime(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const lastOf = new Map<string, Promise<void>>();
  return async (key, work) => {
    const before = lastOf.get(key);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    // The next caller with this key waits for this one; `before` and `mine` never reject.
    const last = before ? before.then(() => mine) : mine;
    lastOf.set(key, last);
    try {
      if (before) await before;
      return await work();
    } finally {
      done();
      if (lastOf.get(key) === last) lastOf.delete(key); // nobody queued behind: forget the key
    }
  };
}
