// Verification codes: what a certificate carries so anyone can check it at /verify/<code>, and what
// that check may answer. Pure: the code's randomness comes from the caller (crypto in the adapters).
import type { Day } from './calendarDays.ts';
import type { CertificationRecord } from './certificationRecord.ts';

/** 128 random bits in RFC 4648 base32 without padding: 26 characters, no 0/1/8/9 to misread. */
export const VERIFICATION_CODE_PATTERN = /^[A-Z2-7]{26}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes 16 random bytes as a verification code. */
export function verificationCodeOf(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error('a verification code is made of 16 random bytes (128 bits)');
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) code += ALPHABET[(value << (5 - bits)) & 31];
  return code;
}

/** What someone typed or scanned, made comparable: case and spaces or dashes do not matter. */
export function normalizeCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return VERIFICATION_CODE_PATTERN.test(code) ? code : undefined;
}

/** Where a code points: one cycle of one person's certification. */
export interface CodeEntry {
  code: string;
  tenantId: string;
  userId: string;
  certificationId: string;
  cycle: number;
}

/**
 * The answer to a check: exactly what the certificate itself shows (name, certification, the day it
 * was certified, valid until) and whether it is valid today. Nothing else about the person.
 */
export interface VerificationAnswer {
  status: 'valid' | 'expired';
  holderName: string;
  certificationId: string;
  certifiedOn: Day;
  validUntil: Day;
}

export function verificationAnswer(
  record: CertificationRecord,
  entry: CodeEntry,
  holderName: string,
  today: Day,
): VerificationAnswer | undefined {
  const cycle = record.cycles.find((c) => c.n === entry.cycle && c.verificationCode === entry.code);
  if (!cycle) return undefined;
  return {
    status: today <= cycle.validUntil ? 'valid' : 'expired',
    holderName,
    certificationId: record.certificationId,
    certifiedOn: cycle.certifiedOn,
    validUntil: cycle.validUntil,
  };
}
