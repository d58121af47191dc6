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
  /**
   * A file the API sends (a CSV export): its bytes and the name the server gave it. With a body it
   * is a POST (a personal data export: whom it is about goes in the body, never in the URL).
   */
  download(path: string, body?: unknown): Promise<ApiResult<{ blob: Blob; fileName?: string }>>;
}

/** `attachment; filename="x.csv"; filename*=UTF-8''x%20y.csv` → the best name it offers. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch (error) {
      console.warn('Drypp tab: a file name that does not decode', error);
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
}

export function apiClient(getToken: () => Promise<string>, locale: string): ApiClient {
  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    // An empty answer (a 202 with no body) reads as undefined, as before: the status says enough.
    read: (res: Response) => Promise<T> = (res) => res.json().catch(() => undefined) as Promise<T>,
  ): Promise<ApiResult<T>> => {
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
    if (res.ok) {
      try {
        return { ok: true, status: res.status, data: await read(res) };
      } catch (error) {
        console.warn('Drypp tab: the API answered with something unreadable', error);
        return { ok: false, status: res.status, code: 'failed' };
      }
    }
    const json: unknown = await res.json().catch(() => undefined);
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
    download: (path, body) =>
      call(body === undefined ? 'GET' : 'POST', path, body, async (res) => ({
        blob: await res.blob(),
        fileName: fileNameOf(res.headers.get('Content-Disposition')),
      })),
  };
}
