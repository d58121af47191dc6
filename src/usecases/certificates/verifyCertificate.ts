import { dayIn } from '../../domain/certificates/calendarDays.ts';
import type { LocalizedText } from '../../domain/learning/program.ts';
import {
  normalizeCode,
  verificationAnswer,
  type VerificationAnswer,
} from '../../domain/certificates/verification.ts';
import type { CertificatesDeps } from './certificatesDeps.ts';

export type VerifyResult =
  | { kind: 'found'; code: string; answer: VerificationAnswer; certificationTitle: LocalizedText }
  /** Not a code, or a code nobody was given: the same answer, so probing learns nothing. */
  | { kind: 'unknown' };

/**
 * What `GET /verify/<code>` answers, without sign-in: whether the certificate with this code is valid
 * today, and only what the certificate itself shows (the holder's name, the certification, the day
 * certified, valid until).
 */
export async function verifyCertificate(
  deps: Pick<CertificatesDeps, 'certifications' | 'certificationCatalog' | 'people' | 'clock' | 'policy'>,
  input: string,
): Promise<VerifyResult> {
  const code = normalizeCode(input);
  if (!code) return { kind: 'unknown' };
  const entry = await deps.certifications.findCode(code);
  if (!entry) return { kind: 'unknown' };
  const [record, holder] = await Promise.all([
    deps.certifications.get(entry.tenantId, entry.userId, entry.certificationId),
    deps.people.get(entry.tenantId, entry.userId),
  ]);
  const certification = deps.certificationCatalog.find(entry.certificationId);
  if (!record || !certification) return { kind: 'unknown' };
  const today = dayIn(deps.clock.now(), deps.policy.timeZone);
  const answer = verificationAnswer(record, entry, holder?.displayName ?? '', today);
  return answer
    ? { kind: 'found', code, answer, certificationTitle: certification.title }
    : { kind: 'unknown' };
}
