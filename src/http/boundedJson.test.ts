import { describe, expect, it } from 'vitest';
import { jsonValuesExceed } from './boundedJson.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('jsonValuesExceed', () => {
  it('counts objects, arrays and commas outside strings', () => {
    const body = bytes(JSON.stringify({ value: [{}, {}, {}] })); // { [ { , { , {  = 7
    expect(jsonValuesExceed(body, 7)).toBe(false);
    expect(jsonValuesExceed(body, 6)).toBe(true);
  });

  it('ignores braces, brackets and commas inside strings, escaped quotes included', () => {
    const body = bytes(JSON.stringify({ text: '{[,]} "quoted, {still} inside" \\ [,,,]' }));
    expect(jsonValuesExceed(body, 1)).toBe(false);
  });

  it('refuses a flood of empty items long before the end of the body', () => {
    const body = bytes(JSON.stringify({ value: Array.from({ length: 300_000 }, () => ({})) }));
    expect(jsonValuesExceed(body, 50_000)).toBe(true);
  });

  it('lets a thousand real notifications through', () => {
    const notification = {
      subscriptionId: '2b5f7d1e-3c4a-4b8e-9f0d-1a2b3c4d5e6f',
      subscriptionExpirationDateTime: '2026-12-05T11:00:00.0000000Z',
      changeType: 'updated',
      resource: 'Users/8e3f1c2a-0b4d-4e6f-8a9c-1d2e3f4a5b6c',
      resourceData: {
        '@odata.type': '#Microsoft.Graph.User',
        '@odata.id': 'Users/x',
        id: 'x',
        organizationId: 't',
      },
      clientState: 'secret',
      tenantId: 't',
    };
    const body = bytes(JSON.stringify({ value: Array.from({ length: 1000 }, () => notification) }));
    expect(jsonValuesExceed(body, 50_000)).toBe(false);
  });
});
