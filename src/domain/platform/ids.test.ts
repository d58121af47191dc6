import { describe, expect, it } from 'vitest';
import { activityIdOf, objectIdOf, tenantIdOf } from './ids.ts';

describe('ids from activities', () => {
  it('keeps tenant ids that are GUIDs, lower-cased, and nothing else', () => {
    expect(tenantIdOf('7D3F6C2A-4B1E-4F0A-9C8D-2E5B1A6F9C30')).toBe('7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30');
    for (const bad of ['contoso.onmicrosoft.com', 'kari@contoso.no', '', 42, undefined, '{}']) {
      expect(tenantIdOf(bad)).toBeUndefined();
    }
  });

  it('keeps object and activity ids of the documented alphabets only', () => {
    expect(objectIdOf('0f0e0d0c-0000-4000-8000-000000000001')).toBe('0f0e0d0c-0000-4000-8000-000000000001');
    expect(objectIdOf('Kari Nordmann')).toBeUndefined();
    expect(objectIdOf('kari@contoso.no')).toBeUndefined();
    expect(objectIdOf('x'.repeat(65))).toBeUndefined();
    expect(activityIdOf('f:1234567890|0000001')).toBe('f:1234567890|0000001');
    expect(activityIdOf('1:1a2B3c')).toBe('1:1a2B3c');
    expect(activityIdOf('hello world')).toBeUndefined();
    expect(activityIdOf('x'.repeat(129))).toBeUndefined();
  });
});
