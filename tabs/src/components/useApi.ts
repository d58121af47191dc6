import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../api/client.ts';
import { useTabEnv } from '../tabContext.ts';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; result: Extract<ApiResult<T>, { ok: false }> };

/** Loads one API answer for a page; `reload` is the retry button and the refresh after an action. */
export function useApi<T>(path: string): { value: Loadable<T>; reload: () => void } {
  const { api } = useTabEnv();
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    api.get<T>(path).then((result) => {
      if (!current) return;
      setValue(result.ok ? { state: 'ready', data: result.data } : { state: 'failed', result });
    });
    return () => {
      current = false;
    };
  }, [api, path, round]);
  const reload = useCallback(() => {
    setValue((v) => (v.state === 'ready' ? v : { state: 'loading' }));
    setRound((r) => r + 1);
  }, []);
  return { value, reload };
}
