import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../api/client.ts';
import { useTabEnv } from '../../tabContext.ts';

export type Polled<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T; /** The last refresh failed; `data` is from before. */ stale: boolean }
  | { state: 'failed'; result: Extract<ApiResult<T>, { ok: false }> };

/**
 * Loads an API answer and refreshes it every `everyMs` while `live(data)` says there is progress to
 * follow (a send under way) and the tab is visible. A failed refresh keeps what is on screen and
 * marks it stale instead of replacing the page with an error: the next round may well succeed.
 */
export function usePolled<T>(
  path: string,
  everyMs: number,
  live: (data: T) => boolean,
): { value: Polled<T>; reload: () => void } {
  const { api } = useTabEnv();
  const [value, setValue] = useState<Polled<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const liveRef = useRef(live);
  liveRef.current = live;
  const last = useRef<T | undefined>(undefined);

  // Another broadcast's answer is not "what was on screen before" for this one.
  useEffect(() => {
    last.current = undefined;
  }, [path]);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const result = await api.get<T>(path);
      if (!current) return;
      if (result.ok) {
        last.current = result.data;
        setValue({ state: 'ready', data: result.data, stale: false });
      } else if (last.current !== undefined) {
        setValue({ state: 'ready', data: last.current, stale: true });
      } else {
        setValue({ state: 'failed', result });
        return;
      }
      if (liveRef.current(last.current)) timer = setTimeout(tick, everyMs);
    };
    const tick = () => {
      if (document.visibilityState === 'hidden') timer = setTimeout(tick, everyMs);
      else void load();
    };
    void load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, path, everyMs, round]);

  const reload = useCallback(() => {
    setValue((v) => (v.state === 'ready' ? v : { state: 'loading' }));
    setRound((r) => r + 1);
  }, []);
  return { value, reload };
}
