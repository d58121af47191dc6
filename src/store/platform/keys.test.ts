import { describe, expect, it } from 'vitest';
import { keyPart, rowKey, rowKeyPrefixRange } from './keys.ts';

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
});
