import xapiModule from '@xapi/xapi';

// A CommonJS package: its class is the module's `default` both to the compiler and at run time.
const XAPI = xapiModule.default;
type Xapi = InstanceType<typeof XAPI>;
type Statement = Parameters<Xapi['sendStatements']>[0]['statements'][number];
type AdapterFunction = Exclude<NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>, string>;
import type { XapiStatement } from '../domain/privacy/xapiStatements.ts';
import type { LearningRecordStore, LrsAnswer } from '../usecases/privacy/ports.ts';

export interface LrsSettings {
  /** The LRS's xAPI endpoint, e.g. `https://lrs.example.org/xAPI/` (statements are under it). */
  endpoint: string;
  username: string;
  password: string;
  /** A request that takes longer counts as the LRS being unavailable. */
  timeoutMs?: number;
}

class LrsStatus extends Error {
  constructor(readonly status: number) {
    super(`learning record store answered ${status}`);
    this.name = 'LrsStatus';
  }
}

/**
 * A learning record store over xAPI 1.0.3 with `@xapi/xapi` (Basic auth, the version header), on
 * Node's fetch with a timeout so a hanging LRS cannot stall the sender.
 */
export class XapiLearningRecordStore implements LearningRecordStore {
  private readonly xapi: Xapi;

  constructor(settings: LrsSettings) {
    const timeoutMs = settings.timeoutMs ?? 15_000;
    const adapter: AdapterFunction = async <T>(request: {
      url: string;
      method: string;
      headers?: Record<string, string>;
      data?: unknown;
    }) => {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body:
          request.data === undefined
            ? undefined
            : typeof request.data === 'string'
              ? request.data
              : JSON.stringify(request.data),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) throw new LrsStatus(response.status);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return {
        data: (text ? JSON.parse(text) : undefined) as T,
        headers,
        status: response.status,
      };
    };
    this.xapi = new XAPI({
      endpoint: settings.endpoint.endsWith('/') ? settings.endpoint : `${settings.endpoint}/`,
      auth: XAPI.toBasicAuth(settings.username, settings.password),
      version: '1.0.3',
      adapter,
    });
  }

  async send(statements: readonly XapiStatement[]): Promise<LrsAnswer> {
    if (statements.length === 0) return { kind: 'stored' };
    try {
      await this.xapi.sendStatements({ statements: statements as unknown as Statement[] });
      return { kind: 'stored' };
    } catch (error) {
      if (error instanceof LrsStatus) {
        // 429 and 5xx pass; any other 4xx means these statements will never be taken as they are.
        if (error.status === 429 || error.status >= 500)
          return { kind: 'unavailable', reason: `status ${error.status}` };
        return { kind: 'refused', status: error.status };
      }
      // Refused connection, DNS, timeout: the LRS is not there now.
      return { kind: 'unavailable', reason: (error as Error).name };
    }
  }
}
