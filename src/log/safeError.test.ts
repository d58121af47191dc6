import { Writable } from 'node:stream';
import { RestError, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { safeError } from './safeError.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), lines };
}

const secret = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('error serializer', () => {
  it('keeps name, message, status and code of an Azure SDK error, never its request headers', () => {
    const request = createPipelineRequest({
      url: 'https://example.table.core.windows.net/People?sig=shared-access-signature',
      headers: createHttpHeaders({ authorization: `Bearer ${secret}`, 'x-ms-client-request-id': 'r1' }),
    });
    const error = new RestError('The specified resource does not exist.', {
      code: 'ResourceNotFound',
      statusCode: 404,
      request,
    });
    const { log, lines } = capture();
    log.error({ err: error }, 'table call failed');
    const line = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(line.err).toEqual({
      type: 'RestError',
      message: 'The specified resource does not exist.',
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    expect(lines[0]).not.toContain(secret);
    expect(lines[0]).not.toContain('shared-access-signature');
  });

  it('drops config, headers and response bodies that other SDKs attach, also under `error`', () => {
    const error = Object.assign(new Error('Request failed with status code 401'), {
      status: 401,
      headers: { Authorization: `Bearer ${secret}` },
      config: { headers: { authorization: `Bearer ${secret}` }, data: 'client_secret=hunter2' },
      body: { mail: 'kari.nordmann@example.no' },
      stack: 'Error: at secretPlace (/srv/x.ts:1:1)',
    });
    const { log, lines } = capture();
    log.error({ error }, 'graph call failed');
    expect(JSON.parse(lines[0]!).error).toEqual({
      type: 'Error',
      message: 'Request failed with status code 401',
      status: 401,
    });
    for (const leak of [secret, 'hunter2', 'kari.nordmann', 'secretPlace']) {
      expect(lines[0]).not.toContain(leak);
    }
  });

  it('masks tokens and e-mail addresses that an error message quotes, and cuts long messages', () => {
    const safe = safeError(
      new Error(`token Bearer ${secret} rejected for ola@example.no; body ${'x'.repeat(1000)}`, {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', headers: { a: 1 } }),
      }),
    );
    expect(safe.message).not.toContain(secret);
    expect(safe.message).not.toContain('ola@example.no');
    expect(safe.message.length).toBeLessThanOrEqual(301);
    expect(safe.cause).toEqual({ type: 'Error', message: 'socket hang up', code: 'ECONNRESET' });
  });

  it('serializes what is not an Error without its properties', () => {
    expect(safeError('plain text')).toEqual({ type: 'string', message: 'plain text' });
    expect(safeError({ headers: { authorization: secret } })).toEqual({ type: 'Object', message: '' });
  });
});
