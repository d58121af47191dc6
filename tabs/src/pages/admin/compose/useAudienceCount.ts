import { useEffect, useRef, useState } from 'react';
import type { AudienceBody, AudienceResolutionResponse } from '../../../../../src/http/tabs/contract.ts';
import { useTabEnv } from '../../../tabContext.ts';

export type AudienceCount =
  | { state: 'none' }
  | { state: 'counting'; previous?: AudienceResolutionResponse }
  | { state: 'ready'; resolution: AudienceResolutionResponse }
  /** The server could not read the expression (a value it refused). */
  | { state: 'invalid' }
  | { state: 'failed'; retry: () => void };

/** How long typing must pause before the count is asked for: one request per pause, not per key. */
export const COUNT_PAUSE_MS = 400;

/** The live count of an audience: asked again whenever the choice changes, the latest answer wins. */
export function useAudienceCount(body: AudienceBody | undefined): AudienceCount {
  const { api } = useTabEnv();
  const [count, setCount] = useState<AudienceCount>({ state: 'none' });
  const [round, setRound] = useState(0);
  const asked = useRef(0);
  const key = body ? JSON.stringify(body) : '';

  useEffect(() => {
    if (!key) {
      setCount({ state: 'none' });
      return;
    }
    const ask = ++asked.current;
    setCount((c) => ({ state: 'counting', previous: c.state === 'ready' ? c.resolution : undefined }));
    const timer = setTimeout(() => {
      void api.post<AudienceResolutionResponse>('/admin/audience', JSON.parse(key)).then((result) => {
        if (ask !== asked.current) return; // a newer choice is being counted
        if (result.ok) setCount({ state: 'ready', resolution: result.data });
        else if (result.code === 'invalid') setCount({ state: 'invalid' });
        else setCount({ state: 'failed', retry: () => setRound((r) => r + 1) });
      });
    }, COUNT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [api, key, round]);

  return count;
}
