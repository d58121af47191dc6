import type { TabErrorBody, TabErrorCode } from '../../../src/http/tabs/contract.ts';

/**
 * Calls Drypp's tab API on the tab's own origin with the Teams SSO token on every request. Expected
 * answers (forbidden, a conflict, too many) are values; only a broken network or server is `failed`.
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; code: TabErrorCode | 'failed'; body?: TabErrorBody; correlationId?: string };

export interface ApiClient {
  get<T>(path: string): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
}

export function apiClient(getToken: () => Promise<string>, locale: string): ApiClient {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> => {
    let token: string;
    try {
      token = await getToken();
    } catch (error) {
      console.warn('Drypp tab: Teams gave no token', error);
      return { ok: false, status: 0, code: 'unauthorized' };
    }
    let res: Response;
    try {
      res = await fetch(`/api/tab${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Accept-Language': locale,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      console.warn('Drypp tab: the API did not answer', error);
      return { ok: false, status: 0, code: 'failed' };
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (res.ok) return { ok: true, status: res.status, data: json as T };
    const errorBody = json as Partial<TabErrorBody> & { correlationId?: string };
    const code = errorBody?.error?.code;
    return {
      ok: false,
      status: res.status,
      code: typeof code === 'string' ? code : 'failed',
      body: typeof code === 'string' ? (errorBody as TabErrorBody) : undefined,
      correlationId: errorBody?.correlationId,
    };
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}
