import { randomBytes } from 'node:crypto';
import type { AppDeps, Composed } from './compose.ts';
import { verificationCodeOf } from './domain/certificates/verification.ts';
import { presentCertificateNotice } from './cards/certificates/presenters/noticePresenter.ts';
import { certificateNoticeKind } from './usecases/certificates/certificateNoticeKind.ts';
import type { CertificatesDeps } from './usecases/certificates/certificatesDeps.ts';
import { recordProgramCompletion } from './usecases/certificates/recordProgramCompletion.ts';
import type { OutboundCardKind, OutboundPipeline } from './usecases/delivery/outboundPorts.ts';
import type { ProgramCompletionListener } from './usecases/learning/ports.ts';

/**
 * Wires certifications: their records and catalog, the notices onto the outbound pipeline with the
 * `certificate` kind's renderer (for the worker to register), and the listener that hears of
 * completed programs.
 */
export function composeCertificates(
  composed: Pick<Composed, 'certificates'>,
  app: AppDeps,
  outbound: Pick<OutboundPipeline, 'enqueue'>,
  /** Drypp's public address, for the certificate's download link on the card. */
  publicUrl?: string,
): { deps: CertificatesDeps; completions: ProgramCompletionListener; noticeKind: OutboundCardKind } {
  const base = {
    ...app,
    certifications: composed.certificates.store,
    certificationCatalog: composed.certificates.catalog,
  };
  const deps: CertificatesDeps = {
    ...base,
    outbound,
    newVerificationCode: () => verificationCodeOf(randomBytes(16)),
  };
  return {
    deps,
    noticeKind: certificateNoticeKind(base, (view) => presentCertificateNotice(view, publicUrl)),
    completions: {
      async programCompleted(completion) {
        await recordProgramCompletion(deps, completion);
      },
    },
  };
}
