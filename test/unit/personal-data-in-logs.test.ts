import { describe, expect, it } from 'vitest';
import { personalDataInLogs } from '../support/personalDataInLogs.ts';

// The scanner the e2e files run over Drypp's logs must itself find what it is for, or a clean
// scan of a real run would prove nothing.
const people = [{ displayName: 'Alex Wilber', userPrincipalName: 'alexw@drypp-kommune.example' }];
const log = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 'info', service: 'drypp', ...fields });

describe('personal data in logs', () => {
  it('finds nothing in a log of ids, counts and reason codes', () => {
    const lines = [
      log({ msg: 'card sent', tenantId: '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30', userId: '5f1c8e0a-2d3b' }),
      log({ msg: 'turn', activity: { text: '[redacted]' }, authorization: 'Bearer [redacted]' }),
      log({ msg: 'Alexander Road depot opened' }), // "Alex" only as a whole word
    ];
    expect(personalDataInLogs(lines, { people, typed: ['Lock my screen every time I leave.'] })).toEqual([]);
  });

  it('finds a name, a given name alone, any e-mail address, a token and typed text', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGV4In0.c2lnbmF0dXJlLWhlcmU';
    const lines = [
      log({ msg: 'welcome sent to Alex Wilber' }),
      log({ msg: 'Wilber answered' }),
      log({ msg: 'lookup', who: 'someone.else@contoso.com' }),
      log({ msg: 'graph call', headers: { Authorization: `Bearer ${token}` } }),
      log({ msg: 'reflection', body: 'Lock my screen every time I leave.' }),
      log({ msg: 'basic auth', header: 'Basic ZHJ5cHA6c2VjcmV0LXBhc3N3b3Jk' }),
    ];
    const kinds = personalDataInLogs(lines, {
      people,
      typed: ['Lock my screen every time I leave.'],
    }).map((f) => `${f.kind}:${f.what}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'name:Alex Wilber',
        'name:Alex',
        'name:Wilber',
        'e-mail address:someone.else@contoso.com',
        `token:${token.slice(0, 12)}`,
        'message text:Lock my screen every time I leave.',
        'token:Basic ZHJ5cH',
      ]),
    );
  });
});
