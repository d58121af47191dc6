import { describe, expect, it } from 'vitest';
import { keyPart, personPartition, rowKey, rowKeyPrefixRange, tenantPartitionRange } from './keys.ts';

describe('table keys', () => {
  it('encodes characters Table Storage forbids and the separator', () => {
    expect(keyPart('a/b#c?d\\e|f%')).toBe('a%2fb%23c%3fd%5ce%7cf%25');
  });

  it('keeps distinct ids distinct after encoding', () => {
    expect(rowKey('a|b', 'c')).not.toBe(rowKey('a', 'b|c'));
  });

  it('refuses an empty part', () => {
    expect(() => keyPart('')).toThrow();
  });

  it('builds a prefix range that contains exactly the rows of that prefix', () => {
    const { from, to } = rowKeyPrefixRange('user-1');
    const inside = rowKey('user-1', 'program-a');
    const outside = rowKey('user-10', 'program-a');
    expect(inside >= from && inside < to).toBe(true);
    expect(outside >= from && outside < to).toBe(false);
  });

  it("spreads a tenant over 256 People partitions, all inside the tenant's range", () => {
    const tenant = '5b1c7e3a-9d2f-4e8b-a6c1-0f3e5d7b9a24';
    const other = '5b1c7e3a-9d2f-4e8b-a6c1-0f3e5d7b9a25';
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    const ids = Array.from(
      { length: 4096 },
      (_, i) => `${hex(i % 256)}${hex(i >> 8)}aaaa-0000-4000-8000-000000000000`,
    );
    const partitions = new Set(ids.map((id) => personPartition(tenant, id.toUpperCase())));
    expect(partitions.size).toBe(256);
    const mine = tenantPartitionRange(tenant);
    const theirs = tenantPartitionRange(other);
    for (const p of partitions) {
      expect(p.startsWith(`${tenant}|`) && p >= mine.from && p < mine.to).toBe(true);
      expect(p >= theirs.from && p < theirs.to).toBe(false);
    }
    expect(personPartition(tenant, 'not-a-guid')).toBe(`${tenant}|_`);
  });
});
