import { describe, expect, it } from 'vitest';
import { normalizeCode, verificationCodeOf, VERIFICATION_CODE_PATTERN } from './verification.ts';

describe('verification codes', () => {
  it('carry 128 bits in 26 base32 characters', () => {
    expect(verificationCodeOf(new Uint8Array(16))).toBe('A'.repeat(26));
    expect(verificationCodeOf(new Uint8Array(16).fill(255))).toBe(`${'7'.repeat(25)}4`);
    const codes = new Set(
      Array.from({ length: 1000 }, () => verificationCodeOf(crypto.getRandomValues(new Uint8Array(16)))),
    );
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(VERIFICATION_CODE_PATTERN);
  });

  it('refuse anything but 16 bytes', () => {
    expect(() => verificationCodeOf(new Uint8Array(8))).toThrow(/128 bits/);
  });

  it('read what people type: case, spaces and dashes do not matter; anything else is no code', () => {
    const code = verificationCodeOf(crypto.getRandomValues(new Uint8Array(16)));
    expect(normalizeCode(` ${code.slice(0, 13).toLowerCase()}-${code.slice(13)} `)).toBe(code);
    expect(normalizeCode(`${code}A`)).toBeUndefined();
    expect(normalizeCode('../../etc/passwd')).toBeUndefined();
  });
});
