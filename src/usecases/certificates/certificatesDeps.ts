import type { LearningDeps } from '../learning/learningDeps.ts';
import type { OutboundPipeline } from '../delivery/outboundPorts.ts';
import type { CertificationCatalog, CertificationStore } from './ports.ts';

/** What the certificates use cases talk to: their own store and catalog, enrolling, and sending. */
export interface CertificatesDeps extends Pick<
  LearningDeps,
  'clock' | 'catalog' | 'enrollments' | 'steps' | 'dueWork' | 'policy' | 'people'
> {
  certifications: CertificationStore;
  certificationCatalog: CertificationCatalog;
  /** Every notice goes out through the one outbound pipeline (kind `certificate`). */
  outbound: Pick<OutboundPipeline, 'enqueue'>;
  /** A new verification code: 128 random bits (src/domain/certificates/verification.ts). */
  newVerificationCode(): string;
}
